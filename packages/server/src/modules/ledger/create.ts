import {
  dayNumber,
  LEDGER_PRIORITIES,
  LEDGER_SOURCES,
  stepDeadlinesProblem,
  type Actor,
  type IsoDate,
  type LedgerPriority,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { actorOffice, checkAccess } from '../../http/access.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { actingParty, itemParties, partyUnitIds } from './access.js';
import {
  getItem,
  insertEvent,
  insertItem,
  insertSteps,
  leaders,
  stepsOf,
  unitsByIds,
  type ItemRow,
  type UnitRef,
} from './repository.js';
import { emit } from '../../events/emit.js';
import { itemFacts } from './facts.js';

export interface NewItem {
  title: string;
  content: string;
  source: string;
  leadUnitId: number;
  coUnitIds: number[];
  leaderId: number | null;
  deadline: IsoDate;
  priority: string;
  tags: string[];
  steps: { title: string; deadline: IsoDate }[];
  /** 擂台承诺: the arena where it was promised. */
  arenaId?: number | null;
}

export interface FieldProblem {
  field: keyof NewItem;
  message: string;
}

/** Every problem of a new item, by field: the form and the Excel import report the same sentences. */
export function newItemProblems(
  item: NewItem,
  ctx: { today: IsoDate; units: Map<number, UnitRef>; leaderIds: Set<number> },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (item.title.trim().length < 2) out.push({ field: 'title', message: '事项标题至少 2 个字' });
  if (!(LEDGER_SOURCES as readonly string[]).includes(item.source))
    out.push({ field: 'source', message: `来源须为：${LEDGER_SOURCES.join('、')}` });
  if (!(LEDGER_PRIORITIES as readonly string[]).includes(item.priority))
    out.push({ field: 'priority', message: '优先级须为一般、重要或紧急' });
  const lead = ctx.units.get(item.leadUnitId);
  if (!lead || !lead.active) out.push({ field: 'leadUnitId', message: '牵头单位不存在或已停用' });
  const badCo = item.coUnitIds.filter((id) => !ctx.units.get(id)?.active);
  if (badCo.length > 0) out.push({ field: 'coUnitIds', message: `配合单位 ${badCo.join('、')} 不存在或已停用` });
  if (item.coUnitIds.includes(item.leadUnitId)) out.push({ field: 'coUnitIds', message: '牵头单位不能同时是配合单位' });
  if (item.leaderId !== null && !ctx.leaderIds.has(item.leaderId))
    out.push({ field: 'leaderId', message: '责任领导须是启用的区领导账号' });
  let deadlineOk = true;
  try {
    if (dayNumber(item.deadline) < dayNumber(ctx.today)) {
      out.push({
        field: 'deadline',
        message: `完成期限 ${item.deadline} 早于今天（${ctx.today}），不能交办已过期的事项`,
      });
    }
  } catch {
    deadlineOk = false;
    out.push({ field: 'deadline', message: `完成期限“${item.deadline}”不是有效日期（YYYY-MM-DD）` });
  }
  if (deadlineOk && item.steps.length > 0) {
    try {
      const problem = stepDeadlinesProblem(item.deadline, item.steps);
      if (problem) out.push({ field: 'steps', message: problem });
      const early = item.steps.findIndex((s) => dayNumber(s.deadline) < dayNumber(ctx.today));
      if (early >= 0) out.push({ field: 'steps', message: `第 ${early + 1} 个节点的期限早于今天` });
    } catch {
      out.push({ field: 'steps', message: '节点期限须为有效日期（YYYY-MM-DD）' });
    }
  }
  return out;
}

export async function validationContext(db: Db, items: NewItem[], today: IsoDate) {
  const [units, leaderRows] = await Promise.all([
    unitsByIds(
      db,
      items.flatMap((i) => [i.leadUnitId, ...i.coUnitIds]),
    ),
    leaders(db),
  ]);
  return { today, units, leaderIds: new Set(leaderRows.map((l) => l.id)) };
}

const FIELD_LABELS: Record<keyof NewItem, string> = {
  title: '事项标题',
  content: '具体内容',
  source: '来源',
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  leaderId: '责任领导',
  deadline: '完成期限',
  priority: '优先级',
  tags: '标签',
  steps: '工作节点',
  arenaId: '擂台赛',
};

/** Inserts validated items with their steps, history, audit and assignment notices, in the caller's transaction. */
export async function insertItems(
  tx: Db,
  actor: Actor,
  who: AuditActor,
  items: NewItem[],
  parent: { id: number; officeUnitId: number } | null = null,
): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  // A sub-item stays its parent's office's; a new item is the actor's office's, led by units under it.
  const officeUnitId = parent?.officeUnitId ?? actorOffice(actor).unitId;
  for (const i of items) {
    if (!parent)
      for (const unitId of [i.leadUnitId, ...i.coUnitIds]) await checkAccess(tx, actor, 'ledger.manage', { unitId });
    const row = await insertItem(tx, {
      parentId: parent?.id ?? null,
      officeUnitId,
      title: i.title.trim(),
      content: i.content.trim(),
      source: i.source,
      leadUnitId: i.leadUnitId,
      coUnitIds: i.coUnitIds,
      leaderId: i.leaderId,
      deadline: i.deadline,
      originalDeadline: i.deadline,
      priority: i.priority as LedgerPriority, // checked with the other fields before anything is written
      tags: i.tags,
      arenaId: i.arenaId ?? null,
      createdBy: actor.userId,
    });
    await insertSteps(tx, row.id, i.steps);
    await insertEvent(tx, {
      itemId: row.id,
      kind: 'assign',
      actorId: actor.userId,
      actorName: who.name,
      unitId: actor.unitId,
      text: '',
      data: { deadline: i.deadline, leadUnitId: i.leadUnitId, parentId: parent?.id ?? null },
    });
    await recordAudit(tx, who, {
      action: 'ledger.create',
      targetType: 'ledger_item',
      targetId: row.id,
      unitId: row.leadUnitId,
      after: { ...i },
    });
    await emit(tx, { type: 'ledger.item.assigned', deadline: row.deadline, fromUnitName: null, ...itemFacts(row) });
    if (row.coUnitIds.length > 0)
      await emit(tx, {
        type: 'ledger.item.co_assigned',
        coUnitIds: row.coUnitIds,
        leadUnitName: (await unitsByIds(tx, [row.leadUnitId])).get(row.leadUnitId)?.name ?? '',
        deadline: row.deadline,
        ...itemFacts(row),
      });
    out.push(row);
  }
  return out;
}

