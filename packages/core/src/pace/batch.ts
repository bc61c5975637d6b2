import { ONE, mulDiv, type Micro } from '../number/index.js';
import { PACE_DEN } from './profile.js';
import { pointsGap, stateByPoints, type ParsedRule, type WarningState } from './warning.js';

/** State codes of the columnar path, in this order. */
export const WARNING_STATES: readonly WarningState[] = ['green', 'yellow', 'red', 'overdue', 'pending'];
const CODE: Record<WarningState, number> = { green: 0, yellow: 1, red: 2, overdue: 3, pending: 4 };
const { green: GREEN, yellow: YELLOW, red: RED, overdue: OVERDUE, pending: PENDING } = CODE;
const HUNDRED = 100 * ONE;
/** Indicator kind codes of the columnar path. */
export const KIND_CODES = { cumulative: 0, rate: 1, growth: 2 } as const;

/**
 * Columnar pace and warnings for a whole dispatch: `rows` unit × indicator series, 12 months each.
 * Same rules and digits as `paceWarning`, decided on the exact values (a test proves it row by row,
 * on and next to every threshold), on micro values in typed
 * arrays with no allocation per value, so a province's 12 million values fit in memory and time.
 * `actual` holds NaN where no report came in; reports of months ≤ `deadlinePassedThrough` are due.
 * Rows must be valid (target > 0, profile index in range): validate targets when they are set.
 */
export interface WarningBatch {
  target: Float64Array;
  kind: Uint8Array;
  lowerIsBetter: Uint8Array;
  /** Index into `profiles` (12 numerators over PACE_DEN per profile: `PaceProfile.numerators`). */
  profile: Uint16Array;
  profiles: Float64Array;
  /** rows × 12, month-major within a row. */
  actual: Float64Array;
}

/** p(t) of one row at the end of month m (0–11), over PACE_DEN; rate and growth rows are due in full. */
const numeratorOf = (b: WarningBatch, row: number, month: number): number =>
  b.kind[row] === KIND_CODES.cumulative ? (b.profiles[(b.profile[row] as number) * 12 + month] as number) : PACE_DEN;

/**
 * The expected value of one row at the end of month m (0–11), as `paceWarning` gives it (exact, rounded
 * once to micro). Computed
 * on demand rather than stored: a page shows a few hundred of them, and storing all 12 million
 * would cost more time than every warning decision together (measured in bench/).
 */
export function batchExpected(b: WarningBatch, row: number, month: number): Micro {
  return mulDiv(b.target[row] as Micro, numeratorOf(b, row, month), PACE_DEN);
}

/** Fills `states` (rows × 12 codes of WARNING_STATES) for every row and month. */
export function paceWarningsBatch(
  b: WarningBatch,
  rule: ParsedRule,
  deadlinePassedThrough: number,
  states: Uint8Array,
  rows = b.target.length,
): void {
  if (rule.kind === 'pointsBehind') pointsBatch(b, rule, deadlinePassedThrough, states, rows);
  else ratioBatch(b, rule, deadlinePassedThrough, states, rows);
}

/**
 * Points behind pace. The exact gap is due − q with q = actual × 100 / target (micro-points) and due
 * = p(t) × 100; each (profile, month, direction) gets its two thresholds as edges on q, with a band of
 * the float error either side. Outside the bands the colour is certain; inside one (a value within
 * ~10⁻⁷ points of a threshold, or exactly on it) the scalar rule decides with exact arithmetic.
 * Lower-is-better rows negate q, so one comparison direction serves both.
 */
function pointsBatch(b: WarningBatch, rule: ParsedRule, through: number, states: Uint8Array, rows: number): void {
  const { target: targets, kind, lowerIsBetter, profile, actual: actuals } = b;
  const edges = pointEdges(b.profiles, rule);
  const flat = b.profiles.length / 12; // the profile index of rate and growth rows: 100 points due every month
  for (let r = 0; r < rows; r += 1) {
    const target = targets[r] as number;
    const lower = lowerIsBetter[r] as number;
    const f = (lower === 1 ? -HUNDRED : HUNDRED) / target;
    const e0 = (lower * (flat + 1) + (kind[r] === 0 ? (profile[r] as number) : flat)) * 48;
    const at = r * 12;
    for (let m = 0; m < 12; m += 1) {
      const actual = actuals[at + m] as number;
      if (actual !== actual) {
        states[at + m] = m < through ? OVERDUE : PENDING;
        continue;
      }
      const q = actual * f;
      const e = e0 + m * 4;
      const red = edges[e] as number;
      const yellow = edges[e + 2] as number;
      // Branch-free on the common path: green 0, yellow 1, red 2 are the codes of WARNING_STATES.
      const near = Math.abs(q - red) < (edges[e + 1] as number) || Math.abs(q - yellow) < (edges[e + 3] as number);
      states[at + m] = near ? exactPoints(actual, target, b, r, m, rule) : +(q < yellow) + +(q < red);
    }
  }
}

