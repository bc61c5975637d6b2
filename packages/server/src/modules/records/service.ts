import type { Actor, CadreRecord, IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as cadres from '../cadres/index.js';
import * as documents from '../documents/index.js';
import { recordDossier } from './dossier.js';
import { cadreRecord } from './record.js';

/**
 * Every opening of a record is logged (PIPL: personal information read is accounted for), in the same
 * transaction that reads it, so no read goes unrecorded. The entry says what was shown, not the record itself.
 */
async function audited(tx: Db, who: AuditActor, action: string, r: CadreRecord): Promise<void> {
  const unit = await cadres.byId(tx, r.cadre.id);
  await recordAudit(tx, who, {
    action,
    targetType: 'cadre',
    targetId: r.cadre.id,
    unitId: unit?.unitId ?? null,
    after: {
      name: r.cadre.name,
      arenas: r.arenas.length,
      promises: r.promises.length,
      grades: r.grades.length,
      led: r.led.items.length,
      exemptions: r.exemptions.length,
    },
  });
}

export function readRecord(
  db: Db,
  actor: Actor,
  who: AuditActor,
  cadreId: number,
  today: IsoDate,
): Promise<CadreRecord> {
  return db.transaction(async (tx) => {
    const r = await cadreRecord(tx, actor, cadreId, today);
    await audited(tx, who, 'cadre.record.read', r);
    return r;
  });
}

export function recordDocument(
  db: Db,
  actor: Actor,
  who: AuditActor,
  cadreId: number,
  today: IsoDate,
): Promise<{ name: string; body: Buffer }> {
  return db.transaction(async (tx) => {
    const r = await cadreRecord(tx, actor, cadreId, today);
    await audited(tx, who, 'cadre.record.export', r);
    const letterhead = await documents.letterhead(tx, actor, { kind: 'cadre_record', subject: String(cadreId), today });
    return { name: `${r.cadre.name}同志实绩档案.docx`, body: await recordDossier(r, letterhead) };
  });
}

/** The caller's own cadre entry, if the register links one to their account. */
export async function mine(db: Db, userId: number): Promise<{ id: number | null }> {
  return { id: (await cadres.ofUser(db, userId))?.id ?? null };
}
