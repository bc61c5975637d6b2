import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  judgeArrivals,
  type Arrival,
  type ArrivalCounts,
  type ArrivalLimits,
  type ArrivalVerdict,
} from './arrivals.js';
import { burstReason } from './rules.js';

const MIN = 60_000;
const HISTORY = 14 * 24 * 60 * MIN;
const NONE: ArrivalCounts = { deviceInHour: 0, pointInWindow: 0, history: 0, rangeInWindow: 0 };

interface Row {
  pointId: number;
  deviceId: string;
  rangeHash: string;
  periodStart: string;
  at: number;
}

/** What the database counts for one rating (the repository's countsOf, written as filters over the rows). */
function countsIn(rows: readonly Row[], a: Arrival, limits: ArrivalLimits): ArrivalCounts {
  const windowStart = a.at - limits.rule.windowMinutes * MIN;
  const recent = rows.filter((r) => r.at >= a.at - limits.historyMs);
  return {
    deviceInHour: recent.filter((r) => r.deviceId === a.deviceId && r.at >= a.at - 60 * MIN).length,
    pointInWindow: recent.filter((r) => r.pointId === a.pointId && r.at >= windowStart).length,
    history: recent.filter((r) => r.pointId === a.pointId && r.at < windowStart).length,
    rangeInWindow: recent.filter((r) => r.rangeHash === a.rangeHash && r.at >= windowStart).length,
  };
}

/** One by one: each rating counted over everything written before it, and written (or not) before the next. */
function oneByOne(stored: readonly Row[], arrivals: readonly Arrival[], limits: ArrivalLimits): ArrivalVerdict[] {
  const rows = [...stored];
  return arrivals.map((a): ArrivalVerdict => {
    if (a.pointId === null) return { kind: 'unknown' };
    const c = countsIn(rows, a, limits);
    if (c.deviceInHour >= limits.deviceMax) return { kind: 'limited' };
    const taken = rows.some(
      (r) => r.deviceId === a.deviceId && r.pointId === a.pointId && r.periodStart === a.periodStart,
    );
    if (taken) return { kind: 'duplicate' };
    rows.push({ ...a, pointId: a.pointId });
    const held = burstReason(
      {
        pointInWindow: c.pointInWindow + 1,
        history: { count: c.history, windows: limits.windows },
        rangeInWindow: c.rangeInWindow + 1,
      },
      limits.rule,
    );
    return { kind: 'write', held };
  });
}

it('a batch is judged as its ratings would be one by one, edges of the window and the hour included', () => {
  const limits = fc.record({
    rule: fc.record({
      windowMinutes: fc.integer({ min: 1, max: 15 }),
      factor: fc.integer({ min: 1, max: 3 }),
      minCount: fc.integer({ min: 1, max: 12 }),
      perRange: fc.integer({ min: 1, max: 12 }),
    }),
    historyMs: fc.constant(HISTORY),
    windows: fc.integer({ min: 0, max: 6 }),
    deviceMax: fc.integer({ min: 1, max: 12 }),
  });
  const cases = limits.chain((lim) => {
    const w = lim.rule.windowMinutes * MIN;
    const edges = [0, 1, w - 1, w, w + 1, 60 * MIN - 1, 60 * MIN, 60 * MIN + 1, HISTORY - 1, HISTORY, HISTORY + 1];
    const time = (sign: number) =>
      fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: HISTORY + 2 * w })).map((ms) => sign * ms);
    const row = (at: fc.Arbitrary<number>) =>
      fc.record({
        pointId: fc.integer({ min: 1, max: 3 }),
        deviceId: fc.constantFrom('d1', 'd2', 'd3'),
        rangeHash: fc.constantFrom('r1', 'r2'),
        periodStart: fc.constantFrom('2026-12-03', '2026-12-04'),
        at,
      });
    return fc.tuple(
      fc.constant(lim),
      fc.array(row(time(-1)), { maxLength: 15 }),
      fc.array(
        fc.tuple(row(time(1)), fc.boolean()).map(([r, known]) => ({ ...r, pointId: known ? r.pointId : null })),
        { minLength: 1, maxLength: 30 },
      ),
    );
  });
  fc.assert(
    fc.property(cases, ([lim, stored, incoming]) => {
      // What the database holds before the batch, as the probe reads it.
      const arrivals = incoming.map((a): Arrival => {
        const bare: Arrival = { ...a, before: NONE, taken: false };
        if (a.pointId === null) return bare;
        const taken = stored.some(
          (r) => r.deviceId === a.deviceId && r.pointId === a.pointId && r.periodStart === a.periodStart,
        );
        return { ...bare, before: countsIn(stored, bare, lim), taken };
      });
      expect(judgeArrivals(arrivals, lim)).toEqual(oneByOne(stored, arrivals, lim));
    }),
    { numRuns: 3000, seed: 13 },
  );
});
