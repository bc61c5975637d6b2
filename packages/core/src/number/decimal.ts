import { ScoringInputError } from './errors.js';

/**
 * Leitai's exact number: a fixed-point decimal held as an integer count of millionths
 * (micro-units) in an ordinary JS number. Integers below 2^53 are exact in a double, adding
 * them is exact, and `mulDiv` below is exact too, so every result is a pure function of the
 * inputs' decimal digits — no floating-point noise, same bits on every machine and order.
 */
export type Micro = number;

/** A decimal as plain data: `"12.5"` or `12.5` in, canonical strings (`"12.5"`) out. */
export type DecimalInput = string | number;
export type Decimal = string;

export const PLACES = 6;
export const ONE: Micro = 1_000_000;
/** Largest magnitude an input may have (1e9 units): leaves headroom for sums within 2^53 micro. */
export const MAX_INPUT: Micro = 1e9 * ONE;

/** Reads a decimal exactly; `item` names it in the error when it is not one. */
/** `item` may be a function, so hot loops build the name only when there is an error to report. */
export function parseDecimal(input: DecimalInput, item: string | (() => string)): Micro {
  // Fast path for whole numbers, the commonest input; the general path below handles the rest.
  if (typeof input === 'number' && Number.isSafeInteger(input) && Math.abs(input) <= MAX_INPUT / ONE)
    return input * ONE + 0;
  // No closure here: under tsx (keepNames) each one defined costs a call to __name, more than the scan.
  const text = typeof input === 'number' ? numberText(input, item) : input.trim();
  const v = scanDecimal(text);
  if (v !== v) throw new ScoringInputError(nameOf(item), `“${String(input)}”不是有效的数值`);
  if (v === TOO_PRECISE) throw new ScoringInputError(nameOf(item), `数值“${text}”的小数位超过 ${PLACES} 位`);
  if (v === TOO_LARGE) throw new ScoringInputError(nameOf(item), `数值“${text}”超出允许范围（绝对值不超过 10 亿）`);
  return v;
}

const nameOf = (item: string | (() => string)): string => (typeof item === 'string' ? item : item());

const BAD = Number.NaN;
const TOO_PRECISE = Number.POSITIVE_INFINITY;
const TOO_LARGE = Number.NEGATIVE_INFINITY;
const FRAC_SCALE = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/**
 * [+-]digits[.digits] → micro, by hand rather than by regex: this reads every value of every report.
 * Returns NaN (not a number), +∞ (more than 6 significant decimals) or −∞ (beyond ±1e9).
 */
function scanDecimal(t: string): number {
  const n = t.length;
  let i = 0;
  let neg = false;
  let c = t.charCodeAt(0);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i = 1;
  }
  let whole = 0;
  const start = i;
  for (; i < n; i += 1) {
    c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (whole <= 1e10) whole = whole * 10 + (c - 48);
  }
  if (i === start) return BAD;
  let frac = 0;
  let places = 0;
  let precise = true;
  if (i < n) {
    if (t.charCodeAt(i) !== 46) return BAD;
    i += 1;
    const from = i;
    for (; i < n; i += 1) {
      c = t.charCodeAt(i);
      if (c < 48 || c > 57) return BAD;
      if (places < PLACES) {
        frac = frac * 10 + (c - 48);
        places += 1;
      } else if (c !== 48) precise = false;
    }
    if (i === from) return BAD;
  }
  if (!precise) return TOO_PRECISE;
  const value = whole * ONE + frac * (FRAC_SCALE[places] as number);
  if (!(value <= MAX_INPUT)) return TOO_LARGE;
  return neg && value !== 0 ? -value : value;
}

function numberText(n: number, item: string | (() => string)): string {
  if (!Number.isFinite(n)) throw new ScoringInputError(nameOf(item), `“${n}”不是有效的数值`);
  // The shortest round-trip form is what a person typed (0.1 → "0.1"); exponents mean too many digits.
  const s = String(n);
  if (/e/i.test(s)) {
    if (Math.abs(n) < 1) throw new ScoringInputError(nameOf(item), `数值“${s}”的小数位超过 ${PLACES} 位`);
    throw new ScoringInputError(nameOf(item), `数值“${s}”超出允许范围（绝对值不超过 10 亿）`);
  }
  return s;
}

/** Canonical text of a micro value: no trailing zeros, no "-0" ("90", "12.5", "-0.000001"). */
export function toDecimal(m: Micro): Decimal {
  const abs = m < 0 ? -m : m;
  const whole = Math.floor(abs / ONE);
  let frac = abs - whole * ONE;
  const sign = m < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  // Drop trailing zeros arithmetically (this runs for every number in every explanation).
  let places = PLACES;
  while (frac % 10 === 0) {
    frac /= 10;
    places -= 1;
  }
  return `${sign}${whole}.${String(frac).padStart(places, '0')}`;
}

