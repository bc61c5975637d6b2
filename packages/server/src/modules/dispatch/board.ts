import {
  boardStandings,
  can,
  reportingState,
  reportTiming,
  splitPeriod,
  type Actor,
  type Board,
  type BoardRow,
  type IsoDate,
  type Permission,
  type WarningState,
  WARNING_STATES,
} from '@leitai/core';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { cached } from './board-cache.js';
import { getPeriod, yearPeriods, type PeriodRow, type UnitRef } from './repo.js';
import { boardFilterHolds, type BoardReportFilter } from './board-filter.js';
import { activeIndicators, cellFor, loadYear, reportOf, unitTargets, type YearData } from './year.js';

const gzipAsync = promisify(gzip);

/** What a board request narrows to: a category, one indicator, the units in one report state. */
export interface BoardFilter {
  categoryId?: number;
  indicatorId?: number;
  report?: BoardReportFilter;
}

const zero = (): Record<WarningState, number> => ({ green: 0, yellow: 0, red: 0, overdue: 0, pending: 0 });

/** Rows for the units the actor may see under `permission`, each with its cells and report status. */
export function boardRows(
  d: YearData,
  p: PeriodRow,
  visible: (u: UnitRef) => boolean,
  today: IsoDate,
  indicatorId?: number,
): BoardRow[] {
  const rows: BoardRow[] = [];
  const catName = new Map(d.categories.map((c) => [c.id, c.name]));
  for (const unit of d.units) {
    if (!visible(unit)) continue;
    const carried = unitTargets(d, unit.id, p.period).filter(
      (c) => indicatorId === undefined || c.indicator.id === indicatorId,
    );
    if (carried.length === 0) continue;
    const report = reportOf(d, p.id, unit.id);
    const state = report?.state ?? 'none';
    const timing = reportTiming(p.deadline, report?.firstSubmittedOn ?? null, today);
    const cells = carried.map((c) => cellFor(d, p, unit.id, c.indicator, c.target, today));
    const counts = zero();
    for (const c of cells) counts[c.state] += 1;
    rows.push({
      unit: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        categoryId: unit.categoryId,
        categoryName: unit.categoryId === null ? '未分类' : (catName.get(unit.categoryId) ?? ''),
      },
      report: {
        id: report?.id ?? null,
        state,
        timing,
        standing: reportingState(state, timing),
        version: report?.version ?? 0,
        firstSubmittedOn: report?.firstSubmittedOn ?? null,
        returnReason: report?.returnReason ?? null,
      },
      cells,
      counts,
      rank: null,
    });
  }
  // Standings within each category by core's rule (units without accepted figures after the others).
  const byCat = new Map<number | null, BoardRow[]>();
  for (const r of rows) {
    const group = byCat.get(r.unit.categoryId);
    if (group) group.push(r);
    else byCat.set(r.unit.categoryId, [r]);
  }
  for (const group of byCat.values()) {
    const rankOf = boardStandings(
      group.map((r) => ({
        id: String(r.unit.id),
        state: r.report.standing,
        cells: r.cells.length,
        green: r.counts.green,
        red: r.counts.red,
        overdue: r.counts.overdue,
      })),
    );
    for (const r of group) r.rank = rankOf.get(String(r.unit.id)) ?? null;
  }
  return rows;
}

export const visibleBy = (actor: Actor, permission: Permission) => (u: UnitRef) => can(actor, permission, u.path);

/** A month's board for every unit, computed once per version of its inputs (board-cache.ts) and kept as JSON. */
interface ComputedBoard {
  head: Pick<Board, 'period' | 'indicators' | 'categories'>;
  rows: { row: BoardRow; path: string; json: string }[];
  /** The gzipped JSON of the views asked for, by the rows they show: a hall of viewers costs one compression. */
  views: Map<string, Promise<Buffer>>;
}

const VIEWS = 16;

