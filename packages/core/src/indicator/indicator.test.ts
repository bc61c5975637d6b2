import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ONE, parseDecimal, toDecimal } from '../number/index.js';
import { walk } from '../explain/index.js';
import {
  DEFAULT_CURVE,
  indicatorActual,
  indicatorScore,
  indicatorScoresBatch,
  parseCurveSettings,
  type IndicatorScoreInput,
} from './index.js';

// 讲话稿: "新签约亿元以上项目至少80个，全年冲刺100个" — base 80, stretch 100.
const signed: IndicatorScoreInput = {
  item: '投促局/新签约亿元以上项目',
  weight: 10,
  base: 80,
  stretch: 100,
  actual: 90,
};

describe('indicator score curve', () => {
  it('scores the worked example: 90 signed → 90 % of the weight, 100 or more → 100 %', () => {
    expect(indicatorScore(signed)).toMatchObject({
      score: '9',
      share: '0.9',
      segment: { from: 'base', to: 'stretch' },
    });
    expect(indicatorScore({ ...signed, actual: 100 })).toMatchObject({
      score: '10',
      segment: { from: 'stretch', to: null },
    });
    expect(indicatorScore({ ...signed, actual: 130 }).score).toBe('10');
    expect(indicatorScore({ ...signed, actual: 80 }).score).toBe('8');
    // floor = 60 % of base = 48 → 0; halfway to base → 40 % of the weight.
    expect(indicatorScore({ ...signed, actual: 48 }).score).toBe('0');
    expect(indicatorScore({ ...signed, actual: 64 })).toMatchObject({
      score: '4',
      segment: { from: 'floor', to: 'base' },
    });
    expect(indicatorScore({ ...signed, actual: 10 })).toMatchObject({ score: '0', segment: { from: null, to: null } });
  });
  it('mirrors the curve for lower-is-better indicators', () => {
    const complaints = {
      item: '信访局/重复信访件数',
      weight: 5,
      lowerIsBetter: true,
      base: 20,
      stretch: 10,
      actual: 15,
    };
    expect(indicatorScore(complaints)).toMatchObject({ score: '4.5', share: '0.9' });
    expect(indicatorScore({ ...complaints, actual: 28 }).score).toBe('0'); // floor 1.4 × base
    expect(indicatorScore({ ...complaints, actual: 24 }).score).toBe('2');
    expect(indicatorScore({ ...complaints, actual: 3 }).score).toBe('5');
  });
  it('takes configurable points and settings', () => {
    const pts = [
      { label: '及格', value: 50, share: 0 },
      { label: '良好', value: 75, share: '0.6' },
      { label: '优秀', value: 100, share: 1 },
    ];
    expect(indicatorScore({ ...signed, points: pts, actual: 80 })).toMatchObject({
      score: '6.8',
      segment: { from: '良好', to: '优秀' },
    });
    expect(indicatorScore({ ...signed, curve: { floorRatio: '0.5', baseShare: '0.7' }, actual: 60 }).score).toBe('3.5');
    expect(indicatorScore({ ...signed, stretch: null, actual: 80 }).score).toBe('10');
  });
  it('explains which values and which segment were used', () => {
    const kinds = [...walk(indicatorScore(signed).explanation)].map((n) => `${n.kind}:${n.value ?? ''}`);
    expect(kinds).toEqual([
      'indicator.score:9',
      'indicator.actual:90',
      'indicator.curvePoint:48',
      'indicator.curvePoint:80',
      'indicator.curvePoint:100',
    ]);
  });
  it('rejects inconsistent targets, naming the item', () => {
    expect(() => indicatorScore({ ...signed, stretch: 70 })).toThrow(
      '投促局/新签约亿元以上项目.stretch：冲刺目标不能低于基本目标',
    );
    expect(() => indicatorScore({ ...signed, lowerIsBetter: true })).toThrow(
      '越低越好的指标，冲刺目标不能高于基本目标',
    );
    expect(() => indicatorScore({ ...signed, floor: 90 })).toThrow('保底值不能高于基本目标');
    expect(() => indicatorScore({ ...signed, weight: -1 })).toThrow('权重不能为负');
    expect(() =>
      indicatorScore({
        ...signed,
        points: [
          { value: 1, share: 1 },
          { value: 2, share: '0.5' },
        ],
      }),
    ).toThrow('得分比例不能随完成值提高而下降');
  });
});

