import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ONE, parseDecimal } from '../number/decimal.js';
import { compareRatio, mulRatio, ratio, ratioOf, shownPercent, shownRatio, addRatio } from '../number/rational.js';
import { paceProfile } from '../pace/profile.js';
import { benchmarkGap, monthlyGain } from './index.js';

const d = (s: string) => parseDecimal(s, 'value');

describe('对标 by the seed figures (X区 2023)', () => {
  // 2023: X区 589.23 亿元 (2022: 571.33); it is 70.24 % of 博罗县 and 93.10 % of 龙海区.
  const x = { ours: d('589.23'), month: 12, profile: null, oursLastYear: d('571.33') } as const;
  it('needs 168 months to reach 博罗县 and 30 to reach 龙海区 at 17.90 亿元 a year', () => {
    const boluo = benchmarkGap({ ...x, peer: d('838.88') });
    expect(shownPercent(boluo.share!, 2)).toBe('70.24%');
    expect(shownRatio(boluo.gap)).toBe('249.65');
    // 17.90 / 12 = 1.491666… a month; 249.65 / 1.491666… = 167.36… → 168.
    expect(shownRatio(boluo.gainPerMonth, 4)).toBe('1.4917');
    expect(boluo.monthsToClose).toBe(168);
    const longhai = benchmarkGap({ ...x, peer: d('632.90') });
    expect(shownPercent(longhai.share!, 2)).toBe('93.10%');
    expect(longhai.monthsToClose).toBe(30);
  });
  it('scales a year so far by the pace engine, and says never when the peer gains faster', () => {
    // 9 months of a linear year: 450 counts as 600.
    const r = benchmarkGap({
      ours: d('450'),
      month: 9,
      profile: paceProfile({ kind: 'linear' }),
      oursLastYear: d('560'),
      peer: d('640'),
    });
    expect(shownRatio(r.oursAnnual)).toBe('600');
    expect(r.monthsToClose).toBe(12);
    expect(benchmarkGap({ ...x, peer: d('838.88'), peerLastYear: d('800') }).monthsToClose).toBeNull();
    expect(benchmarkGap({ ...x, peer: d('500') }).monthsToClose).toBe(0);
  });
  it('mirrors an indicator where less is better', () => {
    // Energy per 万元 GDP: ours 0.52 (last year 0.55), the peer 0.46: behind by 0.06, gaining 0.0025 a month.
    const r = benchmarkGap({
      ours: d('0.52'),
      month: 12,
      profile: null,
      oursLastYear: d('0.55'),
      peer: d('0.46'),
      lowerIsBetter: true,
    });
    expect(shownRatio(r.gap)).toBe('0.06');
    expect(r.monthsToClose).toBe(24);
  });
});

describe('months to close, as properties', () => {
  const value = fc.integer({ min: 0, max: 2000 }).map((x) => x * ONE);
  it('closes in exactly that many months: one month fewer is still behind', () => {
    fc.assert(
      fc.property(value, value, value, (ours, last, peer) => {
        const r = benchmarkGap({ ours, month: 12, profile: null, oursLastYear: last, peer });
        if (r.monthsToClose === null) {
          expect(compareRatio(r.gainPerMonth, ratio(0))).toBeLessThanOrEqual(0);
          expect(compareRatio(r.gap, ratio(0))).toBeGreaterThan(0);
          return;
        }
        const reach = (k: number) => addRatio(ratioOf(ours), mulRatio(r.gainPerMonth, ratio(k)));
        expect(compareRatio(reach(r.monthsToClose), ratioOf(peer))).toBeGreaterThanOrEqual(0);
        if (r.monthsToClose > 0) expect(compareRatio(reach(r.monthsToClose - 1), ratioOf(peer))).toBeLessThan(0);
      }),
      { numRuns: 1000 },
    );
  });
  it('never takes longer for a faster pace or a smaller gap', () => {
    fc.assert(
      fc.property(value, value, value, fc.integer({ min: 1, max: 500 }), (ours, last, peer, more) => {
        const base = benchmarkGap({ ours, month: 12, profile: null, oursLastYear: last, peer });
        const faster = benchmarkGap({ ours, month: 12, profile: null, oursLastYear: last - more * ONE, peer });
        const nearer = benchmarkGap({ ours, month: 12, profile: null, oursLastYear: last, peer: peer - more * ONE });
        const months = (m: number | null) => (m === null ? Infinity : m);
        expect(months(faster.monthsToClose)).toBeLessThanOrEqual(months(base.monthsToClose));
        expect(months(nearer.monthsToClose)).toBeLessThanOrEqual(months(base.monthsToClose));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('monthlyGain', () => {
  it('is a year’s gain over twelve: 571.33 → 589.23 亿元 is 1.4917 a month; a rank that falls from 19 to 16 gains 0.25', () => {
    expect(shownRatio(monthlyGain({ ours: d('589.23'), oursLastYear: d('571.33') }), 4)).toBe('1.4917');
    expect(shownRatio(monthlyGain({ ours: d('16'), oursLastYear: d('19'), lowerIsBetter: true }), 4)).toBe('0.25');
  });
});