async function computeBoard(
  db: Db,
  campaignId: number,
  period: string,
  indicatorId: number | undefined,
  today: IsoDate,
): Promise<ComputedBoard> {
  const p = await getPeriod(db, campaignId, period);
  if (!p) throw notFound(`${period} 调度`);
  // Only the month's own figures: the board shows one month (30,000 figures of a city's 360,000).
  const d = await loadYear(db, campaignId, splitPeriod(period).year, undefined, p.id);
  // Ranks are district facts: computed over every unit; a viewer's rows are picked from these.
  const rows = boardRows(d, p, () => true, today, indicatorId);
  rows.sort(
    (a, b) =>
      catOrder(d, a.unit.categoryId) - catOrder(d, b.unit.categoryId) ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.unit.id - b.unit.id,
  );
  return {
    head: {
      period: { period: p.period, deadline: p.deadline, open: p.open },
      indicators: activeIndicators(d, period)
        .filter((i) => indicatorId === undefined || i.id === indicatorId)
        .map((i) => ({ id: i.id, name: i.name, measure: i.measure, kind: i.kind })),
      categories: d.categories.map((c) => ({ id: c.id, name: c.name })),
    },
    rows: rows.map((row) => ({ row, path: d.unitById.get(row.unit.id)!.path, json: JSON.stringify(row) })),
    views: new Map(),
  };
}

/** The rows of a month's board the actor may see (and the filter keeps), with their totals. */
async function boardView(
  db: Db,
  actor: Actor,
  campaignId: number,
  period: string,
  filter: BoardFilter,
  today: IsoDate,
) {
  const board = await cached(db, `board:${campaignId}:${period}:${today}:${filter.indicatorId ?? ''}`, () =>
    computeBoard(db, campaignId, period, filter.indicatorId, today),
  );
  const rows = board.rows.filter(
    (r) =>
      (filter.categoryId === undefined || r.row.unit.categoryId === filter.categoryId) &&
      (filter.report === undefined || boardFilterHolds(filter.report, r.row)) &&
      can(actor, 'board.read', r.path),
  );
  const totals = zero();
  for (const { row } of rows) for (const k of WARNING_STATES) totals[k] += row.counts[k];
  const json = () => {
    const h = (k: keyof ComputedBoard['head']) => `${JSON.stringify(k)}:${JSON.stringify(board.head[k])}`;
    return `{${h('period')},${h('indicators')},${h('categories')},"rows":[${rows.map((r) => r.json).join(',')}],"totals":${JSON.stringify(totals)}}`;
  };
  const gzipped = () => {
    const key = rows.map((r) => r.row.unit.id).join(',');
    let view = board.views.get(key);
    if (!view) {
      // zlib runs on libuv's threads: the compression keeps off the event loop.
      view = gzipAsync(json(), { level: 6 });
      board.views.set(key, view);
      if (board.views.size > VIEWS) board.views.delete(board.views.keys().next().value!);
      view.catch(() => board.views.delete(key));
    }
    return view;
  };
  return { head: board.head, rows, totals, json, gzipped };
}

export async function boardData(
  db: Db,
  actor: Actor,
  campaignId: number,
  period: string,
  filter: BoardFilter,
  today: IsoDate,
): Promise<Board> {
  const { head, rows, totals } = await boardView(db, actor, campaignId, period, filter, today);
  return { ...head, rows: rows.map((r) => r.row), totals };
}

/**
 * The same board as the response's body, put together from the rows' kept JSON (a city's board is 7 MiB
 * of it): gzipped once per view for clients that take gzip (every browser), else the JSON text.
 */
export async function boardBody(
  db: Db,
  actor: Actor,
  campaignId: number,
  period: string,
  filter: BoardFilter,
  today: IsoDate,
  acceptsGzip: boolean,
): Promise<{ body: string | Buffer; gzip: boolean }> {
  const view = await boardView(db, actor, campaignId, period, filter, today);
  return acceptsGzip ? { body: await view.gzipped(), gzip: true } : { body: view.json(), gzip: false };
}

const catOrder = (d: YearData, id: number | null) => (id === null ? 1e9 : d.categories.findIndex((c) => c.id === id));

