import { ONE, parseDecimal, roundDiv, toDecimal, type Decimal, type Micro } from './decimal.js';

/**
 * An exact rational count of micro-units, n / d with d > 0, for the intermediate results that are not
 * decimals: means (260/3), weighted sums of means, curve shares, proportions. Why BigInt fractions and
 * not a decimal library: a mean of three scores is no finite decimal, so any decimal type must round it
 * somewhere, and rounding there is exactly what split ties on paper (issue 12). A fraction never rounds;
 * ranks and ties are decided on it, and it is rounded once, to micro, when a figure is shown or stored.
 * Fractions stay small here (a handful of terms with denominators such as judge counts and weights).
 */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** n / d with d > 0, not reduced (a gcd per step would cost more than the few terms ever grow). */
export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new RangeError('ratio: zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
}

/** In lowest terms (for text). */
export function reduced(r: Ratio): Ratio {
  const g = gcd(r.n, r.d);
  return g > 1n ? { n: r.n / g, d: r.d / g } : r;
}

export const ratioOf = (m: Micro): Ratio => ({ n: BigInt(m), d: 1n });
export const ZERO_RATIO: Ratio = { n: 0n, d: 1n };

export const addRatio = (a: Ratio, b: Ratio): Ratio =>
  b.n === 0n ? a : a.n === 0n ? b : a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const mulRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const divRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const sumRatios = (xs: Iterable<Ratio>): Ratio => {
  let s = ZERO_RATIO;
  for (const x of xs) s = addRatio(s, x);
  return s;
};

/** Sign of a − b. */
export const compareRatio = (a: Ratio, b: Ratio): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** The one rounding: to the nearest micro (6 places), half away from zero. */
export const roundRatio = (r: Ratio): Micro => (r.d === 1n ? Number(r.n) : roundDiv(r.n, r.d));

/** True when the fraction is a whole number of micro-units (rounding it changes nothing). */
export const isMicro = (r: Ratio): boolean => r.n % r.d === 0n;

/**
 * The exact value as text, for explanation trees: "1307/15" (in units, lowest terms), or the
 * canonical decimal when it is one of at most 6 places.
 */
export function exactText(r: Ratio): Decimal {
  if (isMicro(r)) return toDecimal(Number(r.n / r.d));
  const u = reduced(ratio(r.n, r.d * BigInt(ONE)));
  return `${u.n}/${u.d}`;
}

/** The inverse of exactText: "1307/15" or a decimal back to the exact value (stored snapshots' inputs). */
export function parseExactText(text: string, item = 'value'): Ratio {
  const m = /^(-?\d+)\/(\d+)$/.exec(text);
  if (!m) return ratioOf(parseDecimal(text, item));
  return ratio(BigInt(m[1] as string) * BigInt(ONE), BigInt(m[2] as string));
}

/** Rounds to `places` (≤ 6) once, from the exact value: for display (default 2 places). */
export function formatRatio(r: Ratio, places = 2): string {
  const step = BigInt(10 ** (6 - places));
  const q = roundDiv(r.n, r.d * step);
  const neg = q < 0;
  const abs = Math.abs(q);
  const unit = 10 ** places;
  const whole = Math.floor(abs / unit);
  const frac = places > 0 ? `.${String(abs - whole * unit).padStart(places, '0')}` : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** Drops trailing zeros of a fixed-place figure ("13.50" → "13.5", "90.00" → "90"). */
export const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/**
 * A figure as a page or a document shows it: rounded once from the exact value to `places` (default 2),
 * trailing zeros dropped ("13.75", "90", "0.83"). The server sends this text, so no one rounds the
 * six-place stored figure again (87.1349996 is 87.13, although its six-place figure 87.135 would give 87.14).
 */
export const shownRatio = (r: Ratio, places = 2): string => trimZeros(formatRatio(r, places));

/** An exact decimal (a reported figure, a target) as shown: `shownRatio` of its value. */
export const shownDecimal = (v: Decimal, places = 2): string => shownRatio(ratioOf(parseDecimal(v, 'value')), places);

/** A fraction of 1 (micro-units) as a percentage shown: rounded once to `places` (default 1), "83.3%". */
export const shownPercent = (r: Ratio, places = 1): string => `${formatRatio(mulRatio(r, ratioOf(100)), places)}%`;