describe('indicator scores are exact to the end (issue 12)', () => {
  // No stretch, base 37.5: floor 22.5, and 35.5 earns 13/15 of the weight: 30 × 13/15 is 26 exactly,
  // where the share rounded first (0.866667) gives 26.00001.
  const row = { item: '商务局/签约', weight: 30, base: '37.5', stretch: null, actual: '35.5' };
  it('weight × the exact share, rounded once, in the scalar and the columnar path', () => {
    const r = indicatorScore(row);
    expect([r.score, r.share]).toEqual(['26', '0.866667']);
    expect(r.explanation.params).toMatchObject({ shareExact: '13/15' });
    expect(r.explanation.params?.exact).toBeUndefined(); // the score itself is exact
    const out = new Float64Array(1);
    indicatorScoresBatch(
      {
        weight: Float64Array.of(30 * ONE),
        base: Float64Array.of(37.5 * ONE),
        stretch: Float64Array.of(Number.NaN),
        floor: Float64Array.of(Number.NaN),
        lowerIsBetter: new Uint8Array(1),
        actual: Float64Array.of(35.5 * ONE),
      },
      parseCurveSettings(DEFAULT_CURVE),
      out,
    );
    expect(toDecimal(out[0] as number)).toBe('26');
  });
  it('the columnar path rounds exact half-micro scores as the scalar one does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: -1, max: 1 }),
        fc.boolean(),
        (k, w, nudge, lower) => {
          // base 5k micro: floor 3k (mirrored 7k) exactly, the floor–base segment 2k long; halfway along
          // it an odd weight earns w/2 micro-points, a tie; a micro-unit either side misses it.
          const base = 5 * k;
          const half = lower ? 6 * k - nudge : 4 * k + nudge;
          const weight = 2 * w + 1;
          const want = indicatorScore({
            item: 'i',
            weight: toDecimal(weight),
            base: toDecimal(base),
            lowerIsBetter: lower,
            actual: toDecimal(half),
          }).score;
          const out = new Float64Array(1);
          indicatorScoresBatch(
            {
              weight: Float64Array.of(weight),
              base: Float64Array.of(base),
              stretch: Float64Array.of(Number.NaN),
              floor: Float64Array.of(Number.NaN),
              lowerIsBetter: Uint8Array.of(lower ? 1 : 0),
              actual: Float64Array.of(half),
            },
            parseCurveSettings(DEFAULT_CURVE),
            out,
          );
          return toDecimal(out[0] as number) === want;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('indicator values', () => {
  it('reads cumulative, rate and growth (同比) actuals', () => {
    expect(indicatorActual({ kind: 'cumulative', cumulative: '571.33' }, 'GDP').actual).toBe(
      parseDecimal('571.33', 'x'),
    );
    expect(toDecimal(indicatorActual({ kind: 'growth', current: '589.23', priorYear: '571.33' }, 'GDP').actual)).toBe(
      '3.13304',
    ); // 17.9 / 571.33 = 3.1330404…;
    expect(() => indicatorActual({ kind: 'growth', current: 5, priorYear: 0 }, 'GDP')).toThrow(
      'GDP.priorYear：上年同期值须大于 0',
    );
  });
});

const targets = fc.record({
  base: fc.integer({ min: 1, max: 10_000 }),
  extra: fc.integer({ min: 0, max: 5_000 }),
  hasStretch: fc.boolean(),
  lower: fc.boolean(),
  weight: fc.integer({ min: 0, max: 100 }),
});

describe('indicator score properties', () => {
  it('stays within [0, weight] and never decreases as the actual improves', () => {
    fc.assert(
      fc.property(targets, fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (t, a, b) => {
        const stretch = t.hasStretch ? (t.lower ? Math.max(0, t.base - t.extra) : t.base + t.extra) : null;
        const input = { item: 'i', weight: t.weight, base: t.base, stretch, lowerIsBetter: t.lower };
        const [worse, better] = t.lower ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
        const sw = parseDecimal(indicatorScore({ ...input, actual: worse }).score, 'x');
        const sb = parseDecimal(indicatorScore({ ...input, actual: better }).score, 'x');
        return sw >= 0 && sb <= t.weight * ONE && sw <= sb;
      }),
      { numRuns: 2000 },
    );
  });
  it('the columnar batch equals the scalar API row by row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(targets, fc.integer({ min: -100, max: 2_000_000 })), { minLength: 1, maxLength: 50 }),
        (rows) => {
          const n = rows.length;
          const batch = {
            weight: new Float64Array(n),
            base: new Float64Array(n),
            stretch: new Float64Array(n),
            floor: new Float64Array(n).fill(Number.NaN),
            lowerIsBetter: new Uint8Array(n),
            actual: new Float64Array(n),
          };
          const want: string[] = [];
          rows.forEach(([t, a], i) => {
            const stretch = t.hasStretch ? (t.lower ? Math.max(0, t.base - t.extra) : t.base + t.extra) : null;
            batch.weight[i] = t.weight * ONE;
            batch.base[i] = t.base * ONE;
            batch.stretch[i] = stretch === null ? Number.NaN : stretch * ONE;
            batch.lowerIsBetter[i] = t.lower ? 1 : 0;
            batch.actual[i] = a * 1000; // thousandths, to land between points
            want.push(
              indicatorScore({
                item: 'i',
                weight: t.weight,
                base: t.base,
                stretch,
                lowerIsBetter: t.lower,
                actual: toDecimal(a * 1000),
              }).score,
            );
          });
          const out = new Float64Array(n);
          indicatorScoresBatch(batch, parseCurveSettings(DEFAULT_CURVE), out);
          return [...out].every((v, i) => toDecimal(v) === want[i]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
