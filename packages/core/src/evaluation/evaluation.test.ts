import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateComposite } from '../composite/index.js';
import { ONE, exactText, ratio } from '../number/index.js';
import {
  answerTotal,
  canonicalJson,
  checkQuestionnaire,
  reviewScore,
  checkEvaluationScheme,
  combineArenaScores,
  compositeSchemeOf,
  evaluationActions,
  appealActions,
  appealRefusal,
  finaliseBlocker,
  indicatorPointsToDate,
  indicatorRate,
  linesOf,
  onTimePercent,
  overdueDeduction,
  rankBands,
  versionDiff,
  type EvaluationScheme,
} from './index.js';

const half = 6 * ONE; // linear pace at June: 6/12 of PACE_DEN

describe('indicator points to date', () => {
  it('reads a cumulative figure against the pace, and a rate as it is (hand-computed)', () => {
    // 45 of a 100 target by June reads as 90 on the annual curve: 0.8 × (90 − 60) / (100 − 60) = 0.6 → 6 of 10.
    const a = indicatorPointsToDate({
      item: 'a',
      weight: 10,
      kind: 'cumulative',
      lowerIsBetter: false,
      base: 100,
      stretch: 120,
      paceNumerator: half,
      actual: 45,
    })!;
    expect(exactText(a.points)).toBe('6');
    const b = indicatorPointsToDate({
      item: 'b',
      weight: 5,
      kind: 'rate',
      lowerIsBetter: false,
      base: 95,
      stretch: null,
      paceNumerator: half,
      actual: 95,
    })!;
    expect(exactText(b.points)).toBe('5');
    // (6 + 5) / (10 + 5) × 100 = 220/3, kept exact.
    expect(exactText(indicatorRate([a, b])!)).toBe('220/3');
    expect(indicatorRate([])).toBeNull();
    expect(
      indicatorPointsToDate({
        item: 'c',
        weight: 5,
        kind: 'rate',
        lowerIsBetter: false,
        base: 9,
        stretch: null,
        paceNumerator: half,
        actual: null,
      }),
    ).toBeNull();
  });

  it('ledger and arena sources', () => {
    expect(exactText(onTimePercent(2, 3)!)).toBe('200/3');
    expect(onTimePercent(0, 0)).toBeNull();
    expect(overdueDeduction(3, '0.5', '1')).toBe(ONE);
    expect(overdueDeduction(1, '0.5', '1')).toBe(ONE / 2);
    const s = [ratio(80 * ONE), ratio(90 * ONE), ratio(85 * ONE)];
    expect(exactText(combineArenaScores(s, 'mean')!)).toBe('85');
    expect(exactText(combineArenaScores(s, 'best')!)).toBe('90');
    expect(exactText(combineArenaScores(s, 'last')!)).toBe('85');
    expect(combineArenaScores([], 'mean')).toBeNull();
  });
});

const scheme: EvaluationScheme = {
  components: [
    {
      id: 'indicators',
      name: '目标指标',
      source: { kind: 'indicators' },
      method: {
        kind: 'curve',
        points: [
          { value: 0, share: 0 },
          { value: 100, share: 1 },
        ],
      },
      weights: { A: 60, B: 60 },
    },
    {
      id: 'ledger',
      name: '督查督办',
      source: { kind: 'ledger', overduePenalty: '0.5', overdueCap: 2 },
      method: { kind: 'proportional' },
      weights: { A: 40, B: 40 },
    },
  ],
  honourCount: 1,
  warningCount: 1,
};

