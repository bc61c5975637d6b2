import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { settingValue, upsertSetting } from './repository.js';

/** A stored setting, or undefined when never set. The caller parses it with its own schema. */
export async function readSetting(db: Db, key: string): Promise<unknown> {
  return settingValue(db, key);
}

/**
 * Writes a setting and its audit entry in one transaction. `inEffect` reads what applied before (the
 * defaults when nothing was stored), so the entry's before is never a bare null for a first change.
 */
export async function writeSetting(
  db: Db,
  actor: AuditActor,
  key: string,
  value: unknown,
  inEffect: (tx: Db) => Promise<unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await inEffect(tx);
    await upsertSetting(tx, key, value, actor.id);
    await recordAudit(tx, actor, {
      action: 'settings.update',
      targetType: 'setting',
      targetId: key,
      before: before ?? null,
      after: value,
    });
  });
}
