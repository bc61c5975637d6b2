import { answerProblem, type Actor, type UrgeSubject } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { invalidState, notFound } from '../../errors.js';
import { emit } from '../../events/emit.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  insertInstruction,
  insertUrge,
  lockInstruction,
  saveAnswer,
  urgesOn,
  type InstructionRow,
  type SubjectKey,
  type UrgeRow,
} from './repository.js';

/** What the urge or instruction is on, as the caller (ledger, dispatch) knows it: the key, the unit, words and a link. */
export interface Subject {
  subject: UrgeSubject;
  key: SubjectKey;
  unitId: number;
  /** The item's title or the month's report, as notices and the audit name it. */
  what: string;
  /** The web page where the unit sees it. */
  link: string;
}

const keyColumns = (s: Subject) =>
  'ledgerItemId' in s.key
    ? { ledgerItemId: s.key.ledgerItemId, periodId: null }
    : { ledgerItemId: null, periodId: s.key.periodId };
const auditTarget = (s: Subject) =>
  'ledgerItemId' in s.key
    ? { targetType: 'ledger_item', targetId: s.key.ledgerItemId }
    : { targetType: 'report', targetId: `${s.key.periodId}:${s.key.unitId}` };

/**
 * 催办, inside the caller's transaction (it has checked the rule on its own facts): one row, the unit's
 * people told (the bell and outside channels), audited with the count before and after.
 */
export async function recordUrge(tx: Db, actor: Actor, who: AuditActor, s: Subject, message: string): Promise<UrgeRow> {
  const before = (await urgesOn(tx, s.key)).length;
  const row = await insertUrge(tx, {
    subject: s.subject,
    ...keyColumns(s),
    unitId: s.unitId,
    message,
    byUserId: actor.userId,
    byName: who.name,
  });
  await emit(tx, {
    type: 'supervision.urged',
    urgeId: row.id,
    unitId: s.unitId,
    what: s.what,
    message,
    byName: who.name,
    count: before + 1,
    link: s.link,
  });
  await recordAudit(tx, who, {
    action: 'supervision.urge',
    ...auditTarget(s),
    unitId: s.unitId,
    before: { urges: before },
    after: { urges: before + 1, message },
  });
  return row;
}

/** 批示, inside the caller's transaction: the unit is told; audited. */
export async function recordInstruction(
  tx: Db,
  actor: Actor,
  who: AuditActor,
  s: Subject,
  text: string,
): Promise<InstructionRow> {
  const row = await insertInstruction(tx, {
    subject: s.subject,
    ...keyColumns(s),
    unitId: s.unitId,
    text,
    what: s.what,
    link: s.link,
    byUserId: actor.userId,
    byName: who.name,
  });
  await emit(tx, {
    type: 'supervision.instructed',
    instructionId: row.id,
    unitId: s.unitId,
    what: s.what,
    text,
    byName: who.name,
    link: s.link,
  });
  await recordAudit(tx, who, {
    action: 'supervision.instruct',
    ...auditTarget(s),
    unitId: s.unitId,
    before: null,
    after: { instructionId: row.id, text },
  });
  return row;
}

/** 回复: the unit answers an instruction once; the leader who wrote it is told. */
export async function answerInstruction(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  text: string,
): Promise<InstructionRow> {
  return db.transaction(async (tx) => {
    const row = await lockInstruction(tx, id);
    if (!row) throw notFound('批示');
    const problem = answerProblem(row.answeredAt !== null);
    if (problem) throw invalidState(problem);
    const saved = await saveAnswer(tx, id, { text, byUserId: actor.userId, byName: who.name });
    await emit(tx, {
      type: 'supervision.answered',
      instructionId: id,
      leaderId: row.byUserId,
      what: row.what,
      answer: text,
      byName: who.name,
      link: row.link,
    });
    await recordAudit(tx, who, {
      action: 'supervision.answer',
      targetType: 'instruction',
      targetId: id,
      unitId: row.unitId,
      before: { answer: null },
      after: { answer: text },
    });
    return saved;
  });
}
