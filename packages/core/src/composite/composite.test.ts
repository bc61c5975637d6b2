import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ONE, parseDecimal, toDecimal } from '../number/index.js';
import { evaluateComposite, type CompositeInput, type CompositeSchemeInput } from './index.js';

const w = (v: number) => ({ 部门: v, 镇街: v });
const scheme: CompositeSchemeInput = {
  components: [
    { id: '指标', method: { kind: 'direct' }, weights: w(60) },
    { id: '擂台', method: { kind: 'proportional' }, weights: w(15) },
    {
      id: '好差评',
      method: {
        kind: 'curve',
        points: [
          { value: 60, share: 0 },
          { value: 90, share: '0.8' },
          { value: 100, share: 1 },
        ],
      },
      weights: w(10),
    },
    { id: '督办', method: { kind: 'rankTable', points: [15, 14, 13, 12, 11], otherwise: 10 }, weights: w(15) },
  ],
  honourCount: 1,
  warningCount: 1,
};
const raw: Record<string, [number, number, number, number]> = {
  A: [55, 90, 95, 100],
  B: [50, '88.2' as unknown as number, 90, 95],
  C: [52, 72, 75, 95],
  D: [40, 90, 100, 80],
  E: [58, 81, 60, 90],
};
const ids = ['指标', '擂台', '好差评', '督办'];
const input: CompositeInput = {
  scheme,
  units: Object.keys(raw).map((id) => ({ id, categoryId: '部门' })),
  values: Object.entries(raw).flatMap(([unitId, vs]) =>
    vs.map((value, k) => ({ componentId: ids[k] as string, unitId, value })),
  ),
  adjustments: [
    { id: 'a1', unitId: 'A', amount: 3 },
    { id: 'a2', unitId: 'A', amount: 4 },
    { id: 'b1', unitId: 'B', amount: 1 },
    { id: 'c1', unitId: 'C', amount: '1.5' },
    { id: 'd1', unitId: 'D', amount: -12 },
  ],
  previous: [
    { unitId: 'A', rank: 2 },
    { unitId: 'B', rank: 1 },
    { unitId: 'C', rank: 5 },
    { unitId: 'D', rank: 3 },
  ],
};

