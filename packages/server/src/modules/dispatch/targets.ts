import { can, parseDecimal, ScoringInputError, toDecimal, unitFilter, type Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalidState, notFound, type ImportProblem } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { emit } from '../../events/emit.js';
import * as units from '../units/index.js';
import {
  campaignIndicators,
  confirmTargetRows,
  getCampaign,
  getIndicator,
  getTarget,
  insertTarget,
  lockTarget as lockTargetRow,
  lockUnconfirmedTargets,
  lockYearTargets,
  updateTarget,
  userName,
  yearTargets,
  type IndicatorRow,
  type TargetRow,
} from './repo.js';
import type { TargetInput } from './schema.js';

/** One target's problems (base > 0, stretch beyond base in the indicator's direction), in words for the form or the sheet. */
export function targetProblems(
  ind: IndicatorRow,
  base: string,
  stretch: string | null,
): { column: '基本目标' | '冲刺目标'; message: string }[] {
  const out: { column: '基本目标' | '冲刺目标'; message: string }[] = [];
  let b: number | null = null;
  try {
    b = parseDecimal(base, '基本目标');
    if (b <= 0) out.push({ column: '基本目标', message: `须大于 0（填写的是 ${base}）` });
  } catch (e) {
    if (!(e instanceof ScoringInputError)) throw e;
    out.push({ column: '基本目标', message: e.reason });
  }
  if (stretch !== null) {
    try {
      const s = parseDecimal(stretch, '冲刺目标');
      if (b !== null && (ind.lowerIsBetter ? s > b : s < b))
        out.push({
          column: '冲刺目标',
          message: ind.lowerIsBetter ? '越低越好的指标，冲刺目标不能高于基本目标' : `不能低于基本目标 ${toDecimal(b)}`,
        });
    } catch (e) {
      if (!(e instanceof ScoringInputError)) throw e;
      out.push({ column: '冲刺目标', message: e.reason });
    }
  }
  return out;
}

/**
 * Sets base and stretch targets for a year, all or nothing. A target the unit head has confirmed (承诺)
 * is not overwritten: it changes only through a change request the office approves.
 */
export async function setTargets(
  db: Db,
  _actor: Actor,
  who: AuditActor,
  campaignId: number,
  year: number,
  rows: TargetInput[],
): Promise<{ saved: number }> {
  return db.transaction(async (tx) => {
    const campaign = await getCampaign(tx, campaignId);
    if (!campaign) throw notFound('活动');
    if (year < campaign.startYear || year > campaign.endYear)
      throw new AppError(
        'VALIDATION_FAILED',
        `年份 ${year} 不在活动期间（${campaign.startYear}–${campaign.endYear}）内`,
      );
    const inds = new Map((await campaignIndicators(tx, campaignId)).map((i) => [i.id, i]));
    const unitIds = new Set((await units.all(tx)).map((u) => u.id));
    const problems: ImportProblem[] = [];
    rows.forEach((r, n) => {
      const ind = inds.get(r.indicatorId);
      if (!ind) problems.push({ row: n + 1, column: '指标', message: `指标 ${r.indicatorId} 不属于本活动` });
      if (!unitIds.has(r.unitId)) problems.push({ row: n + 1, column: '单位', message: `单位 ${r.unitId} 不存在` });
      if (ind) for (const p of targetProblems(ind, r.base, r.stretch)) problems.push({ row: n + 1, ...p });
    });
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', `目标有 ${problems.length} 处错误，未保存任何目标`, { errors: problems });
    const existing = await lockYearTargets(tx, year, [...inds.keys()]);
    const byKey = new Map(existing.map((t) => [`${t.indicatorId}/${t.unitId}`, t]));
    const locked = rows.filter((r) => byKey.get(`${r.indicatorId}/${r.unitId}`)?.confirmedAt);
    if (locked.length > 0)
      throw conflict(`${locked.length} 个目标已由单位确认，须由单位提出调整申请并经考核办审批`, {
        targets: locked.map((r) => ({ indicatorId: r.indicatorId, unitId: r.unitId })),
      });
    for (const r of rows) {
      const before = byKey.get(`${r.indicatorId}/${r.unitId}`);
      const values = { base: r.base, stretch: r.stretch, fromPeriod: r.fromPeriod };
      if (before) await updateTarget(tx, before.id, values);
      else await insertTarget(tx, { indicatorId: r.indicatorId, unitId: r.unitId, year, ...values });
    }
    await recordAudit(tx, who, {
      action: 'target.set',
      targetType: 'campaign',
      targetId: campaignId,
      after: { year, targets: rows },
    });
    return { saved: rows.length };
  });
}

