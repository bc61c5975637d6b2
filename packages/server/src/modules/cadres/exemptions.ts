import { asc, eq } from 'drizzle-orm';
import type { IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { cadreExemptions } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as ledger from '../ledger/index.js';
import { findCadre } from './repository.js';
import type { NewExemption } from './schema.js';

export type ExemptionRow = typeof cadreExemptions.$inferSelect;

/** A cadre's 容错免责 decisions, oldest first. */
export function exemptionsOf(db: Db, cadreId: number): Promise<ExemptionRow[]> {
  return db
    .select()
    .from(cadreExemptions)
    .where(eq(cadreExemptions.cadreId, cadreId))
    .orderBy(asc(cadreExemptions.decidedOn), asc(cadreExemptions.id));
}

/** Records a decision (appended, audited); the ledger item it names must exist. */
export async function recordExemption(
  db: Db,
  who: AuditActor,
  cadreId: number,
  input: NewExemption,
  today: IsoDate,
): Promise<ExemptionRow> {
  return db.transaction(async (tx) => {
    const cadre = await findCadre(tx, cadreId);
    if (!cadre) throw notFound('干部');
    if (input.decidedOn > today) throw new AppError('VALIDATION_FAILED', '决定日期不能晚于今天');
    if (input.itemId !== null && (await ledger.itemsByIds(tx, [input.itemId], today)).length === 0)
      throw new AppError('VALIDATION_FAILED', `督办事项 ${input.itemId} 不存在`);
    const [row] = await tx
      .insert(cadreExemptions)
      .values({ ...input, cadreId, createdBy: who.id })
      .returning();
    await recordAudit(tx, who, {
      action: 'cadre.exemption',
      targetType: 'cadre',
      targetId: cadreId,
      unitId: cadre.unitId,
      after: { ...input },
    });
    return row!;
  });
}