describe('composite evaluation (computed by hand)', () => {
  // 擂台 proportional to the best (90): A 15, B 14.7, C 12, D 15, E 13.5.
  // 好差评 curve: A 95 → 0.9 → 9, B 90 → 8, C 75 → 0.4 → 4, D 10, E 0.
  // 督办 rank table on the on-time rate: A 15, B 14, C 14 (tied 2nd), E 12 (4th), D 11.
  // Adjustments: A +7 capped at +5, D −12 capped at −10.
  // A 94+5 = 99, B 86.7+1 = 87.7, C 82+1.5 = 83.5, E 83.5, D 76−10 = 66.
  it('scales components, caps adjustments, ranks, grades and lists', () => {
    const [cat] = evaluateComposite(input);
    expect(cat?.units.map((u) => [u.unitId, u.total, u.rank, u.grade, u.rankChange])).toEqual([
      ['A', '99', 1, '优秀', 1],
      ['B', '87.7', 2, '良好', -1],
      ['C', '83.5', 3, '良好', 2],
      ['E', '83.5', 3, '良好', null],
      ['D', '66', 5, '一般', -2],
    ]);
    expect(cat?.units[0]?.components.map((c) => c.score)).toEqual(['55', '15', '9', '15']);
    expect(cat?.units[0]?.adjustment).toEqual({ bonus: '7', penalty: '0', applied: '5' });
    expect(cat?.units.find((u) => u.unitId === 'B')?.components.map((c) => c.score)).toEqual(['50', '14.7', '8', '14']);
    expect(cat?.honourList).toEqual(['A']);
    expect(cat?.warningList).toEqual(['D']);
  });
  it('breaks ties by the named components', () => {
    const [cat] = evaluateComposite({ ...input, scheme: { ...scheme, tieBreakers: ['指标'] } });
    expect(cat?.units.map((u) => [u.unitId, u.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['E', 3],
      ['C', 4],
      ['D', 5],
    ]);
  });
  it('never splits a tie across a quota', () => {
    const grades = [
      { grade: '优秀', minScore: 80, maxShare: '0.6' },
      { grade: '良好', minScore: 70 },
      { grade: '一般' },
    ];
    const [cat] = evaluateComposite({ ...input, scheme: { ...scheme, grades } });
    // quota ⌊0.6 × 5⌋ = 3: A and B fit; C and E tie for 3rd and would make 4, so both are 良好.
    expect(cat?.units.map((u) => u.grade)).toEqual(['优秀', '优秀', '良好', '良好', '一般']);
  });
  it('explains every component back to its source, and the cap', () => {
    const a = evaluateComposite(input)[0]?.units[0];
    expect(a?.explanation.children?.map((n) => [n.kind, n.value])).toEqual([
      ['composite.component.direct', '55'],
      ['composite.component.proportional', '15'],
      ['composite.component.curve', '9'],
      ['composite.component.rankTable', '15'],
      ['composite.adjustment', '5'],
    ]);
    expect(a?.explanation.children?.[4]?.params).toMatchObject({ bonus: '7', capped: true });
    expect(a?.explanation.children?.[4]?.children?.map((n) => n.source?.id)).toEqual(['a1', 'a2']);
  });
  it('rejects bad schemes and data, naming the item', () => {
    const bad = (s: Partial<CompositeSchemeInput>) => () =>
      evaluateComposite({ ...input, scheme: { ...scheme, ...s } });
    expect(bad({ components: scheme.components.map((c) => (c.id === '擂台' ? { ...c, weights: w(10) } : c)) })).toThrow(
      '类别“部门”各分项权重之和须为 100，实际为 95',
    );
    expect(
      bad({ components: scheme.components.map((c) => (c.id === '督办' ? { ...c, weights: { 镇街: 15 } } : c)) }),
    ).toThrow('scheme.components[督办].weights[部门]：缺少类别“部门”的权重');
    expect(() =>
      evaluateComposite({
        ...input,
        values: input.values.map((v) => (v.unitId === 'A' && v.componentId === '指标' ? { ...v, value: 61 } : v)),
      }),
    ).toThrow('values[指标][A]：得分 61 须在 0 到权重 60 之间');
    expect(() => evaluateComposite({ ...input, values: input.values.slice(1) })).toThrow(
      'values[指标][A]：缺少该单位该分项的数据',
    );
  });
});

describe('composite properties', () => {
  const arb = fc.record({
    units: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 40, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: -15, max: 8 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 25 },
    ),
    seed: fc.integer({ min: 1, max: 1e9 }),
  });
  const build = (units: [number, number, number, number, number, boolean][]): CompositeInput => ({
    scheme: {
      ...scheme,
      grades: [{ grade: '优秀', minScore: 60, maxShare: '0.3' }, { grade: '良好', minScore: 50 }, { grade: '较差' }],
      honourCount: 3,
      warningCount: 3,
    },
    units: units.map((u, i) => ({ id: `u${i}`, categoryId: u[5] ? '部门' : '镇街' })),
    values: units.flatMap((u, i) =>
      u.slice(0, 4).map((value, k) => ({ componentId: ids[k] as string, unitId: `u${i}`, value: value as number })),
    ),
    adjustments: units.map((u, i) => ({ id: `adj${i}`, unitId: `u${i}`, amount: u[4] })),
  });
  it('is unchanged by input order, bounded, and ranks/grades agree with totals', () => {
    fc.assert(
      fc.property(arb, ({ units, seed }) => {
        const base = build(units);
        const rev = {
          ...base,
          units: [...base.units].reverse(),
          values: [...base.values].reverse(),
          adjustments: [...(base.adjustments ?? [])].reverse(),
        };
        const r = evaluateComposite(base);
        expect(evaluateComposite(rev)).toEqual(r);
        const order = ['优秀', '良好', '较差'];
        for (const cat of r) {
          const excellent = cat.units.filter((u) => u.grade === '优秀').length;
          expect(excellent).toBeLessThanOrEqual(Math.floor(0.3 * cat.units.length));
          for (const a of cat.units) {
            const ta = parseDecimal(a.total, 'a');
            expect(ta).toBeGreaterThanOrEqual(-10_000_000);
            expect(ta).toBeLessThanOrEqual(105_000_000);
            for (const b of cat.units) {
              const tb = parseDecimal(b.total, 'b');
              if (ta > tb) expect(a.rank).toBeLessThan(b.rank);
              if (ta === tb) expect(a.rank).toBe(b.rank);
              if (a.rank < b.rank) expect(order.indexOf(a.grade)).toBeLessThanOrEqual(order.indexOf(b.grade));
            }
          }
        }
        return seed > 0;
      }),
      { numRuns: 200 },
    );
  });
});

