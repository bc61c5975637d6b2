import {
  BAD_RATING_STATE_LABELS,
  BAD_RATING_STATES,
  badRatingState,
  emptyRatingCounts,
  ratingFigures,
  type RatingCounts,
  type Actor,
  type BadRatingFacts,
  type Rate,
  type RatingsOverview,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { exportWorkbook, INT_FMT, numberCell, PERCENT_FMT, SCORE_FMT } from '../../excel/index.js';
import * as units from '../units/index.js';
import type { RatingKeys } from './keys.js';
import { listForActor } from './office.js';
import { pointViews } from './points.js';
import { badStateFacts, reasonCounts } from './repository.js';
import { standings, trend, type UnitStanding } from './stats.js';

/** The units a list may show: the permission's scope, narrowed to one unit when asked. */
export async function scopeUnits(db: Db, scope: UnitFilter, unitId?: number): Promise<number[]> {
  const ids = (await units.inScope(db, scope)).map((u) => u.id);
  return unitId === undefined ? ids : ids.filter((id) => id === unitId);
}

/** Units by name, for a form's choice. */
export async function unitChoices(db: Db, scope: UnitFilter): Promise<{ id: number; name: string }[]> {
  return (await units.inScope(db, scope)).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
}

export async function pointList(db: Db, actor: Actor, scope: UnitFilter, unitId?: number) {
  return pointViews(db, actor, await scopeUnits(db, scope, unitId));
}

export async function ratingList(
  db: Db,
  keys: RatingKeys,
  actor: Actor,
  unitIds: number[],
  q: {
    from?: string | undefined;
    to?: string | undefined;
    pointId?: number | undefined;
    bad?: '1' | '0' | undefined;
    review?: 'none' | 'held' | 'released' | 'rejected' | undefined;
    appeal?: 'none' | 'pending' | 'upheld' | 'refused' | undefined;
    page: number;
    pageSize: number;
  },
) {
  return listForActor(
    db,
    keys,
    actor,
    unitIds,
    { from: q.from, to: q.to, pointId: q.pointId, bad: q.bad === '1', review: q.review, appeal: q.appeal },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
}

/**
 * The office page's figures for [from, to]: standings ranked over every rated unit (a scoped viewer's
 * rows keep their district ranks), the month-by-month trend and the 差评 reasons over the viewer's
 * units, and what waits: the review queue, appeals, bad ratings by state.
 */
export async function overview(db: Db, scope: UnitFilter, from: string, to: string): Promise<RatingsOverview> {
  const unitIds = await scopeUnits(db, scope);
  const wanted = new Set(unitIds);
  const [all, months, why, facts] = await Promise.all([
    standings(db, from, to),
    trend(db, unitIds, from, to),
    reasonCounts(db, unitIds, from, to),
    badStateFacts(db, unitIds, from, to),
  ]);
  const states = new Map<string, number>();
  for (const f of facts) {
    const state = badRatingState({ ...f, itemState: f.itemState as BadRatingFacts['itemState'] });
    states.set(state, (states.get(state) ?? 0) + f.n);
  }
  const rows = all.filter((s) => wanted.has(s.unit.id));
  const counts = rows.reduce<RatingCounts>((c, s) => {
    for (const k of Object.keys(c) as (keyof RatingCounts)[]) c[k] += s.counts[k];
    return c;
  }, emptyRatingCounts());
  return {
    from,
    to,
    /** The viewer's units together. */
    totals: { counts, figures: ratingFigures(counts) },
    standings: rows,
    trend: months,
    reasons: why,
    states: BAD_RATING_STATES.map((state) => ({
      state,
      label: BAD_RATING_STATE_LABELS[state],
      count: states.get(state) ?? 0,
    })),
  };
}

/** A rate as the fraction Excel's % format expects, rounded once from the exact share. */
const percentCell = (rate: Rate): number | null => numberCell(rate.fraction);

export async function ratingsExport(db: Db, scope: UnitFilter, from: string, to: string): Promise<Buffer> {
  const o = await overview(db, scope, from, to);
  const period = `统计期间：${from} 至 ${to}`;
  return exportWorkbook<[UnitStanding, (typeof o.trend)[number], (typeof o.reasons)[number]]>([
    {
      name: '单位排名',
      title: ['群众评价（好差评）情况', period, '排名按贝叶斯满意度（评价少的单位向全体平均数靠拢），并列者名次相同'],
      columns: [
        { header: '名次', numFmt: INT_FMT, value: (s) => s.rank },
        { header: '单位', width: 24, value: (s) => s.unit.name },
        { header: '类别', value: (s) => s.unit.category ?? '未分类' },
        { header: '评价数', numFmt: INT_FMT, value: (s) => s.counts.total },
        { header: '满意度', numFmt: SCORE_FMT, value: (s) => numberCell(s.satisfaction.value) },
        { header: '好评率', numFmt: PERCENT_FMT, value: (s) => percentCell(s.figures.goodRate) },
        { header: '差评数', numFmt: INT_FMT, value: (s) => s.counts.bad },
        { header: '差评率', numFmt: PERCENT_FMT, value: (s) => percentCell(s.figures.badRate) },
        { header: '差评整改率', numFmt: PERCENT_FMT, value: (s) => percentCell(s.figures.rectifiedRate) },
        { header: '回访率', numFmt: PERCENT_FMT, value: (s) => percentCell(s.figures.callbackRate) },
        {
          header: '实名差评回访整改率',
          numFmt: PERCENT_FMT,
          value: (s) => percentCell(s.figures.realNameRectifiedRate),
        },
      ],
      rows: o.standings,
    },
    {
      name: '月度趋势',
      title: ['群众评价月度趋势', period],
      columns: [
        { header: '月份', value: (m) => m.month },
        { header: '评价数', numFmt: INT_FMT, value: (m) => m.total },
        { header: '差评数', numFmt: INT_FMT, value: (m) => m.bad },
        { header: '好评率', numFmt: PERCENT_FMT, value: (m) => percentCell(m.goodRate) },
        { header: '差评率', numFmt: PERCENT_FMT, value: (m) => percentCell(m.badRate) },
      ],
      rows: o.trend,
    },
    {
      name: '差评原因',
      title: ['差评原因分布', period],
      columns: [
        { header: '原因', width: 20, value: (r) => r.reason },
        { header: '条数', numFmt: INT_FMT, value: (r) => r.n },
      ],
      rows: o.reasons,
    },
  ]);
}
