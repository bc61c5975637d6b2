import { activeInPeriod, paceWarning, splitPeriod, type Cell, type IndicatorKind, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import * as units from '../units/index.js';
import {
  campaignIndicators,
  getCampaign,
  periodReports,
  periodValues,
  yearPeriods,
  yearTargets,
  type CampaignRow,
  type IndicatorRow,
  type PeriodRow,
  type ReportRow,
  type TargetRow,
  type UnitRef,
} from './repo.js';

/**
 * Everything one campaign-year's dispatch needs, read once: a district's year is a few thousand figures,
 * so the board, a unit's page, the trend and the bulletin all compute from the same snapshot and agree.
 */
export interface YearData {
  campaign: CampaignRow;
  year: number;
  indicators: IndicatorRow[];
  units: UnitRef[];
  unitById: Map<number, UnitRef>;
  categories: { id: number; code: string; name: string }[];
  targets: TargetRow[];
  periods: PeriodRow[];
  reports: ReportRow[];
  /** reportId → indicatorId → { value, flag } (empty when loaded with `figures: 'none'`) */
  values: Map<number, Map<number, { value: string; flag: string | null }>>;
  /** periodId → unitId → report: a city's year is 6,000 reports, looked up once per unit and month. */
  reportAt: Map<number, Map<number, ReportRow>>;
  /** unitId → its targets of the year (30,000 in a city, scanned per unit otherwise). */
  targetsOf: Map<number, TargetRow[]>;
}

/**
 * `figures: 'none'` leaves `values` empty, for a caller that reads only the figures it needs (the
 * evaluation's indicator source reads each unit's latest accepted ones: 30,000 of a city's 360,000);
 * a period's id reads that month's figures only (the board).
 */
export async function loadYear(
  db: Db,
  campaignId: number,
  year: number,
  unitId?: number,
  figures: 'all' | 'none' | number = 'all',
): Promise<YearData> {
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw notFound('活动');
  const inds = await campaignIndicators(db, campaignId);
  const [unitRows, cats, targetRows, periods] = await Promise.all([
    units.all(db),
    units.categories(db),
    yearTargets(
      db,
      inds.map((i) => i.id),
      year,
      unitId,
    ),
    yearPeriods(db, campaignId, year),
  ]);
  const periodIds = periods.map((p) => p.id);
  // The reports and their figures side by side: the figures by one join on the periods, not by report ids.
  const [reportRows, valueRows] = await Promise.all([
    periodReports(db, periodIds, unitId),
    figures === 'none' ? [] : periodValues(db, figures === 'all' ? periodIds : [figures], unitId),
  ]);
  const values = new Map<number, Map<number, { value: string; flag: string | null }>>();
  for (const v of valueRows) {
    let m = values.get(v.reportId);
    if (!m) values.set(v.reportId, (m = new Map()));
    m.set(v.indicatorId, { value: v.value, flag: v.flag });
  }
  const reportAt = new Map<number, Map<number, ReportRow>>();
  for (const r of reportRows) {
    let m = reportAt.get(r.periodId);
    if (!m) reportAt.set(r.periodId, (m = new Map()));
    m.set(r.unitId, r);
  }
  const targetsOf = new Map<number, TargetRow[]>();
  for (const t of targetRows) {
    const list = targetsOf.get(t.unitId);
    if (list) list.push(t);
    else targetsOf.set(t.unitId, [t]);
  }
  return {
    campaign,
    year,
    indicators: inds,
    units: unitRows,
    unitById: new Map(unitRows.map((u) => [u.id, u])),
    categories: cats,
    targets: targetRows,
    periods,
    reports: reportRows,
    values,
    reportAt,
    targetsOf,
  };
}

export const indicatorKind = (i: IndicatorRow): IndicatorKind => i.kind;

/** The indicators in play in a period (retired ones drop out from their retirement month). */
export const activeIndicators = (d: YearData, period: string) =>
  d.indicators.filter((i) => activeInPeriod(period, null, i.retiredFrom));

/** A unit's targets that count in a period: the indicator is active and the unit carried it by then. */
export function unitTargets(
  d: YearData,
  unitId: number,
  period: string,
): { indicator: IndicatorRow; target: TargetRow }[] {
  const byInd = new Map(activeIndicators(d, period).map((i) => [i.id, i]));
  return (d.targetsOf.get(unitId) ?? [])
    .filter((t) => byInd.has(t.indicatorId) && activeInPeriod(period, t.fromPeriod, null))
    .map((t) => ({ indicator: byInd.get(t.indicatorId)!, target: t }))
    .sort((a, b) => a.indicator.sortOrder - b.indicator.sortOrder || a.indicator.id - b.indicator.id);
}

export function reportOf(d: YearData, periodId: number, unitId: number): ReportRow | undefined {
  return d.reportAt.get(periodId)?.get(unitId);
}

/**
 * The board's cell for a unit × indicator × period, by core's paceWarning. Only accepted figures count;
 * a report waiting for review (or returned after an on-time submission) is pending, never overdue; a
 * unit that has not reported by the deadline is overdue.
 */
export function cellFor(
  d: YearData,
  period: PeriodRow,
  unitId: number,
  indicator: IndicatorRow,
  target: TargetRow,
  today: IsoDate,
): Cell {
  const report = reportOf(d, period.id, unitId);
  const accepted = report?.state === 'accepted' ? d.values.get(report.id)?.get(indicator.id) : undefined;
  const w = paceWarning({
    item: `${d.unitById.get(unitId)?.name ?? unitId}/${indicator.name}`,
    kind: indicatorKind(indicator),
    lowerIsBetter: indicator.lowerIsBetter,
    profile: indicator.profile,
    annualTarget: target.base,
    month: splitPeriod(period.period).month,
    actual: accepted?.value ?? null,
    deadlinePassed: today > period.deadline && !report?.firstSubmittedOn,
    rule: indicator.rule,
  });
  return {
    indicatorId: indicator.id,
    base: target.base,
    stretch: target.stretch,
    actual: w.actual,
    expected: w.expected,
    pace: w.pace,
    gapPoints: w.gapPoints,
    ratio: w.ratio,
    shown: w.shown,
    state: w.state,
    flag: accepted?.flag ?? null,
  };
}