describe('columnar composite', () => {
  it('equals evaluateComposite unit by unit (property)', async () => {
    const { evaluateCompositeColumns, parseCompositeScheme } = await import('./index.js');
    const arbUnits = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        fc.integer({ min: 40, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: -8, max: 6 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbUnits, fc.boolean(), fc.boolean(), (units, lower, tie) => {
        const s: CompositeSchemeInput = {
          components: scheme.components.map((c) => ({
            ...c,
            weights: { ...w(c.weights['部门'] as number), 园区: c.weights['部门'] as number },
            method:
              c.method.kind === 'proportional' || c.method.kind === 'rankTable'
                ? { ...c.method, lowerIsBetter: lower }
                : c.method,
          })),
          grades: [
            { grade: '优秀', minScore: 60, maxShare: '0.3' },
            { grade: '良好', minScore: 50 },
            { grade: '较差' },
          ],
          honourCount: 2,
          warningCount: 2,
          tieBreakers: tie ? ['督办', '指标'] : [],
        };
        const cats = ['部门', '镇街', '园区'];
        const input: CompositeInput = {
          scheme: s,
          units: units.map((u, i) => ({ id: `u${String(i).padStart(2, '0')}`, categoryId: cats[u[5]] as string })),
          values: units.flatMap((u, i) =>
            u.slice(0, 4).map((value, k) => ({
              componentId: ids[k] as string,
              unitId: `u${String(i).padStart(2, '0')}`,
              value: value as number | null,
            })),
          ),
          adjustments: units.flatMap((u, i) =>
            u[4].map((amount, j) => ({ id: `a${i}-${j}`, unitId: `u${String(i).padStart(2, '0')}`, amount })),
          ),
        };
        const want = evaluateComposite(input).flatMap((c) => c.units);
        const present = [...new Set(units.map((u) => cats[u[5]] as string))].sort();
        const U = units.length;
        const values = new Float64Array(4 * U);
        units.forEach((u, i) =>
          u.slice(0, 4).forEach((v, k) => (values[k * U + i] = v === null ? Number.NaN : (v as number) * ONE)),
        );
        const got = evaluateCompositeColumns(parseCompositeScheme(s, present), {
          units: U,
          categories: present,
          category: Uint16Array.from(units, (u) => present.indexOf(cats[u[5]] as string)),
          values,
          bonus: Float64Array.from(units, (u) => u[4].filter((a) => a > 0).reduce((x, y) => x + y, 0) * ONE),
          penalty: Float64Array.from(units, (u) => u[4].filter((a) => a < 0).reduce((x, y) => x + y, 0) * ONE),
        });
        const grades = s.grades?.map((g) => g.grade) ?? [];
        for (const r of want) {
          const i = Number(r.unitId.slice(1));
          expect([
            toDecimal(got.total[i] as number),
            got.rank[i],
            grades[got.grade[i] as number],
            got.honour[i] === 1,
            got.warning[i] === 1,
          ]).toEqual([r.total, r.rank, r.grade, r.honour, r.warning]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
