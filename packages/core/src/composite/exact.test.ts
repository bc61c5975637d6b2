import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ONE, toDecimal } from '../number/index.js';
import {
  evaluateComposite,
  evaluateCompositeColumns,
  parseCompositeScheme,
  type CompositeInput,
  type CompositeSchemeInput,
} from './index.js';

/** The reference: plain BigInt fractions, written apart from the engine (values in units). */
type F = [bigint, bigint];
const f = (n: bigint, d = 1n): F => (d < 0n ? [-n, -d] : [n, d]);
const add = (a: F, b: F): F => f(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sign = (a: F, b: F): number => {
  const d = a[0] * b[1] - b[0] * a[1];
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
const round6 = (a: F): string => {
  const n = a[0] * 1_000_000n;
  const neg = n < 0n;
  const m = neg ? -n : n;
  const q = (2n * m + a[1]) / (2n * a[1]);
  return toDecimal(Number(neg ? -q : q));
};

// Weights 40 / 30 / 20 / 10; the curve climbs linearly over 15 (shares in fifteenths: 13/15 of 30 is 26,
// while the share rounded first gives 26.00001); proportional to a best of up to 45.
const scheme = (lower: boolean, tie: boolean): CompositeSchemeInput => ({
  components: [
    { id: 'd', method: { kind: 'direct' }, weights: { 部门: 40 } },
    {
      id: 'c',
      method: {
        kind: 'curve',
        points: [
          { value: 0, share: 0 },
          { value: 15, share: 1 },
        ],
      },
      weights: { 部门: 30 },
    },
    { id: 'p', method: { kind: 'proportional', lowerIsBetter: lower }, weights: { 部门: 20 } },
    {
      id: 'r',
      method: { kind: 'rankTable', points: [10, 8, 6], otherwise: 4, lowerIsBetter: lower },
      weights: { 部门: 10 },
    },
  ],
  grades: [{ grade: '优秀', minScore: 80, maxShare: '0.5' }, { grade: '良好', minScore: 60 }, { grade: '一般' }],
  honourCount: 2,
  warningCount: 2,
  tieBreakers: tie ? ['c', 'p'] : [],
});

/** Exact points per unit, by DESIGN §3.5, on fractions. */
function reference(s: CompositeSchemeInput, units: number[][], lower: boolean): [F, F, F][] {
  const pv = units.map((u) => u[2] as number);
  const best = lower ? Math.min(...pv) : Math.max(...pv);
  const rv = units.map((u) => u[3] as number);
  const points = [10, 8, 6];
  return units.map((u) => {
    const [d, c, p, r] = u as [number, number, number, number];
    const curve: F = c >= 15 ? f(30n) : f(30n * BigInt(c), 15n);
    const prop: F = lower
      ? p === 0
        ? f(20n)
        : f(20n * BigInt(best), BigInt(p))
      : best === 0
        ? f(0n)
        : f(20n * BigInt(p), BigInt(best));
    const rank = 1 + rv.filter((x) => (lower ? x < r : x > r)).length;
    const table = f(BigInt(points[rank - 1] ?? 4));
    void s;
    return [add(add(add(f(BigInt(d)), curve), prop), table), curve, prop];
  });
}

const arbUnits = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 16 }),
      fc.integer({ min: 0, max: 45 }),
      fc.integer({ min: 0, max: 5 }),
    ),
    { minLength: 2, maxLength: 12 },
  )
  // Ties through different paths: a unit whose curve points are 2·Δ lower and direct points 2·Δ higher.
  .chain((us) =>
    fc
      .array(fc.tuple(fc.nat({ max: us.length - 1 }), fc.integer({ min: -4, max: 4 })), { maxLength: 6 })
      .map((twins) => [
        ...us,
        ...twins.flatMap(([i, dlt]) => {
          const [d, c, p, r] = us[i] as [number, number, number, number];
          const c2 = c - dlt;
          const d2 = d + 2 * dlt;
          return c2 >= 0 && c2 <= 15 && c <= 15 && d2 >= 0 && d2 <= 40 ? [[d2, c2, p, r]] : [];
        }),
      ]),
  );

function inputOf(s: CompositeSchemeInput, units: number[][]): CompositeInput {
  const ids = ['d', 'c', 'p', 'r'];
  return {
    scheme: s,
    units: units.map((_, i) => ({ id: `u${String(i).padStart(2, '0')}`, categoryId: '部门' })),
    values: units.flatMap((u, i) =>
      u.map((value, k) => ({ componentId: ids[k] as string, unitId: `u${String(i).padStart(2, '0')}`, value })),
    ),
  };
}

