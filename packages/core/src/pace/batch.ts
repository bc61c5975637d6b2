import { ONE, mulDiv, type Micro } from '../number/index.js';
import type { ParsedRule, WarningState } from './warning.js';

/** State codes of the columnar path, in this order. */
export const WARNING_STATES: readonly WarningState[] = ['green', 'yellow', 'red', 'overdue', 'pending'];
const CODE: Record<WarningState, number> = { green: 0, yellow: 1, red: 2, overdue: 3, pending: 4 };
const OVERDUE = CODE.overdue;
const PENDING = CODE.pending;
const HUNDRED = 100 * ONE;
const HALF = ONE / 2;
const EXACT_PRODUCT = 2 ** 50; // quotients below ~1.1e9: the division errs by < 1.3e-7, well under the 1e-6 gap
const GREEN = CODE.green;
const YELLOW = CODE.yellow;
const RED = CODE.red;
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

export function paceWarningsBatch(b: WarningBatch, rule: ParsedRule, deadlinePassedThrough: number, states: Uint8Array, expected: Float64Array, rows = b.target.length): void {
  const points = rule.kind === 'pointsBehind';
  // The thresholds of stateByPoints / stateByRatio as integer bounds on the rounded quotient A:
  // gap ≥ Y ⟺ A ≤ due − Y and gap > R ⟺ A ≤ due − R − 1 (mirrored when lower is better).
  const { yellowFrom, redFrom } = rule;
  const { target: targets, kind, lowerIsBetter, profile, profiles, actual: actuals } = b;
  // One row at a time, with a separate tight loop per case (row-constant branches hoisted out):
  // measured ≈ 25 % faster than one loop testing every case for every value.
  for (let r = 0; r < rows; r += 1) {
    const target = targets[r] as Micro;
    const timed = kind[r] === 0;
    const lower = lowerIsBetter[r] === 1;
    const p0 = (profile[r] as number) * 12;
    const at = r * 12;

    if (timed) {
      for (let m = 0; m < 12; m += 1) {
        // target × pace is an exact integer below 2^50 here, and so ⌊(p + ½·10⁶) / 10⁶⌋ is exactly
        // round-half-up: a quotient just below an integer is ≥ 10⁻⁶ below it, far beyond the division's
        // error at these magnitudes (< 2^50 / 10⁶ × 2^-53 ≈ 1.3 × 10⁻⁷). Anything larger takes mulDiv.
        const pace = profiles[p0 + m] as Micro;
        const p = target * pace;
        expected[at + m] = p < EXACT_PRODUCT ? Math.floor((p + HALF) / ONE) : mulDiv(target, pace, ONE);
      }
    } else for (let m = 0; m < 12; m += 1) expected[at + m] = target;

    if (points) {
      // A = round(actual × 100 / target) in micro-points, the achieved share of stateByPoints.
      const perTarget = HUNDRED / target; // approximate; atMost() keeps every decision exact
      if (!lower) {
        for (let m = 0; m < 12; m += 1) {
          const actual = actuals[at + m] as number;
          if (actual !== actual) {
            states[at + m] = m < deadlinePassedThrough ? OVERDUE : PENDING;
            continue;
          }
          const due = timed ? (profiles[p0 + m] as Micro) * 100 : HUNDRED;
          const q = actual * perTarget;
          states[at + m] = atMost(q, actual, HUNDRED, target, due - redFrom - 1) ? RED : atMost(q, actual, HUNDRED, target, due - yellowFrom) ? YELLOW : GREEN;
        }
      } else {
        for (let m = 0; m < 12; m += 1) {
          const actual = actuals[at + m] as number;
          if (actual !== actual) {
            states[at + m] = m < deadlinePassedThrough ? OVERDUE : PENDING;
            continue;
          }
          const due = timed ? (profiles[p0 + m] as Micro) * 100 : HUNDRED;
          const q = actual * perTarget;
          states[at + m] = !atMost(q, actual, HUNDRED, target, due + redFrom) ? RED : !atMost(q, actual, HUNDRED, target, due + yellowFrom - 1) ? YELLOW : GREEN;
        }
      }
    } else {
      for (let m = 0; m < 12; m += 1) {
        const actual = actuals[at + m] as number;
        if (actual !== actual) {
          states[at + m] = m < deadlinePassedThrough ? OVERDUE : PENDING;
          continue;
        }
        const exp = expected[at + m] as Micro;
        const num = lower ? exp : actual;
        const den = lower ? actual : exp;
        // num ≥ den is a ratio ≥ 1: green without dividing (and without overflow on a tiny divisor).
        if (den === 0 || num >= den) states[at + m] = GREEN;
        else states[at + m] = atMost((num * ONE) / den, num, ONE, den, redFrom - 1) ? RED : YELLOW;
      }
    }
  }
}

/**
 * Exactly round(a × b / c) ≤ bound, given q ≈ a × b / c from doubles (relative error < 4u).
 * round(x) ≤ B ⟺ x < B + ½ (ties, where the rounding direction matters, go to the exact path).
 */
function atMost(q: number, a: number, b: number, c: number, bound: number): boolean {
  const edge = bound + 0.5;
  const err = (q < 0 ? -q : q) * 1e-15 + 1e-9;
  if (q < edge - err) return true;
  if (q > edge + err) return false;
  return mulDiv(a, b, c) <= bound;
}
