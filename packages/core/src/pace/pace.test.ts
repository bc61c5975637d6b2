import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_POINTS_RULE,
  DEFAULT_RATIO_RULE,
  milestoneState,
  paceFraction,
  paceProfile,
  paceWarning,
  type PaceWarningInput,
} from './index.js';
import { exactText } from '../number/index.js';

const investment: PaceWarningInput = {
  item: '商务局/固定资产投资',
  kind: 'cumulative',
  profile: { kind: 'linear' },
  annualTarget: 120,
  month: 6,
  actual: 50,
  deadlinePassed: true,
  rule: DEFAULT_POINTS_RULE,
};
const seasonal = {
  kind: 'seasonal' as const,
  cumulative: ['0', '0.02', '0.08', '0.15', '0.22', '0.3', '0.38', '0.46', '0.56', '0.68', '0.82', '1'],
};

describe('pace profiles', () => {
  it('linear is m/12 exactly (over 12 × ONE); seasonal is the given list', () => {
    expect(paceProfile({ kind: 'linear' }).numerators.slice(0, 3)).toEqual([1e6, 2e6, 3e6]);
    expect(exactText(paceFraction(paceProfile({ kind: 'linear' }), 11))).toBe('11/12');
    expect(paceProfile(seasonal).numerators[5]).toBe(12 * 300_000);
  });
  it('rejects a profile that falls back or does not end at 1', () => {
    expect(() => paceProfile({ kind: 'seasonal', cumulative: [...seasonal.cumulative.slice(0, 11), '0.99'] })).toThrow(
      '12 月的累计比例须为 1',
    );
    const back = [...seasonal.cumulative];
    back[4] = '0.1';
    expect(() => paceProfile({ kind: 'seasonal', cumulative: back }, 'p')).toThrow(
      'p.cumulative[5月]：累计比例不能小于上月',
    );
    expect(() => paceProfile({ kind: 'seasonal', cumulative: ['1'] })).toThrow('12 个月');
  });
});

describe('warnings by points behind pace (银川 thresholds)', () => {
  it('computes expected value and the gap, and colours it', () => {
    const w = paceWarning(investment); // due 50 points, achieved 41.666667
    expect(w).toMatchObject({ state: 'green', pace: '0.5', expected: '60', actual: '50', gapPoints: '8.333333' });
    expect(paceWarning({ ...investment, actual: 48 }).state).toBe('yellow'); // exactly 10 points behind
    expect(paceWarning({ ...investment, actual: 24 }).state).toBe('yellow'); // exactly 30
    expect(paceWarning({ ...investment, actual: '23.999999' }).state).toBe('red');
    expect(paceWarning({ ...investment, actual: 200 }).gapPoints).toBe('-116.666667');
  });
  it('uses the seasonal profile for back-loaded investment', () => {
    const w = paceWarning({ ...investment, profile: seasonal, actual: 30 });
    expect(w).toMatchObject({ expected: '36', gapPoints: '5', state: 'green' });
  });
  it('compares rates and growth with the target itself, and mirrors lower-is-better', () => {
    expect(paceWarning({ ...investment, kind: 'growth', annualTarget: '6.5', actual: '5.2' })).toMatchObject({
      pace: '1',
      expected: '6.5',
      gapPoints: '20',
      state: 'yellow',
    });
    const accidents = { ...investment, kind: 'cumulative' as const, lowerIsBetter: true, annualTarget: 12 };
    expect(paceWarning({ ...accidents, actual: 6 }).state).toBe('green');
    expect(paceWarning({ ...accidents, actual: 8 })).toMatchObject({ gapPoints: '16.666667', state: 'yellow' });
  });
  it('gives a missing report its own state, never green', () => {
    expect(paceWarning({ ...investment, actual: null }).state).toBe('overdue');
    expect(paceWarning({ ...investment, actual: null, deadlinePassed: false }).state).toBe('pending');
  });
  it('refuses a zero target and bad thresholds, naming the item', () => {
    expect(() => paceWarning({ ...investment, annualTarget: 0 })).toThrow(
      '商务局/固定资产投资.annualTarget：年度目标须大于 0',
    );
    expect(() =>
      paceWarning({ ...investment, rule: { kind: 'pointsBehind', yellowFromPoints: 30, redFromPoints: 10 } }),
    ).toThrow('红灯阈值不能小于黄灯阈值');
    expect(() => paceWarning({ ...investment, month: 13 })).toThrow('月份须为 1 到 12');
  });
});

