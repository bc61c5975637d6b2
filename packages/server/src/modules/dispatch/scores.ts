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
import { valuesOf } from './repo.js';
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
  const d = await loadYear(db, campaignId, year, undefined, 'none');
  const periods = d.periods.filter((p) => p.period <= month).sort((a, b) => (a.period < b.period ? 1 : -1));
  const out = new Map<number, UnitIndicatorScore>();
  const active = new Set(activeIndicators(d, month).map((i) => i.id));
  // Each indicator's pace due at the month, once (a seasonal profile is twelve decimals to read).
  const paceOf = new Map(d.indicators.map((i) => [i.id, paceNumerator(paceProfile(i.profile), m)]));
  const units = d.units.flatMap((unit) => {
    const carried = unitTargets(d, unit.id, month).filter((c) => active.has(c.indicator.id));
    const accepted: { period: string; reportId: number }[] = [];
    for (const p of periods) {
      const r = reportOf(d, p.id, unit.id);
      if (r?.state === 'accepted') accepted.push({ period: p.period, reportId: r.id });
    }
    return carried.length === 0 ? [] : [{ unit, carried, accepted }];
  });
  // Each figure comes from the latest accepted report that has it: every unit's latest accepted report
  // is read first, then, for the units still missing some figure, the one before, and so on.
  const found = new Map<number, Map<number, { value: string; reportId: number; period: string }>>();
  let waiting = units.filter((u) => u.accepted.length > 0);
  for (let back = 0; waiting.length > 0; back += 1) {
    const asked = waiting.filter((u) => back < u.accepted.length);
    if (asked.length === 0) break;
    const from = new Map(asked.map((u) => [u.accepted[back]!.reportId, u]));
    for (const v of await valuesOf(db, [...from.keys()])) {
      const u = from.get(v.reportId)!;
      let mine = found.get(u.unit.id);
      if (!mine) found.set(u.unit.id, (mine = new Map()));
      if (!mine.has(v.indicatorId))
        mine.set(v.indicatorId, { value: v.value, reportId: v.reportId, period: u.accepted[back]!.period });
    }
    waiting = asked.filter((u) => u.carried.some((c) => !found.get(u.unit.id)?.has(c.indicator.id)));
  }
  for (const { unit, carried } of units) {
    const mine = found.get(unit.id);
    const scored: { points: Ratio; weight: number }[] = [];
    const figures = carried.map(({ indicator, target }): IndicatorFigure => {
      const from = mine?.get(indicator.id);
      const value = from?.value ?? null;
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
        reportId: from?.reportId ?? null,
        reportPeriod: from?.period ?? null,
        points: s ? exactText(s.points) : null,
      };
    });
    out.set(unit.id, { rate: indicatorRate(scored), figures });
  }
  return out;
}
