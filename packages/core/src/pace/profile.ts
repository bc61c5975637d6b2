import { ONE, check, mulDiv, parseDecimal, type DecimalInput, type Micro } from '../number/index.js';

/** How the annual target spreads over the year (序时进度). */
export type PaceProfileInput =
  | { kind: 'linear' }
  /** 12 cumulative fractions of the annual target, one per month end, ending at 1 (e.g. back-loaded investment). */
  | { kind: 'seasonal'; cumulative: readonly DecimalInput[] };

/** A validated profile: the cumulative fraction due at each month end, index 0 = January. */
export interface PaceProfile {
  kind: 'linear' | 'seasonal';
  fractions: readonly Micro[];
}

/** Linear pace is m/12, rounded once to 6 places; these 12 numbers *are* the linear profile. */
const LINEAR: readonly Micro[] = Array.from({ length: 12 }, (_, i) => mulDiv(i + 1, ONE, 12));

/** Validates a profile: 12 fractions in [0, 1], never decreasing, the last exactly 1. */
export function paceProfile(input: PaceProfileInput, item = 'profile'): PaceProfile {
  if (input.kind === 'linear') return { kind: 'linear', fractions: LINEAR };
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
  return { kind: 'seasonal', fractions };
}

/** p(t): the fraction of the annual target due by the end of `month` (1–12). */
export function paceFraction(profile: PaceProfile, month: number, item = 'month'): Micro {
  check(Number.isInteger(month) && month >= 1 && month <= 12, item, `月份须为 1 到 12 的整数，实际为 ${month}`);
  return profile.fractions[month - 1] as Micro;
}

/** Expected value at a month end: annual target × p(t), rounded once. */
export function expectedValue(annualTarget: Micro, fraction: Micro): Micro {
  return mulDiv(annualTarget, fraction, ONE);
}