describe('composite: equal on paper stays equal (issue 12)', () => {
  it('example 2: 30 × 13/15 is 26, so 26 + 60 ties with 86 (rank 1 for both; neither on the warning list)', () => {
    const s: CompositeSchemeInput = {
      components: [
        { id: '指标', method: { kind: 'direct' }, weights: { 部门: 70 } },
        {
          id: '擂台',
          method: {
            kind: 'curve',
            points: [
              { value: 0, share: 0 },
              { value: 15, share: 1 },
            ],
          },
          weights: { 部门: 30 },
        },
      ],
      honourCount: 1,
      warningCount: 1,
    };
    const [cat] = evaluateComposite({
      scheme: s,
      units: ['A', 'B', 'C'].map((id) => ({ id, categoryId: '部门' })),
      values: [
        { componentId: '指标', unitId: 'A', value: 60 },
        { componentId: '擂台', unitId: 'A', value: 13 },
        { componentId: '指标', unitId: 'B', value: 56 },
        { componentId: '擂台', unitId: 'B', value: 15 },
        { componentId: '指标', unitId: 'C', value: 50 },
        { componentId: '擂台', unitId: 'C', value: 10 },
      ],
    });
    expect(cat?.units.map((u) => [u.unitId, u.total, u.totalShown, u.rank, u.honour, u.warning])).toEqual([
      ['A', '86', '86.00', 1, true, false],
      ['B', '86', '86.00', 1, true, false],
      ['C', '70', '70.00', 3, false, true],
    ]);
    const comp = cat?.units[0]?.explanation.children?.find((n) => n.params?.componentId === '擂台');
    expect([comp?.value, comp?.params?.share, comp?.params?.shareExact]).toEqual(['26', '0.866667', '13/15']);
  });

  it('totals, ranks and the columnar path agree with exact fractions for every method (property)', () => {
    let ties = 0;
    fc.assert(
      fc.property(arbUnits, fc.boolean(), fc.boolean(), (units, lower, tie) => {
        const s = scheme(lower, tie);
        const keys = reference(s, units, lower);
        const ref = keys.map((k) => k[0]);
        // Competition rank on (total, then the curve and proportional points when tie-breaking).
        const ahead = (a: [F, F, F], b: [F, F, F]): boolean => {
          for (const k of tie ? [0, 1, 2] : [0]) {
            const d = sign(a[k] as F, b[k] as F);
            if (d !== 0) return d > 0;
          }
          return false;
        };
        const [cat] = evaluateComposite(inputOf(s, units));
        const got = new Map((cat?.units ?? []).map((u) => [u.unitId, u]));
        units.forEach((_, i) => {
          const u = got.get(`u${String(i).padStart(2, '0')}`);
          expect(u?.total).toBe(round6(ref[i] as F));
          expect(u?.rank).toBe(1 + keys.filter((o) => ahead(o, keys[i] as [F, F, F])).length);
        });
        for (let i = 0; i < units.length; i += 1)
          for (let j = i + 1; j < units.length; j += 1) if (sign(ref[i] as F, ref[j] as F) === 0) ties += 1;

        const fast = evaluateCompositeColumns(parseCompositeScheme(s, ['部门']), {
          units: units.length,
          categories: ['部门'],
          category: new Uint16Array(units.length),
          values: Float64Array.from({ length: 4 * units.length }, (_, x) => {
            const k = Math.floor(x / units.length);
            return ((units[x % units.length] as number[])[k] as number) * ONE;
          }),
          bonus: new Float64Array(units.length),
          penalty: new Float64Array(units.length),
        });
        const grades = ['优秀', '良好', '一般'];
        units.forEach((_, i) => {
          const u = got.get(`u${String(i).padStart(2, '0')}`);
          expect([
            toDecimal(fast.total[i] as number),
            fast.rank[i],
            grades[fast.grade[i] as number],
            fast.honour[i] === 1,
            fast.warning[i] === 1,
          ]).toEqual([u?.total, u?.rank, u?.grade, u?.honour, u?.warning]);
        });
      }),
      { numRuns: 300 },
    );
    expect(ties).toBeGreaterThan(100);
  }, 30_000);
});
