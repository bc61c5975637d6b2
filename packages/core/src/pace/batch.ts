import { ONE, mulDiv, type Micro } from '../number/index.js';
import { expectedValue } from './profile.js';
import { stateByPoints, stateByRatio, type ParsedRule, type WarningState } from './warning.js';

/** State codes of the columnar path, in this order. */
export const WARNING_STATES: readonly WarningState[] = ['green', 'yellow', 'red', 'overdue', 'pending'];
const CODE: Record<WarningState, number> = { green: 0, yellow: 1, red: 2, overdue: 3, pending: 4 };
const { green: GREEN, overdue: OVERDUE, pending: PENDING } = CODE;
const HUNDRED = 100 * ONE;
/** Indicator kind codes of the columnar path. */
export const KIND_CODES = { cumulative: 0, rate: 1, growth: 2 } as const;

/**
 * Columnar pace and warnings for a whole dispatch: `rows` unit × indicator series, 12 months each.
 * Same rules and digits as `paceWarning` (a test proves it row by row), on micro values in typed
 * arrays with no allocation per value, so a province's 12 million values fit in memory and time.
 * `actual` holds NaN where no report came in; reports of months ≤ `deadlinePassedThrough` are due.
 * Rows must be valid (target > 0, profile index in range): validate targets when they are set.
 */
export interface WarningBatch {
  target: Float64Array;
  kind: Uint8Array;
  lowerIsBetter: Uint8Array;
  /** Index into `profiles` (12 fractions per profile, micro). */
  profile: Uint16Array;
  profiles: Float64Array;
  /** rows × 12, month-major within a row. */
  actual: Float64Array;
}

/**
 * The expected value of one row at the end of month m (0–11), as `paceWarning` gives it. Computed
 * on demand rather than stored: a page shows a few hundred of them, and storing all 12 million
 * would cost more time than every warning decision together (measured in bench/).
 */
export function batchExpected(b: WarningBatch, row: number, month: number): Micro {
  const target = b.target[row] as Micro;
  return b.kind[row] === KIND_CODES.cumulative
    ? expectedValue(target, b.profiles[(b.profile[row] as number) * 12 + month] as Micro)
    : target;
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
 * Points behind pace. The achieved share A = round(actual × 100 / target) is compared with the due
 * points of the month; instead of rounding A for every value, each (profile, month, direction) gets
 * its two thresholds as edges on the unrounded quotient q, with a band of the float error either
 * side. Outside the bands the colour is certain; inside one (a value within ~10⁻⁷ points of a
 * threshold) the scalar rule decides with exact arithmetic. Lower-is-better rows negate q, so one
 * comparison direction serves both.
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
 * each month, 48 numbers per profile.
 * Higher: red ⟺ A ≤ due − red − 1 ⟺ q < due − red − ½; yellow or worse ⟺ q < due − yellow + ½.
 * Lower, with q negated: red ⟺ A ≥ due + red + 1 ⟺ −q ≤ −(due + red + ½); likewise yellow.
 */
function pointEdges(profiles: Float64Array, rule: ParsedRule): Float64Array {
  const count = profiles.length / 12 + 1;
  const out = new Float64Array(count * 48 * 2);
  for (let lower = 0; lower < 2; lower += 1)
    for (let p = 0; p < count; p += 1)
      for (let m = 0; m < 12; m += 1) {
        const due = (p < count - 1 ? (profiles[p * 12 + m] as number) : ONE) * 100;
        const red = lower ? -(due + rule.redFrom + 0.5) : due - rule.redFrom - 0.5;
        const yellow = lower ? -(due + rule.yellowFrom - 0.5) : due - rule.yellowFrom + 0.5;
        const at = (lower * count + p) * 48 + m * 4;
        out.set([red, band(red), yellow, band(yellow)], at);
      }
  return out;
}

/** Over twice the float error of q = actual × (100 / target) near an edge (two roundings of ≤ ½ ulp). */
const band = (edge: number): number => (Math.abs(edge) + 1) * 1e-15 + 1e-9;

/** The scalar rule of `paceWarning` for one value near a threshold. */
function exactPoints(actual: number, target: number, b: WarningBatch, r: number, m: number, rule: ParsedRule): number {
  const due = b.kind[r] === 0 ? (b.profiles[(b.profile[r] as number) * 12 + m] as number) * 100 : HUNDRED;
  const achieved = mulDiv(actual, HUNDRED, target);
  return CODE[stateByPoints(b.lowerIsBetter[r] === 1 ? achieved - due : due - achieved, rule)];
}

/** Ratio to pace: expected / actual when lower is better; a ratio of at least 1 is green without dividing. */
function ratioBatch(b: WarningBatch, rule: ParsedRule, through: number, states: Uint8Array, rows: number): void {
  for (let r = 0; r < rows; r += 1) {
    const lower = b.lowerIsBetter[r] === 1;
    for (let m = 0; m < 12; m += 1) {
      const at = r * 12 + m;
      const actual = b.actual[at] as number;
      if (actual !== actual) {
        states[at] = m < through ? OVERDUE : PENDING;
        continue;
      }
      const expected = batchExpected(b, r, m);
      const num = lower ? expected : actual;
      const den = lower ? actual : expected;
      states[at] = den === 0 || num >= den ? GREEN : CODE[stateByRatio(mulDiv(num, ONE, den), rule)];
    }
  }
}
