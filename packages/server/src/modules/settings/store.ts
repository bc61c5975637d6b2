import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { recordAudit, type AuditActor } from '../audit/service.js';

/** A stored setting, or undefined when never set. The caller parses it with its own schema. */
export async function readSetting(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** Writes a setting and its audit entry in one transaction. */
export async function writeSetting(db: Db, actor: AuditActor, key: string, value: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await readSetting(tx, key);
    await tx
      .insert(settings)
      .values({ key, value, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), updatedBy: actor.id } });
    await recordAudit(tx, actor, {
      action: 'settings.update',
      targetType: 'setting',
      targetId: key,
      before: before ?? null,
      after: value,
    });
  });
}
