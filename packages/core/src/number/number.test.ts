import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ONE, ScoringInputError, div, formatDecimal, isqrt, mul, mulDiv, parseDecimal, toDecimal } from './index.js';

function reference(a: number, b: number, c: number): number {
  let n = BigInt(a) * BigInt(b);
  let d = BigInt(c);
  const neg = n < 0n !== d < 0n && n !== 0n;
  if (n < 0n) n = -n;
  if (d < 0n) d = -d;
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  return neg ? -Number(q) : Number(q);
}

describe('decimal text', () => {
  it('reads and writes exactly', () => {
    expect(parseDecimal('12.5', 'x')).toBe(12_500_000);
    expect(parseDecimal(0.1, 'x')).toBe(100_000);
    expect(parseDecimal('-0.000001', 'x')).toBe(-1);
    expect(parseDecimal('3.1400000', 'x')).toBe(3_140_000);
    expect(toDecimal(90 * ONE)).toBe('90');
    expect(toDecimal(-1)).toBe('-0.000001');
    expect(toDecimal(parseDecimal('-0', 'x'))).toBe('0');
  });
  it('names the item and the reason, never rounds an input silently', () => {
    expect(() => parseDecimal('1.0000001', 'targets[新签约项目].base')).toThrow(ScoringInputError);
    expect(() => parseDecimal('abc', 'w')).toThrow('w：“abc”不是有效的数值');
    for (const bad of ['', '1.', '.5', '1..2', '1,5', '--1', '1e3', '１'])
      expect(() => parseDecimal(bad, 'w')).toThrow('不是有效的数值');
    expect(parseDecimal(' +2.50 ', 'w')).toBe(2_500_000);
    expect(() => parseDecimal(1e-7, 'w')).toThrow('小数位超过 6 位');
    expect(() => parseDecimal('2000000000', 'w')).toThrow('超出允许范围');
    expect(() => parseDecimal(Number.NaN, 'w')).toThrow(ScoringInputError);
  });
  it('formats for display half away from zero', () => {
    expect(formatDecimal(parseDecimal('2.345', 'x'))).toBe('2.35');
    expect(formatDecimal('-2.345')).toBe('-2.35');
    expect(formatDecimal('2.344999')).toBe('2.34');
    expect(formatDecimal('7', 0)).toBe('7');
    expect(formatDecimal('0.004')).toBe('0.00');
  });
  it('round-trips every micro value (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (m) => parseDecimal(toDecimal(m), 'x') === m));
  });
});

describe('mulDiv', () => {
  it('is exact where doubles are not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(parseDecimal('0.1', 'a') + parseDecimal('0.2', 'b')).toBe(parseDecimal('0.3', 'c'));
    expect(mul(parseDecimal('1.15', 'a'), 100 * ONE)).toBe(115 * ONE);
    expect(div(ONE, 3 * ONE)).toBe(333_333);
    expect(div(2 * ONE, 3 * ONE)).toBe(666_667);
    expect(mulDiv(5, 1, 2)).toBe(3);
    expect(mulDiv(-5, 1, 2)).toBe(-3);
    expect(mulDiv(4_503_599_627_370_497, 3, 6)).toBe(2_251_799_813_685_249);
  });
  it('equals the BigInt reference on small, large and tie-prone operands (property)', () => {
    const big = fc.integer({ min: -1e15, max: 1e15 });
    const nonZero = big.filter((c) => c !== 0);
    fc.assert(
      fc.property(big, big, nonZero, (a, b, c) => {
        const want = reference(a, b, c);
        if (!Number.isSafeInteger(want)) return true;
        return mulDiv(a, b, c) === want;
      }),
      { numRuns: 20_000 },
    );
    const small = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(
        small,
        small,
        small.filter((c) => c !== 0),
        (a, b, c) => mulDiv(a, b, c) === reference(a, b, c),
      ),
      { numRuns: 20_000 },
    );
  });
  it('decides exact ties through the integer path (property)', () => {
    const c = fc.constantFrom(2, -2, 10, 100, 1_000_000, 2_000_000, 3, 7);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        c,
        (a, b, d) => mulDiv(a, b, d) === reference(a, b, d),
      ),
      { numRuns: 20_000 },
    );
    expect(Object.is(mulDiv(-1, 1, 3), 0)).toBe(true); // never -0
  });
  it('takes exact integer square roots', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(15n)).toBe(3n);
    expect(isqrt(16n)).toBe(4n);
    expect(isqrt(10n ** 30n + 1n)).toBe(10n ** 15n);
  });
});