/**
 * Edges per profile (and one flat profile for rows without a time profile), first for rows where
 * higher is better, then for lower-is-better rows: [red edge, its band, yellow edge, its band] for
 * each month, 48 numbers per profile. With due = 100·num/12:
 * Higher: red ⟺ due − q > red ⟺ q < due − red; yellow or worse ⟺ q ≤ due − yellow.
 * Lower, with q negated: red ⟺ q − due > red ⟺ −q < −(due + red); likewise yellow.
 * Each edge is one division of an exact integer, (100·num ∓ 12·threshold) / 12, so it errs by half an ulp.
 */
function pointEdges(profiles: Float64Array, rule: ParsedRule): Float64Array {
  const count = profiles.length / 12 + 1;
  const out = new Float64Array(count * 48 * 2);
  for (let lower = 0; lower < 2; lower += 1)
    for (let p = 0; p < count; p += 1)
      for (let m = 0; m < 12; m += 1) {
        const due = (p < count - 1 ? (profiles[p * 12 + m] as number) : PACE_DEN) * 100;
        const red = lower ? -(due + 12 * rule.redFrom) / 12 : (due - 12 * rule.redFrom) / 12;
        const yellow = lower ? -(due + 12 * rule.yellowFrom) / 12 : (due - 12 * rule.yellowFrom) / 12;
        const at = (lower * count + p) * 48 + m * 4;
        out.set([red, band(red), yellow, band(yellow)], at);
      }
  return out;
}

/** Over twice the float error of q = actual × (100 / target) and of the edge near it (a few ulps). */
const band = (edge: number): number => (Math.abs(edge) + 1) * 1e-15 + 1e-9;

/** The scalar rule of `paceWarning` for one value near a threshold. */
function exactPoints(actual: number, target: number, b: WarningBatch, r: number, m: number, rule: ParsedRule): number {
  return CODE[stateByPoints(pointsGap(actual, target, numeratorOf(b, r, m), b.lowerIsBetter[r] === 1), rule)];
}

/** a·b ≥ c·d for non-negative safe integers, exactly: floats outside their error band, BigInt inside it. */
function productAtLeast(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (Math.abs(l - r) > (l + r) * 1e-15) return l > r;
  return BigInt(a) * BigInt(b) >= BigInt(c) * BigInt(d);
}

const PACE_DEN_ONE = PACE_DEN * ONE;

/**
 * Ratio to pace, exactly: r = actual / expected (expected / actual when lower is better) with expected
 * = target × num / PACE_DEN, so r ≥ 1 ⟺ actual·PACE_DEN ≥ target·num, and r ≥ red line likewise;
 * nothing expected (or nothing done, lower is better) is green, as in `paceWarning`.
 */
function ratioBatch(b: WarningBatch, rule: ParsedRule, through: number, states: Uint8Array, rows: number): void {
  const red = rule.redFrom;
  for (let r = 0; r < rows; r += 1) {
    const lower = b.lowerIsBetter[r] === 1;
    const target = b.target[r] as number;
    for (let m = 0; m < 12; m += 1) {
      const at = r * 12 + m;
      const actual = b.actual[at] as number;
      if (actual !== actual) {
        states[at] = m < through ? OVERDUE : PENDING;
        continue;
      }
      const num = numeratorOf(b, r, m);
      if (lower ? actual === 0 : num === 0) states[at] = GREEN;
      else if (lower ? productAtLeast(target, num, actual, PACE_DEN) : productAtLeast(actual, PACE_DEN, target, num))
        states[at] = GREEN;
      else
        states[at] = (
          lower
            ? productAtLeast(target, num * ONE, actual, PACE_DEN * red)
            : productAtLeast(actual, PACE_DEN_ONE, target, red * num)
        )
          ? YELLOW
          : RED;
    }
  }
}