/** A unit's year month by month: per indicator, actual against expected and the colour (the trend chart). */
export function unitTrend(d: YearData, unitId: number, today: IsoDate) {
  const series = new Map<
    number,
    {
      indicatorId: number;
      name: string;
      measure: string;
      points: {
        period: string;
        actual: string | null;
        expected: string;
        shown: { actual: string | null; expected: string };
        state: WarningState;
      }[];
    }
  >();
  for (const p of d.periods) {
    for (const { indicator, target } of unitTargets(d, unitId, p.period)) {
      const c = cellFor(d, p, unitId, indicator, target, today);
      let s = series.get(indicator.id);
      if (!s)
        series.set(
          indicator.id,
          (s = { indicatorId: indicator.id, name: indicator.name, measure: indicator.measure, points: [] }),
        );
      s.points.push({
        period: p.period,
        actual: c.actual,
        expected: c.expected,
        shown: { actual: c.shown.actual, expected: c.shown.expected },
        state: c.state,
      });
    }
  }
  return [...series.values()];
}

/** A unit's own page: the latest period against pace, its warnings, what is due, its targets, and the trend. */
export async function unitOverview(db: Db, campaignId: number, unitId: number, year: number, today: IsoDate) {
  const d = await loadYear(db, campaignId, year, unitId);
  const unit = d.unitById.get(unitId);
  if (!unit) throw notFound('单位');
  const latest =
    [...d.periods].reverse().find((p) => p.deadline < today || reportOf(d, p.id, unitId)?.state === 'accepted') ??
    d.periods.at(-1);
  const rows = latest ? boardRows(d, latest, (u) => u.id === unitId, today) : [];
  const indicatorsById = new Map(d.indicators.map((i) => [i.id, i]));
  const due = d.periods
    .filter((p) => p.open)
    .map((p) => ({ p, r: reportOf(d, p.id, unitId) }))
    .filter(({ r }) => r?.state !== 'accepted' && r?.state !== 'submitted')
    .map(({ p, r }) => ({
      period: p.period,
      deadline: p.deadline,
      state: r?.state ?? 'none',
      timing: reportTiming(p.deadline, r?.firstSubmittedOn ?? null, today),
      returnReason: r?.returnReason ?? null,
    }));
  return {
    campaign: { id: d.campaign.id, name: d.campaign.name },
    unit: { id: unit.id, name: unit.name },
    year,
    latest: latest ? { period: latest.period, deadline: latest.deadline, row: rows[0] ?? null } : null,
    warnings: (rows[0]?.cells ?? [])
      .filter((c) => c.state !== 'green')
      .map((c) => ({ ...c, name: indicatorsById.get(c.indicatorId)?.name ?? '' })),
    due,
    targets: d.targets
      .filter((t) => t.unitId === unitId)
      .map((t) => {
        const ind = indicatorsById.get(t.indicatorId);
        return {
          id: t.id,
          indicatorId: t.indicatorId,
          name: ind?.name ?? '',
          measure: ind?.measure ?? '',
          base: t.base,
          stretch: t.stretch,
          fromPeriod: t.fromPeriod,
          retiredFrom: ind?.retiredFrom ?? null,
          confirmed: t.confirmedAt !== null,
          pendingChange: t.pendingChange,
        };
      }),
    periods: d.periods.map((p) => {
      const r = reportOf(d, p.id, unitId);
      return {
        period: p.period,
        deadline: p.deadline,
        open: p.open,
        state: r?.state ?? 'none',
        timing: reportTiming(p.deadline, r?.firstSubmittedOn ?? null, today),
      };
    }),
    trend: unitTrend(d, unitId, today),
  };
}

export type LightCounts = Record<WarningState, number>;

/**
 * The lights of some units in the last month that opened before `asOf`'s month (or in that month when
 * none opened before): what an arena's brief shows beside each contestant. Null when the campaign has
 * no such month. The counts are the board's own, so the brief and the board agree.
 */
export async function boardSummary(
  db: Db,
  campaignId: number,
  unitIds: Iterable<number>,
  asOf: IsoDate,
  today: IsoDate,
): Promise<{ period: string; counts: Map<number, LightCounts> } | null> {
  const month = asOf.slice(0, 7);
  const periods = await yearPeriods(db, campaignId, splitPeriod(month).year);
  const period = periods.filter((p) => p.period < month).at(-1) ?? periods.filter((p) => p.period === month).at(-1);
  if (!period) return null;
  const wanted = new Set(unitIds);
  const rows = boardRows(
    await loadYear(db, campaignId, splitPeriod(period.period).year),
    period,
    (u) => wanted.has(u.id),
    today,
  );
  return { period: period.period, counts: new Map(rows.map((r) => [r.unit.id, r.counts])) };
}
