import {
  BAD_RATING_STATE_LABELS,
  RATING_APPEAL_STATE_LABELS,
  RATING_APPEAL_STATES,
  RATING_LEVELS,
  chinesePeriod,
  emptyRatingCounts,
  rateOf,
  ratingFigures,
  type IsoDate,
  type Rate,
  type RatingAppealState,
  type RatingCounts,
  type RatingFigures,
  type RatingsOverview,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { wordDocument, type Block, type Letterhead } from '../../documents/index.js';
import {
  INT_FMT,
  PERCENT_FMT,
  SCORE_FMT,
  exportWorkbook,
  listColumns,
  numberCell,
  type ExportCell,
} from '../../excel/index.js';
import * as units from '../units/index.js';
import { overview, scopeUnits } from './reads.js';
import { appealsInRange } from './repository.js';
import type { UnitStanding } from './stats.js';

export const NO_CATEGORY = '未分类';

export interface RatingBulletin {
  title: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  totals: { counts: RatingCounts; figures: RatingFigures };
  /** Per 考核类别: the units rated and their figures together. */
  categories: { category: string; units: number; counts: RatingCounts; figures: RatingFigures }[];
  /** Per unit, by category and then by rank within it (the district's rank beside it). */
  units: (UnitStanding & { categoryRank: number | null })[];
  reasons: { reason: string; n: number; share: Rate }[];
  /** Bad ratings by where they stand (core's words). */
  states: RatingsOverview['states'];
  appeals: {
    counts: Record<RatingAppealState, number>;
    list: {
      ratingId: number;
      unit: string;
      point: string;
      ratedOn: string;
      level: string;
      badReason: string;
      reason: string;
      state: RatingAppealState;
      stateLabel: string;
      decision: string;
    }[];
  };
}

const addCounts = (a: RatingCounts, b: RatingCounts): RatingCounts => {
  const c = { ...a };
  for (const k of Object.keys(c) as (keyof RatingCounts)[]) c[k] += b[k];
  return c;
};

/**
 * Standings by category, in the office's order of categories (the unclassified last), each unit with its
 * rank within its category. Standings come ranked (competition ranks on the exact satisfaction): within a
 * category, a unit's rank is one more than the units of its category ranked strictly above it.
 */
export function withinCategories(standings: UnitStanding[], order: { name: string }[]) {
  const categoryOf = (s: UnitStanding) => s.unit.category ?? NO_CATEGORY;
  const byCategory = new Map<string, UnitStanding[]>();
  for (const s of standings) byCategory.set(categoryOf(s), [...(byCategory.get(categoryOf(s)) ?? []), s]);
  const position = new Map(order.map((c, i) => [c.name, i]));
  const categoryNames = [...byCategory.keys()].sort(
    (a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a.localeCompare(b, 'zh-CN'),
  );
  const ranked = categoryNames.flatMap((c) => {
    const list = byCategory.get(c)!;
    return list.map((s) => ({
      ...s,
      categoryRank: s.rank === null ? null : 1 + list.filter((x) => x.rank !== null && x.rank < s.rank!).length,
    }));
  });
  return { categoryNames, byCategory, ranked };
}

/**
 * 群众评价（好差评）情况通报 for [from, to], over the viewer's units: figures per category and unit (ranked
 * within the category on the exact satisfaction; the district's rank beside it), 差评 reasons, bad ratings
 * by state and the appeals with their decisions. The same figures as the office page, from the same reads.
 */
export async function ratingBulletin(
  db: Db,
  scope: UnitFilter,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): Promise<RatingBulletin> {
  const [o, unitIds, order] = await Promise.all([
    overview(db, scope, from, to),
    scopeUnits(db, scope),
    units.categories(db),
  ]);
  const appealRows = await appealsInRange(db, unitIds, from, to);
  const names = await units.byIds(
    db,
    appealRows.map((a) => a.unitId),
  );
  const { categoryNames, byCategory, ranked } = withinCategories(o.standings, order);
  const badTotal = o.reasons.reduce((n, r) => n + r.n, 0);
  const counts = Object.fromEntries(RATING_APPEAL_STATES.map((s) => [s, 0])) as Record<RatingAppealState, number>;
  for (const a of appealRows) counts[a.appeal.state] += 1;
  return {
    title: `群众评价（好差评）情况通报（${chinesePeriod(from, to)}）`,
    from,
    to,
    asOf: today,
    totals: o.totals,
    categories: categoryNames.map((category) => {
      const list = byCategory.get(category)!;
      const c = list.reduce((sum, s) => addCounts(sum, s.counts), emptyRatingCounts());
      return { category, units: list.length, counts: c, figures: ratingFigures(c) };
    }),
    units: ranked,
    reasons: o.reasons.map((r) => ({ ...r, share: rateOf(r.n, badTotal) })),
    states: o.states,
    appeals: {
      counts,
      list: appealRows.map((a) => ({
        ratingId: a.ratingId,
        unit: names.get(a.unitId)?.name ?? '',
        point: a.pointName,
        ratedOn: a.ratedOn,
        level: RATING_LEVELS.find((l) => l.stars === a.stars)?.label ?? '',
        badReason: a.reason ?? '',
        reason: a.appeal.reason,
        state: a.appeal.state,
        stateLabel: RATING_APPEAL_STATE_LABELS[a.appeal.state],
        decision: a.appeal.decision ?? '',
      })),
    },
  };
}

/** In the Word: "66.67%", or — when there is nothing to divide by. */
const pct = (r: Rate) => (r.value === null ? '—' : `${r.shown}%`);
/** In the Excel: the fraction the % format expects. */
const frac = (r: Rate): number | null => numberCell(r.fraction);

const categoryHeader = ['考核类别', '单位数', '评价数', '好评率', '差评数', '差评率', '差评整改率', '回访率'];
const categoryCells = (c: RatingBulletin['categories'][number], rate: (r: Rate) => ExportCell): ExportCell[] => [
  c.category,
  c.units,
  c.counts.total,
  rate(c.figures.goodRate),
  c.counts.bad,
  rate(c.figures.badRate),
  rate(c.figures.rectifiedRate),
  rate(c.figures.callbackRate),
];
const unitHeader = [
  '类别内名次',
  '全区名次',
  '单位',
  '考核类别',
  '评价数',
  '满意度',
  '好评率',
  '差评数',
  '差评率',
  '差评整改率',
  '回访率',
];
const unitCells = (
  u: RatingBulletin['units'][number],
  rate: (r: Rate) => ExportCell,
  score: (s: UnitStanding['satisfaction']) => ExportCell,
): ExportCell[] => [
  u.categoryRank,
  u.rank,
  u.unit.name,
  u.unit.category ?? NO_CATEGORY,
  u.counts.total,
  score(u.satisfaction),
  rate(u.figures.goodRate),
  u.counts.bad,
  rate(u.figures.badRate),
  rate(u.figures.rectifiedRate),
  rate(u.figures.callbackRate),
];
const appealHeader = ['序号', '单位', '评价点', '评价日期', '评价', '差评原因', '申诉理由', '审核结果', '审核理由'];
const appealCells = (a: RatingBulletin['appeals']['list'][number], n: number): ExportCell[] => [
  n + 1,
  a.unit,
  a.point,
  a.ratedOn,
  a.level,
  a.badReason,
  a.reason,
  a.stateLabel,
  a.decision,
];
const asText = (cells: ExportCell[]) => cells.map((c) => (c === null ? '—' : String(c)));

export function ratingBulletinBlocks(d: RatingBulletin): Block[] {
  const { counts: c, figures: f } = d.totals;
  const a = d.appeals.counts;
  const open = d.states.filter((s) => s.state === 'open' || s.state === 'reopened').reduce((n, s) => n + s.count, 0);
  return [
    {
      kind: 'paragraph',
      text: `${d.from}至${d.to}，共收到有效评价 ${c.total} 条，好评率 ${pct(f.goodRate)}；差评 ${c.bad} 条，差评率 ${pct(f.badRate)}，差评整改率 ${pct(f.rectifiedRate)}；实名差评 ${c.realNameBad} 条，回访率 ${pct(f.callbackRate)}，实名差评回访整改率 ${pct(f.realNameRectifiedRate)}。`,
    },
    { kind: 'heading', text: '一、各类别评价情况' },
    d.categories.length === 0
      ? { kind: 'note', text: '本期无评价。' }
      : { kind: 'table', header: categoryHeader, rows: d.categories.map((x) => asText(categoryCells(x, pct))) },
    { kind: 'heading', text: '二、各单位满意度排名' },
    {
      kind: 'paragraph',
      text: '满意度按贝叶斯平均计算（评价少的单位向全体平均数靠拢），各单位在本类别内排名，并列者名次相同。',
    },
    d.units.length === 0
      ? { kind: 'note', text: '本期无评价。' }
      : {
          kind: 'table',
          header: unitHeader,
          rows: d.units.map((u) => asText(unitCells(u, pct, (s) => (s.value === null ? null : s.shown)))),
        },
    { kind: 'heading', text: '三、差评原因分布' },
    d.reasons.length === 0
      ? { kind: 'note', text: '本期无差评。' }
      : {
          kind: 'table',
          header: ['原因', '条数', '占比'],
          rows: d.reasons.map((r) => [r.reason, String(r.n), pct(r.share)]),
        },
    { kind: 'heading', text: '四、差评整改情况' },
    {
      kind: 'table',
      header: ['状态', '条数'],
      rows: d.states.map((s) => [s.label, String(s.count)]),
    },
    { kind: 'heading', text: '五、申诉情况' },
    {
      kind: 'paragraph',
      text: `本期差评申诉 ${d.appeals.list.length} 件，其中${RATING_APPEAL_STATE_LABELS.upheld} ${a.upheld} 件，${RATING_APPEAL_STATE_LABELS.refused} ${a.refused} 件，${RATING_APPEAL_STATE_LABELS.pending} ${a.pending} 件。`,
    },
    ...(d.appeals.list.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: appealHeader,
            rows: d.appeals.list.map((x, n) => asText(appealCells(x, n))),
          },
        ]),
    {
      kind: 'paragraph',
      text: `尚有 ${open} 条差评处于${BAD_RATING_STATE_LABELS.open}或${BAD_RATING_STATE_LABELS.reopened}状态，请相关单位在整改期限内答复群众并申请销号；实名差评须按期回访。`,
    },
  ];
}