describe('an evaluation across two categories (hand-computed)', () => {
  const input = {
    scheme: compositeSchemeOf(scheme),
    units: [
      { id: 'a1', categoryId: 'A' },
      { id: 'a2', categoryId: 'A' },
      { id: 'b1', categoryId: 'B' },
      { id: 'b2', categoryId: 'B' },
    ],
    values: [
      { componentId: 'indicators', unitId: 'a1', value: ratio(220 * ONE, 3) },
      { componentId: 'indicators', unitId: 'a2', value: '80' },
      { componentId: 'indicators', unitId: 'b1', value: '100' },
      { componentId: 'indicators', unitId: 'b2', value: '50' },
      { componentId: 'ledger', unitId: 'a1', value: '100' },
      { componentId: 'ledger', unitId: 'a2', value: '50' },
      { componentId: 'ledger', unitId: 'b1', value: null },
      { componentId: 'ledger', unitId: 'b2', value: '80' },
    ],
    adjustments: [{ id: 'x', unitId: 'a2', amount: '-0.5' }],
  };
  it('scores exactly: 60 × 220/3 % = 44 with no rounding on the way', () => {
    const [a, b] = evaluateComposite(input);
    expect(a!.units.map((u) => [u.unitId, u.total, u.rank])).toEqual([
      ['a1', '84', 1],
      ['a2', '67.5', 2],
    ]);
    expect(b!.units.map((u) => [u.unitId, u.total, u.rank])).toEqual([
      ['b2', '70', 1],
      ['b1', '60', 2],
    ]);
    expect(a!.honourList).toEqual(['a1']);
    expect(a!.warningList).toEqual(['a2']);
  });

  it('validates the scheme: one source per component, weights adding up', () => {
    expect(() => checkEvaluationScheme(scheme, ['A', 'B'])).not.toThrow();
    const bad = {
      ...scheme,
      components: [scheme.components[0]!, { ...scheme.components[1]!, weights: { A: 30, B: 40 } }],
    };
    expect(() => checkEvaluationScheme(bad, ['A', 'B'])).toThrow(/类别“A”各分项权重之和须为 100，实际为 90/);
    const twice = {
      ...scheme,
      components: [scheme.components[0]!, { ...scheme.components[0]!, id: 'again', weights: { A: 40, B: 40 } }],
    };
    expect(() => checkEvaluationScheme(twice, ['A', 'B'])).toThrow(/只能用于一个分项/);
  });

  it('diffs two versions: only who moved, with the component that did', () => {
    const v1 = linesOf(evaluateComposite(input));
    const corrected = {
      ...input,
      values: input.values.map((v) => (v.unitId === 'b1' && v.componentId === 'ledger' ? { ...v, value: '100' } : v)),
    };
    const v2 = linesOf(evaluateComposite(corrected));
    const d = versionDiff(v1, v2);
    expect(d.map((c) => c.unitId)).toEqual(['b1', 'b2']);
    expect(d[0]).toMatchObject({
      before: { totalShown: '60.00', rank: 2 },
      after: { totalShown: '100.00', rank: 1 },
      components: [{ componentId: 'ledger', before: '0.00', after: '40.00' }],
    });
    expect(versionDiff(v1, v1)).toEqual([]);
  });

  it('rank bands hold every unit and contain its rank', () => {
    const bands = rankBands(input);
    expect(bands).toHaveLength(4);
    for (const b of bands) expect(b.best <= b.rank && b.rank <= b.worst).toBe(true);
  });
});

describe('no data', () => {
  it('scores 0, the category mean of the others, or the full weight, as the scheme says (hand-computed)', () => {
    const run = (noData: 'zero' | 'average' | 'full') =>
      evaluateComposite({
        scheme: { components: [{ id: 'x', method: { kind: 'proportional' }, weights: { A: 100 }, noData }] },
        units: ['a', 'b', 'c'].map((id) => ({ id, categoryId: 'A' })),
        values: [
          { componentId: 'x', unitId: 'a', value: '80' },
          { componentId: 'x', unitId: 'b', value: '100' },
          { componentId: 'x', unitId: 'c', value: null },
        ],
      })[0]!.units.map((u) => [u.unitId, u.total]);
    expect(run('zero')).toEqual([
      ['b', '100'],
      ['a', '80'],
      ['c', '0'],
    ]);
    // (80 + 100) / 2 = 90: c ranks between them.
    expect(run('average')).toEqual([
      ['b', '100'],
      ['c', '90'],
      ['a', '80'],
    ]);
    expect(run('full')).toEqual([
      ['b', '100'],
      ['c', '100'],
      ['a', '80'],
    ]);
  });
});