/** Creates one item, refusing it whole with every problem named. */
export async function createItem(
  db: Db,
  actor: Actor,
  who: AuditActor,
  input: NewItem,
  today: IsoDate,
): Promise<ItemRow> {
  const problems = newItemProblems(input, await validationContext(db, [input], today));
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', problems.map((p) => `${FIELD_LABELS[p.field]}：${p.message}`).join('；'), {
      issues: problems.map((p) => ({ path: p.field, message: p.message })),
    });
  }
  return db.transaction(async (tx) => (await insertItems(tx, actor, who, [input]))[0]!);
}

/** 分解: one sub-item per unit, each led by that unit, copying the parent's content, leader and steps. */
export async function splitItem(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  parts: { unitId: number; deadline?: IsoDate | undefined }[],
  today: IsoDate,
): Promise<ItemRow[]> {
  const parent = await getItem(db, id);
  if (!parent) throw notFound('督办事项');
  // The rule that offers 分解 in the item's actions (core's state machine) refuses it here.
  actingParty(actor, itemParties(parent, await unitsByIds(db, partyUnitIds(parent))), parent.state, 'split');
  if (new Set(parts.map((p) => p.unitId)).size !== parts.length)
    throw new AppError('VALIDATION_FAILED', '分解的单位有重复');
  const steps = (await stepsOf(db, [id])).get(id) ?? [];
  const units = await unitsByIds(
    db,
    parts.map((p) => p.unitId),
  );
  const items: NewItem[] = parts.map((p) => ({
    title: `${parent.title}（${units.get(p.unitId)?.name ?? p.unitId}）`,
    content: parent.content,
    source: parent.source,
    leadUnitId: p.unitId,
    coUnitIds: [],
    leaderId: parent.leaderId,
    deadline: p.deadline ?? parent.deadline,
    priority: parent.priority,
    tags: parent.tags,
    steps:
      p.deadline && p.deadline !== parent.deadline ? [] : steps.map((s) => ({ title: s.title, deadline: s.deadline })),
  }));
  const ctx = await validationContext(db, items, today);
  const problems = items.flatMap((it, i) =>
    newItemProblems(it, ctx).map((p) => `第 ${i + 1} 个单位 ${FIELD_LABELS[p.field]}：${p.message}`),
  );
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'));
  return db.transaction(async (tx) => {
    const rows = await insertItems(tx, actor, who, items, parent);
    await insertEvent(tx, {
      itemId: parent.id,
      kind: 'split',
      actorId: actor.userId,
      actorName: who.name,
      unitId: actor.unitId,
      text: `分解为 ${rows.length} 个子事项`,
      data: { children: rows.map((r) => r.id) },
    });
    return rows;
  });
}

export { FIELD_LABELS };