export const ratingBulletinDocx = (d: RatingBulletin, letterhead: Letterhead) =>
  wordDocument({ title: d.title, letterhead, blocks: ratingBulletinBlocks(d) });

export function ratingBulletinXlsx(d: RatingBulletin): Promise<Buffer> {
  const period = `统计期间：${d.from} 至 ${d.to}`;
  const { counts: c, figures: f } = d.totals;
  return exportWorkbook([
    {
      name: '总体情况',
      title: [d.title, period],
      columns: listColumns(['指标', '条数', '比率'], [24, 12, 12], ['', INT_FMT, PERCENT_FMT]),
      rows: [
        ['评价', c.total, null],
        ['好评', c.good, frac(f.goodRate)],
        ['差评', c.bad, frac(f.badRate)],
        ['差评整改', c.badRectified, frac(f.rectifiedRate)],
        ['实名差评', c.realNameBad, null],
        ['实名差评回访', c.realNameCalledBack, frac(f.callbackRate)],
        ['实名差评回访整改', c.realNameCalledBackRectified, frac(f.realNameRectifiedRate)],
      ],
    },
    {
      name: '各类别',
      title: ['各类别评价情况', period],
      columns: listColumns(
        categoryHeader,
        [20],
        ['', INT_FMT, INT_FMT, PERCENT_FMT, INT_FMT, PERCENT_FMT, PERCENT_FMT, PERCENT_FMT],
      ),
      rows: d.categories.map((x) => categoryCells(x, frac)),
    },
    {
      name: '单位排名',
      title: ['各单位满意度排名', period, '满意度按贝叶斯平均计算，各单位在本类别内排名，并列者名次相同'],
      columns: listColumns(
        unitHeader,
        [12, 10, 24, 16],
        [INT_FMT, INT_FMT, '', '', INT_FMT, SCORE_FMT, PERCENT_FMT, INT_FMT, PERCENT_FMT, PERCENT_FMT, PERCENT_FMT],
      ),
      rows: d.units.map((u) => unitCells(u, frac, (s) => numberCell(s.value))),
    },
    {
      name: '差评原因',
      title: ['差评原因分布', period],
      columns: listColumns(['原因', '条数', '占比'], [20], ['', INT_FMT, PERCENT_FMT]),
      rows: d.reasons.map((r) => [r.reason, r.n, frac(r.share)]),
    },
    {
      name: '整改状态',
      title: ['差评整改情况', period],
      columns: listColumns(['状态', '条数'], [16], ['', INT_FMT]),
      rows: d.states.map((s) => [s.label, s.count]),
    },
    {
      name: '申诉',
      title: ['差评申诉情况', period],
      columns: listColumns(appealHeader, [8, 24, 20, 12, 12, 16, 40, 12, 40], [INT_FMT]),
      rows: d.appeals.list.map(appealCells),
    },
  ]);
}