describe('评议', () => {
  const q = {
    items: [
      { id: 'a', text: '服务态度', points: 20 },
      { id: 'b', text: '工作效果', points: 80 },
    ],
    groups: [
      { id: 'g1', name: '服务对象', weight: 60 },
      { id: 'g2', name: '同级部门', weight: 40 },
    ],
    minRespondents: 2,
  };
  it('weights the groups that reached the minimum, exactly (hand-computed)', () => {
    expect(answerTotal(q, { a: '18', b: '72' }, '甲局')).toBe(90 * ONE);
    expect(() => answerTotal(q, { a: '21', b: '72' }, '甲局')).toThrow('“服务态度”的得分须在 0 到 20 之间');
    expect(() => answerTotal(q, { a: '20' }, '甲局')).toThrow('请为“工作效果”打分');
    // g1: (90 + 80) / 2 = 85; g2 has one rater, below the minimum: left out, g1's weight renormalised.
    const one = reviewScore(
      q,
      new Map([
        ['g1', [90 * ONE, 80 * ONE]],
        ['g2', [70 * ONE]],
      ]),
    );
    expect(exactText(one.value!)).toBe('85');
    expect(one.groups.map((g) => [g.groupId, g.respondents, g.mean && exactText(g.mean)])).toEqual([
      ['g1', 2, '85'],
      ['g2', 1, null],
    ]);
    // g2 at (70 + 61) / 2 = 65.5: 0.6 × 85 + 0.4 × 65.5 = 77.2.
    const both = reviewScore(
      q,
      new Map([
        ['g1', [90 * ONE, 80 * ONE]],
        ['g2', [70 * ONE, 61 * ONE]],
      ]),
    );
    expect(exactText(both.value!)).toBe('77.2');
    expect(reviewScore(q, new Map()).value).toBeNull();
  });
  it('checks the questionnaire', () => {
    expect(() => checkQuestionnaire({ ...q, groups: [{ id: 'g1', name: 'x', weight: 50 }] }, 'q')).toThrow(
      '各评议组权重之和须为 100，实际为 50',
    );
  });
});

describe('canonical JSON', () => {
  it('is the same text for the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (d) => {
        const reversed = Object.fromEntries(Object.entries(d).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(d));
        expect(JSON.parse(canonicalJson(d))).toEqual(d);
      }),
    );
  });

  it('writes what sorting every level and JSON.stringify would, for any JSON value (and skips undefined)', () => {
    // The plain definition the one-pass writer must match: a stored hash depends on every byte.
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${reference(x)}`).join(',')}}`;
    };
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.object({ values: [fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.string()] }),
        (j, o) => {
          expect(canonicalJson(j)).toBe(reference(j));
          expect(canonicalJson(o)).toBe(reference(o));
          expect(canonicalJson([o, undefined, { a: undefined, b: [o] }])).toBe(
            reference([o, undefined, { a: undefined, b: [o] }]),
          );
        },
      ),
    );
  });
});

describe('the lifecycle', () => {
  it('offers the next steps by state, and finalises only after the window with every appeal settled', () => {
    expect(evaluationActions({ state: 'draft', commentUntil: null, openAppeals: 0 }, '2026-07-01')).toEqual([
      'editScheme',
      'close',
    ]);
    const comment = { state: 'comment' as const, commentUntil: '2026-07-10', openAppeals: 0 };
    expect(evaluationActions(comment, '2026-07-10')).toEqual(['verify']);
    expect(evaluationActions(comment, '2026-07-11')).toEqual(['verify', 'finalise']);
    expect(evaluationActions({ ...comment, openAppeals: 1 }, '2026-07-11')).toEqual(['verify']);
    expect(finaliseBlocker({ ...comment, openAppeals: 1 }, '2026-07-11')).toBe('还有 1 件申诉未办结');
    expect(appealRefusal('comment', '2026-07-10', '2026-07-10')).toBeNull();
    expect(appealRefusal('comment', '2026-07-10', '2026-07-11')).toBe('公示期已于 2026-07-10 结束，不再受理申诉');
  });
  it('needs a second person to approve', () => {
    expect(appealActions({ state: 'filed', decidedBy: null }, { userId: 1, mayDecide: true })).toEqual(['decide']);
    expect(appealActions({ state: 'decided', decidedBy: 1 }, { userId: 1, mayDecide: true })).toEqual([]);
    expect(appealActions({ state: 'decided', decidedBy: 1 }, { userId: 2, mayDecide: true })).toEqual(['approve']);
    expect(appealActions({ state: 'filed', decidedBy: null }, { userId: 2, mayDecide: false })).toEqual([]);
  });
});
