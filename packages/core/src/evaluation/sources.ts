import { DEFAULT_CURVE, parseCurveSettings, readCurveExact, targetCurve } from '../indicator/index.js';
import {
  ONE,
  addRatio,
  compareRatio,
  parseDecimal,
  ratio,
  ratioOf,
  sumRatios,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';
import { PACE_DEN, type IndicatorKind } from '../pace/index.js';
import type { ArenaCombine } from './scheme.js';

export interface IndicatorToDate {
  item: string;
  weight: DecimalInput;
  kind: IndicatorKind;
  lowerIsBetter: boolean;
  base: DecimalInput;
  stretch: DecimalInput | null;
  /** The pace due by the period's end over PACE_DEN (core's paceNumerator); ignored for rates and growth. */
  paceNumerator: number;
  /** The accepted cumulative (or rate) figure of the period's last month; null: none accepted. */
  actual: DecimalInput | null;
}

/** The default curve's settings, read once (a close scores every target of every unit). */
const DEFAULT_SETTINGS = parseCurveSettings(DEFAULT_CURVE);

/**
 * An indicator's points to date, exactly: the §3.2 curve read at the actual measured against the pace.
 * A cumulative figure of 45 when half the year's 100 is due reads as 90 on the annual curve (the
 * curve's points scale with the pace); rates and growth are read as they are. null: not scored (no
 * accepted figure, or nothing due yet).
 */
export function indicatorPointsToDate(i: IndicatorToDate): { points: Ratio; share: Ratio; weight: Micro } | null {
  const weight = parseDecimal(i.weight, `${i.item}.weight`);
  if (i.actual === null) return null;
  const cumulative = i.kind === 'cumulative';
  if (cumulative && i.paceNumerator === 0) return null;
  const curve = targetCurve(
    {
      base: parseDecimal(i.base, `${i.item}.base`),
      stretch: i.stretch === null ? null : parseDecimal(i.stretch, `${i.item}.stretch`),
      floor: null,
      lowerIsBetter: i.lowerIsBetter,
    },
    DEFAULT_SETTINGS,
    i.item,
  );
  const actual = parseDecimal(i.actual, `${i.item}.actual`);
  const x = cumulative ? ratio(BigInt(actual) * BigInt(PACE_DEN), i.paceNumerator) : ratioOf(actual);
  const { share } = readCurveExact(curve, x);
  // Points in micro-units, as every figure: weight × share (the share's 1 is ONE).
  return { points: ratio(BigInt(weight) * share.n, share.d * BigInt(ONE)), share, weight };
}

/** 指标得分率 in percent: Σ points / Σ weights × 100 of the scored indicators; null when none is scored. */
export function indicatorRate(scored: readonly { points: Ratio; weight: Micro }[]): Ratio | null {
  const w = scored.reduce((a, s) => a + s.weight, 0);
  if (scored.length === 0 || w === 0) return null;
  const p = sumRatios(scored.map((s) => s.points));
  // Both in micro-units: Σ points / Σ weights is a pure number; × 100 × ONE makes it micro percent.
  return ratio(p.n * 100n * BigInt(ONE), p.d * BigInt(w));
}

/** 按期销号率 in percent (micro), exactly; null when nothing fell due. */
export const onTimePercent = (onTime: number, due: number): Ratio | null =>
  due === 0 ? null : ratio(BigInt(onTime) * 100n * BigInt(ONE), due);

/** The deduction for overdue items: count × per item, at most the cap (both positive; micro). */
export function overdueDeduction(overdue: number, perItem: DecimalInput, cap: DecimalInput): Micro {
  const p = parseDecimal(perItem, 'overduePenalty');
  const c = parseDecimal(cap, 'overdueCap');
  return Math.min(overdue * p, c);
}

/** Several arena scores (oldest first) as one value; null when the unit took part in none. */
export function combineArenaScores(scores: readonly Ratio[], how: ArenaCombine): Ratio | null {
  if (scores.length === 0) return null;
  if (how === 'last') return scores[scores.length - 1] as Ratio;
  if (how === 'best') return scores.reduce((a, b) => (compareRatio(b, a) > 0 ? b : a));
  const total = scores.reduce((a, b) => addRatio(a, b));
  return ratio(total.n, total.d * BigInt(scores.length));
}
