import {
  exactText,
  indicatorPointsToDate,
  indicatorRate,
  paceNumerator,
  paceProfile,
  splitPeriod,
  type IsoDate,
  type Ratio,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { activeIndicators, loadYear, reportOf, unitTargets } from './year.js';

/** One indicator of one unit as the evaluation scored it: the figure, the report it came from, the points. */
export interface IndicatorFigure {
  indicatorId: number;
  name: string;
  weight: string;
  base: string;
  stretch: string | null;
  /** The accepted figure used (the latest accepted report up to the period's end), or null. */
  actual: string | null;
  reportId: number | null;
  reportPeriod: string | null;
  /** Exact points (text: "6" or "20/3"), null when not scored. */
  points: string | null;
}

export interface UnitIndicatorScore {
  /** 指标得分率 in percent, exactly; null when no indicator is scored. */
  rate: Ratio | null;
  figures: IndicatorFigure[];
}

/**
 * Every unit's indicator score rate at the end of `asOf`'s month (issue 14's indicator source): each
 * target's §3.2 curve read against the pace due at that month, on the latest accepted figure.
 */
export async function indicatorScoresAt(
  db: Db,
  campaignId: number,
  asOf: IsoDate,
): Promise<Map<number, UnitIndicatorScore>> {
  const month = asOf.slice(0, 7);
  const { year, month: m } = splitPeriod(month);
  const d = await loadYear(db, campaignId, year);
  const periods = d.periods.filter((p) => p.period <= month).sort((a, b) => (a.period < b.period ? 1 : -1));
  const out = new Map<number, UnitIndicatorScore>();
  const active = new Set(activeIndicators(d, month).map((i) => i.id));
  // Each indicator's pace due at the month, once (a seasonal profile is twelve decimals to read).
  const paceOf = new Map(d.indicators.map((i) => [i.id, paceNumerator(paceProfile(i.profile), m)]));
  for (const unit of d.units) {
    const carried = unitTargets(d, unit.id, month).filter((c) => active.has(c.indicator.id));
    if (carried.length === 0) continue;
    const accepted: { p: (typeof periods)[number]; r: NonNullable<ReturnType<typeof reportOf>> }[] = [];
    for (const p of periods) {
      const r = reportOf(d, p.id, unit.id);
      if (r?.state === 'accepted') accepted.push({ p, r });
    }
    const scored: { points: Ratio; weight: number }[] = [];
    const figures = carried.map(({ indicator, target }): IndicatorFigure => {
      const from = accepted.find((x) => d.values.get(x.r.id)?.has(indicator.id));
      const value = from ? d.values.get(from.r.id)!.get(indicator.id)!.value : null;
      const s = indicatorPointsToDate({
        item: `${unit.name}/${indicator.name}`,
        weight: indicator.weight,
        kind: indicator.kind,
        lowerIsBetter: indicator.lowerIsBetter,
        base: target.base,
        stretch: target.stretch,
        paceNumerator: paceOf.get(indicator.id)!,
        actual: value,
      });
      if (s) scored.push(s);
      return {
        indicatorId: indicator.id,
        name: indicator.name,
        weight: indicator.weight,
        base: target.base,
        stretch: target.stretch,
        actual: value,
        reportId: from?.r.id ?? null,
        reportPeriod: from?.p.period ?? null,
        points: s ? exactText(s.points) : null,
      };
    });
    out.set(unit.id, { rate: indicatorRate(scored), figures });
  }
  return out;
}