/** For display only: rounds half away from zero (四舍五入) to `places` and always shows them. */
export function formatDecimal(value: Micro | Decimal, places = 2): string {
  const m = typeof value === 'string' ? parseDecimal(value, 'value') : value;
  const step = 10 ** (PLACES - places);
  const rounded = mulDiv(m, 1, step);
  const neg = rounded < 0;
  const abs = Math.abs(rounded);
  const unit = 10 ** places;
  const whole = Math.floor(abs / unit);
  const frac = places > 0 ? `.${String(abs - whole * unit).padStart(places, '0')}` : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

// Relative error of fl(fl(a·b)/c) is below 2u + u² (u = 2^-53); twice that is a safe margin.
const FILTER = 4.5e-16;
const FAST_LIMIT = 2 ** 51;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// 2p + c < 2^53 whenever p, c < 2^51.
const TIER0_LIMIT = 2 ** 51;

/**
 * round(a × b / c), half away from zero, exact for any safe integers (c ≠ 0).
 * Tier 0: when a × b is exact in a double, one division and a floor give the exact answer.
 * Tier 1: a double computes a candidate with a proven error bound; unless the exact quotient could
 * sit within that bound of a half-integer, rounding the candidate is rounding the exact value.
 * Tier 2 (ties and near-ties, e.g. 12.345 → 12.35): when a × b is itself exact in a double, an
 * integer division with remainder decides exactly. Tier 3: BigInt. So the answer is always the
 * exact one, at the speed of a few float operations in all but rare cases.
 */
export function mulDiv(a: number, b: number, c: number): number {
  // Tier 0, the common case: a·b is exact (< 2^52), and round-half-up(p / c) = ⌊(2p + c) / 2c⌋.
  // A non-integer quotient there is ≥ 1/2c from the next integer, while the one float division errs
  // by < (2p + c)/2c × 2^-53 < 1/2c: the floor is exact.
  const p = a * b;
  const ap = p < 0 ? -p : p;
  const ac = c < 0 ? -c : c;
  if (ap < TIER0_LIMIT && ac < TIER0_LIMIT && ac !== 0) {
    const q = Math.floor((2 * ap + ac) / (2 * ac));
    return p < 0 !== c < 0 && q !== 0 ? -q : q;
  }
  const x = (a * b) / c;
  const ax = Math.abs(x);
  // ax < 2^51, so ax + 0.5 is exact and ⌊ax + 0.5⌋ rounds half up; f near 0 or 1 means near a tie.
  const y = ax + 0.5;
  const r = Math.floor(y);
  const f = y - r;
  const e = ax * FILTER;
  if (f > e && f < 1 - e && ax < FAST_LIMIT) return x < 0 ? 0 - r : r;
  return mulDivTie(a, b, c);
}

function mulDivTie(a: number, b: number, c: number): number {
  const p = a * b;
  const ap = Math.abs(p);
  const ac = Math.abs(c);
  if (ap + ac <= MAX_SAFE && ac !== 0) {
    // p is exact; q·ac ≤ ap + ac stays exact, so the remainder is exact.
    let q = Math.floor(ap / ac);
    let rem = ap - q * ac;
    if (rem < 0) {
      q -= 1;
      rem += ac;
    } else if (rem >= ac) {
      q += 1;
      rem -= ac;
    }
    if (2 * rem >= ac) q += 1;
    return p < 0 !== c < 0 && q !== 0 ? -q : q;
  }
  return mulDivExact(a, b, c);
}

function mulDivExact(a: number, b: number, c: number): number {
  return roundDiv(BigInt(a) * BigInt(b), BigInt(c));
}

/** round(n / d), half away from zero, for exact sums of products held in BigInt. */
export function roundDiv(n: bigint, d: bigint): number {
  if (d === 0n) throw new RangeError('roundDiv: division by zero');
  const neg = n < 0n !== d < 0n && n !== 0n;
  if (n < 0n) n = -n;
  if (d < 0n) d = -d;
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  const r = Number(q);
  if (!Number.isSafeInteger(r)) throw new RangeError('roundDiv: result out of range');
  return neg ? -r : r;
}

/** a × b for micro values, rounded once. */
export const mul = (a: Micro, b: Micro): Micro => mulDiv(a, b, ONE);
/** a ÷ b for micro values, rounded once; b must not be 0 (callers validate and name the item). */
export const div = (a: Micro, b: Micro): Micro => mulDiv(a, ONE, b);

/** Exact sum; throws rather than lose a digit beyond 2^53 micro. */
export function sum(values: Iterable<Micro>): Micro {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum: result out of range');
  }
  return total;
}

/** floor(√n) for a non-negative safe integer or bigint, exactly (Newton's method on BigInt). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt: negative');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}
