import { ONE, check, parseDecimal, ratio, type DecimalInput, type Micro, type Ratio } from '../number/index.js';

/** How the annual target spreads over the year (序时进度). */
export type PaceProfileInput =
  | { kind: 'linear' }
  /** 12 cumulative fractions of the annual target, one per month end, ending at 1 (e.g. back-loaded investment). */
  | { kind: 'seasonal'; cumulative: readonly DecimalInput[] };

/**
 * The denominator of every pace fraction: 12 × ONE. Linear pace m/12 is no decimal (11/12 = 0.91666…),
 * and rounding it first is what put 15 × 0.916667 = 13.750005 on the board (issue 12). Over 12 × ONE it
 * is the whole number m × ONE, and a seasonal fraction (≤ 6 places) is 12 × its micro value: every
 * fraction is exact, and a whole number, so the columnar path holds them in a Float64Array.
 */
export const PACE_DEN = 12 * ONE;

/** A validated profile: the cumulative fraction due at each month end, index 0 = January. */
export interface PaceProfile {
  kind: 'linear' | 'seasonal';
  /** Numerators over PACE_DEN (linear: m × ONE; a seasonal 0.38: 12 × 380 000). */
  numerators: readonly number[];
}

const LINEAR: readonly number[] = Array.from({ length: 12 }, (_, i) => (i + 1) * ONE);

/** Validates a profile: 12 fractions in [0, 1], never decreasing, the last exactly 1. */
export function paceProfile(input: PaceProfileInput, item = 'profile'): PaceProfile {
  if (input.kind === 'linear') return { kind: 'linear', numerators: LINEAR };
  check(
    input.cumulative.length === 12,
    `${item}.cumulative`,
    `季节性序时进度须给出 12 个月的累计比例，实际为 ${input.cumulative.length} 个`,
  );
  const fractions = input.cumulative.map((f, i) => parseDecimal(f, `${item}.cumulative[${i + 1}月]`));
  fractions.forEach((f, i) => {
    const at = `${item}.cumulative[${i + 1}月]`;
    check(f >= 0 && f <= ONE, at, '累计比例须在 0 到 1 之间');
    check(i === 0 || f >= (fractions[i - 1] ?? 0), at, '累计比例不能小于上月');
  });
  check(fractions[11] === ONE, `${item}.cumulative[12月]`, '12 月的累计比例须为 1');
  return { kind: 'seasonal', numerators: fractions.map((f) => f * 12) };
}

/** p(t) over PACE_DEN: the fraction of the annual target due by the end of `month` (1–12). */
export function paceNumerator(profile: PaceProfile, month: number, item = 'month'): number {
  check(Number.isInteger(month) && month >= 1 && month <= 12, item, `月份须为 1 到 12 的整数，实际为 ${month}`);
  return profile.numerators[month - 1] as number;
}

/** p(t) exactly, as micro-units of 1 (11/12 is 11 000 000/12 micro, shown 0.916667). */
export const paceFraction = (profile: PaceProfile, month: number, item = 'month'): Ratio =>
  ratio(paceNumerator(profile, month, item), 12);

/** Expected value at a month end, exactly: annual target × p(t) (micro), rounded only when shown. */
export const expectedValue = (annualTarget: Micro, numerator: number): Ratio =>
  ratio(BigInt(annualTarget) * BigInt(numerator), PACE_DEN);