describe('pace is exact to the end (issue 12)', () => {
  const linear = { ...investment, month: 11, annualTarget: 15 };
  it('expects 15 × 11/12 = 13.75, not 15 × 0.916667 = 13.750005', () => {
    const w = paceWarning({ ...linear, actual: '13.75', rule: DEFAULT_RATIO_RULE });
    expect(w).toMatchObject({ pace: '0.916667', expected: '13.75', ratio: '1', state: 'green' });
    expect(w.shown).toEqual({ actual: '13.75', expected: '13.75', gapPoints: null, ratioPercent: '100.0' });
    expect(w.explanation.children?.[0]?.params).toMatchObject({ pace: '0.916667', paceExact: '11/12' });
  });
  it('a unit exactly on pace is green and 0 points behind, by either rule', () => {
    // 12 × 11/12 = 11: with the fraction rounded first, 11 was 0.99999963 of 11.000004, a yellow light.
    for (const rule of [DEFAULT_POINTS_RULE, DEFAULT_RATIO_RULE]) {
      const w = paceWarning({ ...linear, annualTarget: 12, actual: 11, rule });
      expect([w.state, w.gapPoints ?? w.ratio]).toEqual(['green', rule === DEFAULT_RATIO_RULE ? '1' : '0']);
    }
  });
  it('colours on the exact gap: 10 points behind 5/12 of 120 is 38 exactly, 38.000001 is green', () => {
    const may = { ...investment, month: 5 };
    expect(paceWarning({ ...may, actual: 38 })).toMatchObject({ state: 'yellow', gapPoints: '10' });
    // Exactly 9.99999916…; with p(5) rounded to 0.416667 first it was 10.000032, a yellow light.
    const w = paceWarning({ ...may, actual: '38.000001' });
    expect(w).toMatchObject({ state: 'green', gapPoints: '9.999999' });
    expect(w.explanation.params?.exact).toBe('11999999/1200000');
  });
  it('shows two places rounded from the exact value, never from the six-place figure', () => {
    // 100 − 2639.850001 / 30 = 12.0049999666…: 12.005 at six places, whose two places would be 12.01.
    const w = paceWarning({ ...investment, kind: 'rate', annualTarget: 3000, actual: '2639.850001' });
    expect(w.gapPoints).toBe('12.005');
    expect(w.shown.gapPoints).toBe('12');
  });
});

describe('warnings by ratio to pace (三亚 red line)', () => {
  const byRatio = { ...investment, rule: DEFAULT_RATIO_RULE };
  it('is green on pace, yellow down to half, red below', () => {
    expect(paceWarning({ ...byRatio, actual: 60 })).toMatchObject({ ratio: '1', state: 'green' });
    expect(paceWarning({ ...byRatio, actual: 30 })).toMatchObject({ ratio: '0.5', state: 'yellow' });
    expect(paceWarning({ ...byRatio, actual: '29.99' }).state).toBe('red');
    expect(paceWarning({ ...byRatio, lowerIsBetter: true, actual: 90 })).toMatchObject({
      ratio: '0.666667',
      state: 'yellow',
    });
    expect(paceWarning({ ...byRatio, lowerIsBetter: true, actual: 0 })).toMatchObject({ ratio: null, state: 'green' });
  });
  it('never gets better as the actual falls (property)', () => {
    const rank = { green: 0, yellow: 1, red: 2, overdue: 3, pending: 3 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (a, b, month, ratio) => {
          const rule = ratio ? DEFAULT_RATIO_RULE : DEFAULT_POINTS_RULE;
          const lo = paceWarning({ ...investment, rule, month, actual: Math.min(a, b) / 100 });
          const hi = paceWarning({ ...investment, rule, month, actual: Math.max(a, b) / 100 });
          return rank[hi.state] <= rank[lo.state];
        },
      ),
    );
  });
});