/** 立目标: the unit head commits to the unit's targets for the year. */
export async function confirmTargets(
  db: Db,
  actor: Actor,
  who: AuditActor,
  campaignId: number,
  unitId: number,
  year: number,
): Promise<{ confirmed: number }> {
  return db.transaction(async (tx) => {
    const ids = (await campaignIndicators(tx, campaignId)).map((i) => i.id);
    if (ids.length === 0) throw notFound('活动');
    const open = await lockUnconfirmedTargets(tx, unitId, year, ids);
    if (open.length === 0) throw invalidState('没有待确认的目标');
    await confirmTargetRows(
      tx,
      open.map((t) => t.id),
      actor.userId,
    );
    await recordAudit(tx, who, {
      action: 'target.confirm',
      targetType: 'unit',
      targetId: unitId,
      unitId,
      after: { year, targets: open.map((t) => ({ indicatorId: t.indicatorId, base: t.base, stretch: t.stretch })) },
    });
    return { confirmed: open.length };
  });
}

async function lockTarget(tx: Db, id: number): Promise<TargetRow> {
  const row = await lockTargetRow(tx, id);
  if (!row) throw notFound('目标');
  return row;
}

/** "80/100": base and stretch as a notice says them. */
const targetText = (t: { base: string; stretch: string | null }) => (t.stretch ? `${t.base}/${t.stretch}` : t.base);

/** A change to a confirmed target, asked by the unit head and waiting for the office. */
export async function requestTargetChange(
  db: Db,
  actor: Actor,
  who: AuditActor,
  targetId: number,
  change: { base: string; stretch: string | null; reason: string },
) {
  const target = await getTarget(db, targetId);
  if (!target) throw notFound('目标');
  const indicator = await getIndicator(db, target.indicatorId);
  if (!indicator) throw notFound('指标');
  const problems = targetProblems(indicator, change.base, change.stretch);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.column}${p.message}`).join('；'), {
      errors: problems,
    });
  return db.transaction(async (tx) => {
    const row = await lockTarget(tx, target.id);
    if (!row.confirmedAt) throw invalidState('目标尚未确认，可直接由考核办修改，无需申请');
    const pending = {
      ...change,
      by: actor.userId,
      byName: await userName(tx, actor.userId),
      at: new Date().toISOString(),
    };
    await updateTarget(tx, row.id, { pendingChange: pending }, false);
    await recordAudit(tx, who, {
      action: 'target.change.request',
      targetType: 'target',
      targetId: row.id,
      unitId: row.unitId,
      before: { base: row.base, stretch: row.stretch },
      after: pending,
    });
    await emit(tx, {
      type: 'target.change.requested',
      targetId: row.id,
      unitId: row.unitId,
      unitName: (await units.nameOf(tx, row.unitId)) ?? '',
      indicatorName: indicator.name,
      from: targetText(row),
      to: targetText(change),
      reason: change.reason,
    });
    return { id: row.id };
  });
}

/** The office approves or refuses a pending change, with a comment for the unit. */
export async function decideTargetChange(
  db: Db,
  who: AuditActor,
  targetId: number,
  { approve, comment }: { approve: boolean; comment: string },
) {
  return db.transaction(async (tx) => {
    const row = await lockTarget(tx, targetId);
    const pending = row.pendingChange;
    if (!pending) throw invalidState('该目标没有待审批的调整申请');
    await updateTarget(
      tx,
      row.id,
      approve ? { base: pending.base, stretch: pending.stretch, pendingChange: null } : { pendingChange: null },
      approve,
    );
    await recordAudit(tx, who, {
      action: approve ? 'target.change.approve' : 'target.change.refuse',
      targetType: 'target',
      targetId: row.id,
      unitId: row.unitId,
      before: { base: row.base, stretch: row.stretch },
      after: { ...pending, comment },
    });
    const ind = await getIndicator(tx, row.indicatorId);
    await emit(tx, {
      type: 'target.change.decided',
      targetId: row.id,
      unitId: row.unitId,
      indicatorName: ind?.name ?? '',
      approved: approve,
      to: targetText(pending),
      comment,
    });
    return { id: row.id, approved: approve };
  });
}

/** The year's targets of a campaign the actor may read, with unit names (the set-up table). */
export async function targetList(db: Db, actor: Actor, campaignId: number, year: number) {
  const inds = await campaignIndicators(db, campaignId);
  const unitById = new Map((await units.all(db)).map((u) => [u.id, u]));
  const rows = await yearTargets(
    db,
    inds.map((i) => i.id),
    year,
  );
  const filter = unitFilter(actor, 'target.read');
  return {
    targets: rows
      .filter((t) => filter.kind === 'all' || can(actor, 'target.read', unitById.get(t.unitId)?.path ?? '#'))
      .map((t) => ({
        id: t.id,
        indicatorId: t.indicatorId,
        unitId: t.unitId,
        unitName: unitById.get(t.unitId)?.name ?? '',
        base: t.base,
        stretch: t.stretch,
        fromPeriod: t.fromPeriod,
        confirmed: t.confirmedAt !== null,
        pendingChange: t.pendingChange,
      })),
  };
}
