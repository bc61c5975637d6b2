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
