import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDecimal } from '../number/index.js';
import { isBadRating, satisfactionScores, tallyRatings } from './index.js';

describe('public rating', () => {
  it('flags levels 1–2 as bad ratings', () => {
    expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
  });
  it('maps the Bayesian average to 0–100, so a handful of 5s cannot top the table', () => {
    const tallies = tallyRatings([
      ...Array.from({ length: 2 }, () => ({ unitId: '新设窗口', stars: 5 })),
      ...Array.from({ length: 90 }, () => ({ unitId: '行政审批局', stars: 5 })),
      ...Array.from({ length: 10 }, () => ({ unitId: '行政审批局', stars: 2 })),
      ...Array.from({ length: 8 }, () => ({ unitId: '人社局', stars: 3 })),
    ]);
    // m = (10 + 450 + 20 + 24) / 110 = 504/110; C = 10.
    // 新设窗口: (10·504/110 + 10) / 12 = 4.6515…  → (avg − 1) × 25 = 91.287879
    // 人社局: (10·504/110 + 24) / 18 = 3.8787… → 71.969697
    // 行政审批局: (10·504/110 + 470) / 110 = 4.6892…  → 92.231405
    const r = satisfactionScores(tallies, 10);
    expect(r.mean).toBe('4.581818');
    expect(r.units.map((u) => [u.unitId, u.ratings, u.badRatings, u.average, u.satisfaction])).toEqual([
      ['人社局', 8, 0, '3', '71.969697'],
      ['新设窗口', 2, 0, '5', '91.287879'],
      ['行政审批局', 100, 10, '4.7', '92.231405'],
    ]);
    expect(satisfactionScores(tallies, 0).units[1]?.satisfaction).toBe('100');
    // Shown at two places from the exact fraction; ranked on it.
    expect(r.units.map((u) => [u.unitId, u.satisfactionShown, u.rank])).toEqual([
      ['人社局', '71.97', 3],
      ['新设窗口', '91.29', 2],
      ['行政审批局', '92.23', 1],
    ]);
  });
  it('equal tallies share a rank; the shown figure is the exact value at two places (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 50 }),
        (counts, c) => {
          // Every tally twice: each pair is equal on paper.
          const tallies = counts.flatMap((k, i) => [
            { unitId: `${i}a`, counts: k },
            { unitId: `${i}b`, counts: k },
          ]);
          const r = satisfactionScores(tallies, c);
          const byId = new Map(r.units.map((u) => [u.unitId, u]));
          const sAll = counts.reduce((s, k) => s + 2 * (k[0] + 2 * k[1] + 3 * k[2] + 4 * k[3] + 5 * k[4]), 0);
          const nAll = counts.reduce((s, k) => s + 2 * (k[0] + k[1] + k[2] + k[3] + k[4]), 0);
          counts.forEach((k, i) => {
            const [a, b] = [byId.get(`${i}a`)!, byId.get(`${i}b`)!];
            expect([a.rank, a.satisfaction]).toEqual([b.rank, b.satisfaction]);
            if (a.satisfaction === null) return;
            // 25 × ((C·m + S)/(C + n) − 1) in hundredths, half up, on plain BigInt fractions.
            const n = BigInt(k[0] + k[1] + k[2] + k[3] + k[4]);
            const s = BigInt(k[0] + 2 * k[1] + 3 * k[2] + 4 * k[3] + 5 * k[4]);
            const C = BigInt(c);
            const num = 2500n * (C * BigInt(sAll) + s * BigInt(nAll) - BigInt(nAll) * (C + n));
            const den = BigInt(nAll) * (C + n);
            const q = (2n * num + den) / (2n * den);
            expect(a.satisfactionShown).toBe(`${q / 100n}.${String(q % 100n).padStart(2, '0')}`);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('handles no ratings and bad input clearly', () => {
    expect(satisfactionScores([{ unitId: 'a', counts: [0, 0, 0, 0, 0] }]).units[0]?.satisfaction).toBeNull();
    expect(() => tallyRatings([{ unitId: 'a', stars: 6 }])).toThrow('ratings[0].stars：评价等级须为 1 到 5 的整数');
  });
  it('stays within 0–100 and does not depend on input order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitId: fc.constantFrom('a', 'b', 'c', 'd'), stars: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 50 }),
        (ratings, c) => {
          const r = satisfactionScores(tallyRatings(ratings), c);
          expect(satisfactionScores(tallyRatings([...ratings].reverse()), c)).toEqual(r);
          return r.units.every(
            (u) =>
              u.satisfaction === null ||
              (parseDecimal(u.satisfaction, 's') >= 0 && parseDecimal(u.satisfaction, 's') <= 100_000_000),
          );
        },
      ),
    );
  });
});
