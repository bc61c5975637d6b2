import type { IsoDate, LedgerState } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import * as units from '../units/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { emit } from '../../events/emit.js';
import { itemFacts } from './facts.js';
import { answersOf, insertEvent, insertItem, lockItem, updateItem } from './repository.js';

/**
 * What other modules' use cases do to the ledger without a person at the office's desk: a citizen's bad
 * rating opens a rectification item, the rater's follow-up closes or reopens it. Each runs in the
 * caller's transaction, leaves a history entry and an audit entry like any other step.
 */

export interface Rectification {
  title: string;
  content: string;
  source: '群众差评' | '企业诉求' | '项目约谈' | '金点子';
  leadUnitId: number;
  deadline: IsoDate;
  tags: string[];
  /** The leader responsible (a 约谈's interviewer), who sees it among his items. */
  leaderId?: number | null;
  /** 配合单位 (an enterprise's 诉求 may need several), told like the co-units of an item the office creates. */
  coUnitIds?: number[];
  /** The co-units' name for the notice, when there are co-units. */
  leadUnitName?: string;
  /** The office (考核办) that owns the item (a rated point's); without one, the lead unit's office. */
  officeUnitId?: number;
}

/** Opens an item the system itself assigns (no creator account); the office is told of its close-out. */
export async function openRectification(tx: Db, who: AuditActor, r: Rectification): Promise<number> {
  const leadPath = await units.pathOf(tx, r.leadUnitId);
  const officeUnitId = r.officeUnitId ?? (leadPath === null ? null : (await units.officeOf(tx, leadPath))?.unitId);
  if (officeUnitId === null || officeUnitId === undefined)
    throw new AppError('VALIDATION_FAILED', '牵头单位不属于任何考核办');
  const row = await insertItem(tx, {
    officeUnitId,
    title: r.title,
    content: r.content,
    source: r.source,
    leadUnitId: r.leadUnitId,
    coUnitIds: r.coUnitIds ?? [],
    leaderId: r.leaderId ?? null,
    deadline: r.deadline,
    originalDeadline: r.deadline,
    priority: 'important',
    tags: r.tags,
    createdBy: null,
  });
  await insertEvent(tx, {
    itemId: row.id,
    kind: 'assign',
    actorId: null,
    actorName: who.name,
    unitId: null,
    text: '',
    data: { deadline: r.deadline, leadUnitId: r.leadUnitId, parentId: null },
  });
  await recordAudit(tx, who, {
    action: 'ledger.create',
    targetType: 'ledger_item',
    targetId: row.id,
    unitId: row.leadUnitId,
    after: { ...r },
  });
  await emit(tx, { type: 'ledger.item.assigned', deadline: row.deadline, fromUnitName: null, ...itemFacts(row) });
  if (row.coUnitIds.length > 0)
    await emit(tx, {
      type: 'ledger.item.co_assigned',
      coUnitIds: row.coUnitIds,
      leadUnitName: r.leadUnitName ?? '',
      deadline: row.deadline,
      ...itemFacts(row),
    });
  return row.id;
}

export interface ItemAnswer {
  state: LedgerState;
  deadline: IsoDate;
  /** The lead unit's latest close-out text (its answer to whoever raised it), with when. */
  answer: { text: string; at: Date } | null;
}

/** State, deadline and the latest answer of each item. */
export async function itemAnswers(db: Db, ids: number[]): Promise<Map<number, ItemAnswer>> {
  const rows = await answersOf(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        state: r.state,
        deadline: r.deadline,
        answer: r.answer !== null && r.answeredAt !== null ? { text: r.answer, at: r.answeredAt } : null,
      },
    ]),
  );
}

/**
 * The rater's verdict on the unit's answer (追评): satisfied closes an item waiting for close-out;
 * unsatisfied sends it back to the unit once and tells the office. Returns the item's new state.
 */
export async function raterVerdict(
  tx: Db,
  who: AuditActor,
  itemId: number,
  verdict: 'satisfied' | 'unsatisfied',
  text: string,
  today: IsoDate,
): Promise<LedgerState | null> {
  const item = await lockItem(tx, itemId);
  if (!item) return null;
  const before = { state: item.state, version: item.version };
  const event = (kind: string, body: string) =>
    insertEvent(tx, { itemId, kind, actorId: null, actorName: who.name, unitId: null, text: body, data: null });
  let updated = item;
  if (verdict === 'satisfied') {
    await event('rater_satisfied', text ? `评价人追评满意：${text}` : '评价人追评满意');
    if (item.state === 'close_requested')
      updated = await updateItem(tx, item, { state: 'closed', closedOn: today, closedBy: null });
  } else {
    await event('rater_unsatisfied', text ? `评价人追评不满意：${text}` : '评价人追评不满意');
    if (item.state === 'close_requested' || item.state === 'closed')
      updated = await updateItem(tx, item, { state: 'in_progress', closedOn: null, closedBy: null });
  }
  await emit(tx, {
    type: 'ledger.item.rater_verdict',
    satisfied: verdict === 'satisfied',
    text,
    closed: updated.state === 'closed',
    ...itemFacts(updated),
  });
  await recordAudit(tx, who, {
    action: `ledger.rater_${verdict}`,
    targetType: 'ledger_item',
    targetId: itemId,
    unitId: item.leadUnitId,
    before,
    after: { state: updated.state, version: updated.version },
  });
  return updated.state;
}

/** Closes an item whose cause was found void (an upheld appeal against a bad rating): 免于整改, on the record. */
export async function waiveRectification(
  tx: Db,
  who: AuditActor,
  itemId: number,
  reason: string,
  today: IsoDate,
): Promise<void> {
  const item = await lockItem(tx, itemId);
  if (!item || item.state === 'closed') return;
  await insertEvent(tx, {
    itemId,
    kind: 'waived',
    actorId: null,
    actorName: who.name,
    unitId: null,
    text: reason,
    data: null,
  });
  const updated = await updateItem(tx, item, { state: 'closed', closedOn: today, closedBy: who.id });
  await recordAudit(tx, who, {
    action: 'ledger.waive',
    targetType: 'ledger_item',
    targetId: itemId,
    unitId: item.leadUnitId,
    before: { state: item.state, version: item.version },
    after: { state: updated.state, version: updated.version, reason },
  });
}

/**
 * Closes an item whose work another module recorded (a 约谈 held and written down): the record is the
 * close-out, on the item's history, audited. An item closed already is left as it is.
 */
export async function closeWithRecord(
  tx: Db,
  who: AuditActor,
  itemId: number,
  record: { kind: string; text: string },
  today: IsoDate,
): Promise<void> {
  const item = await lockItem(tx, itemId);
  if (!item || item.state === 'closed') return;
  await insertEvent(tx, {
    itemId,
    kind: record.kind,
    actorId: who.id,
    actorName: who.name,
    unitId: null,
    text: record.text,
    data: null,
  });
  const updated = await updateItem(tx, item, { state: 'closed', closedOn: today, closedBy: who.id });
  await recordAudit(tx, who, {
    action: `ledger.${record.kind}`,
    targetType: 'ledger_item',
    targetId: itemId,
    unitId: item.leadUnitId,
    before: { state: item.state, version: item.version },
    after: { state: updated.state, version: updated.version, text: record.text },
  });
}