describe('milestones', () => {
  const m = { id: '签约', plannedMonth: '2026-05', reachedMonth: null, asOf: '2026-04' };
  it('is yellow once its month passes unreached, red three months late', () => {
    expect(milestoneState(m)).toEqual({ state: 'green', reached: false, monthsLate: 0 });
    expect(milestoneState({ ...m, asOf: '2026-05' }).state).toBe('yellow');
    expect(milestoneState({ ...m, asOf: '2026-07' })).toEqual({ state: 'yellow', reached: false, monthsLate: 2 });
    expect(milestoneState({ ...m, asOf: '2026-08' })).toEqual({ state: 'red', reached: false, monthsLate: 3 });
    expect(milestoneState({ ...m, asOf: '2026-09', reachedMonth: '2026-07' })).toEqual({
      state: 'green',
      reached: true,
      monthsLate: 2,
    });
    expect(() => milestoneState({ ...m, asOf: '2026-13' })).toThrow('签约.asOf');
  });
});

describe('columnar warnings', () => {
  it('equal paceWarning value by value (property)', async () => {
    const {
      paceWarningsBatch,
      batchExpected,
      WARNING_STATES,
      KIND_CODES,
      paceProfile: profileOf,
      parseWarningRule,
    } = await import('./index.js');
    const { toDecimal } = await import('../number/index.js');
    const kinds = ['cumulative', 'rate', 'growth'] as const;
    const profiles = [profileOf({ kind: 'linear' }), profileOf(seasonal)];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            target: fc.integer({ min: 1e6, max: 1e12 }),
            kind: fc.integer({ min: 0, max: 2 }),
            lower: fc.boolean(),
            profile: fc.integer({ min: 0, max: 1 }),
            actual: fc.array(fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 2e12 })), { nil: null }), {
              minLength: 12,
              maxLength: 12,
            }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: 12 }),
        (rows, ratio, through) => {
          const rule = ratio ? DEFAULT_RATIO_RULE : DEFAULT_POINTS_RULE;
          const n = rows.length;
          const b = {
            target: new Float64Array(n),
            kind: new Uint8Array(n),
            lowerIsBetter: new Uint8Array(n),
            profile: new Uint16Array(n),
            profiles: new Float64Array(profiles.flatMap((p) => [...p.numerators])),
            actual: new Float64Array(n * 12),
          };
          rows.forEach((row, r) => {
            b.target[r] = row.target;
            b.kind[r] = KIND_CODES[kinds[row.kind] as (typeof kinds)[number]];
            b.lowerIsBetter[r] = row.lower ? 1 : 0;
            b.profile[r] = row.profile;
            row.actual.forEach((a, m) => (b.actual[r * 12 + m] = a === null ? Number.NaN : a));
          });
          const states = new Uint8Array(n * 12);
          paceWarningsBatch(b, parseWarningRule(rule), through, states);
          rows.forEach((row, r) =>
            row.actual.forEach((a, m) => {
              const w = paceWarning({
                item: 'x',
                kind: kinds[row.kind] as (typeof kinds)[number],
                lowerIsBetter: row.lower,
                profile: profiles[row.profile] as (typeof profiles)[number],
                annualTarget: toDecimal(row.target),
                month: m + 1,
                actual: a === null ? null : toDecimal(a),
                deadlinePassed: m + 1 <= through,
                rule,
              });
              expect([WARNING_STATES[states[r * 12 + m] as number], toDecimal(batchExpected(b, r, m))]).toEqual([
                w.state,
                w.expected,
              ]);
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('columnar warnings on the exact thresholds', () => {
  it('agree with paceWarning where a threshold is hit exactly or missed by one millionth', async () => {
    const { paceWarningsBatch, WARNING_STATES, paceProfile: profileOf, parseWarningRule } = await import('./index.js');
    const { parseDecimal } = await import('../number/index.js');
    const actuals = [
      '48',
      '47.999999',
      '48.000001',
      '24',
      '23.999999',
      '24.000001',
      '60',
      '72',
      '78',
      '78.000001',
      '77.999999',
      '96',
      '96.000001',
    ];
    for (const rule of [DEFAULT_POINTS_RULE, DEFAULT_RATIO_RULE])
      for (const lower of [false, true]) {
        const n = actuals.length;
        const b = {
          target: new Float64Array(n).fill(120_000_000),
          kind: new Uint8Array(n),
          lowerIsBetter: new Uint8Array(n).fill(lower ? 1 : 0),
          profile: new Uint16Array(n),
          profiles: new Float64Array(profileOf({ kind: 'linear' }).numerators),
          actual: new Float64Array(n * 12).fill(Number.NaN),
        };
        actuals.forEach((a, r) => (b.actual[r * 12 + 5] = parseDecimal(a, 'a')));
        const states = new Uint8Array(n * 12);
        paceWarningsBatch(b, parseWarningRule(rule), 0, states);
        const got = actuals.map((_, r) => WARNING_STATES[states[r * 12 + 5] as number]);
        const want = actuals.map((a) => paceWarning({ ...investment, rule, lowerIsBetter: lower, actual: a }).state);
        expect(got).toEqual(want);
        expect(new Set(want).size).toBeGreaterThan(1);
      }
  });
});

describe('columnar warnings on and next to an exact threshold', () => {
  it('agree with paceWarning where the exact gap or ratio hits a threshold, or misses it by a micro-unit (property)', async () => {
    const { paceWarningsBatch, WARNING_STATES, paceProfile: profileOf, parseWarningRule } = await import('./index.js');
    const { toDecimal } = await import('../number/index.js');
    const profiles = [profileOf({ kind: 'linear' }), profileOf(seasonal)];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 1 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.integer({ min: -2, max: 2 }),
        (j, m, p, lower, edge, ratio, nudge) => {
          const rule = ratio ? DEFAULT_RATIO_RULE : DEFAULT_POINTS_RULE;
          const profile = profiles[p] as (typeof profiles)[number];
          const num = profile.numerators[m] as number;
          // A target of 1200·j units makes every edge a whole number of micro-units of the actual:
          // points: gap = T ⟺ actual = j·(100·num ∓ 12·T); ratio: expected = 100·j·num, the red line half of it.
          const target = 1200e6 * j;
          const T = [0, 10e6, 30e6][edge] as number;
          const onEdge = ratio
            ? ([100 * j * num, 100 * j * num, 50 * j * num][edge] as number)
            : j * (100 * num + (lower ? 12 : -12) * T);
          const actual = Math.max(0, onEdge + nudge);
          const b = {
            target: Float64Array.of(target),
            kind: new Uint8Array(1),
            lowerIsBetter: Uint8Array.of(lower ? 1 : 0),
            profile: Uint16Array.of(p),
            profiles: new Float64Array(profiles.flatMap((x) => [...x.numerators])),
            actual: new Float64Array(12).fill(Number.NaN),
          };
          b.actual[m] = actual;
          const states = new Uint8Array(12);
          paceWarningsBatch(b, parseWarningRule(rule), 0, states);
          const w = paceWarning({
            ...investment,
            rule,
            profile,
            lowerIsBetter: lower,
            month: m + 1,
            annualTarget: toDecimal(target),
            actual: toDecimal(actual),
          });
          expect(WARNING_STATES[states[m] as number]).toBe(w.state);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('escalation ladder', () => {
  it('climbs with yellow and red cards', async () => {
    const { escalation } = await import('./index.js');
    expect(escalation(['green', 'green']).step).toBeNull();
    expect(escalation(['green', 'yellow']).step?.id).toBe('约谈项目负责人');
    expect(escalation(['yellow', 'green', 'overdue'])).toMatchObject({ step: { id: '约谈分管副职' }, yellows: 2 });
    expect(escalation(['red']).step?.id).toBe('约谈分管领导');
    expect(() => escalation([], [{ id: '空' }])).toThrow('ladder[0]');
  });
});
