import { burstReason, type BurstRule } from './rules.js';

/**
 * Plain ratings (good, no case number) that arrive together are written together (the server's group
 * commit), yet each must be judged exactly as if they had come one by one in their order: the point's
 * and the range's arrivals in the window, the device's hour and "once per device, point and period"
 * all include the earlier ratings of the same batch that were written. This is that judgement, pure.
 */

/** What the database held before the batch, for one arrival, in that arrival's own windows. */
export interface ArrivalCounts {
  /** Ratings of the point since the window's start. */
  pointInWindow: number;
  /** Ratings of the point in the history before the window. */
  history: number;
  /** Ratings from the address range since the window's start. */
  rangeInWindow: number;
  /** Ratings from the device in the last hour. */
  deviceInHour: number;
}

export interface Arrival {
  /** The point, or null when the code names no active point. */
  pointId: number | null;
  deviceId: string;
  rangeHash: string;
  periodStart: string;
  /** When it arrived (ms since the epoch): its windows end here. */
  at: number;
  /** The counts before the batch. */
  before: ArrivalCounts;
  /** The device already rated the point this period (before the batch). */
  taken: boolean;
}

export interface ArrivalLimits {
  rule: BurstRule;
  /** The history's length in ms and its number of windows (the point's normal rate). */
  historyMs: number;
  windows: number;
  /** A device gives at most this many ratings an hour. */
  deviceMax: number;
}

/**
 * In the order a single rating meets them: no such point (404), the device's hourly limit (429), once
 * per device (409), then written — counted, or held for review with core's burst reason.
 */
export type ArrivalVerdict =
  { kind: 'unknown' } | { kind: 'limited' } | { kind: 'duplicate' } | { kind: 'write'; held: string | null };

const HOUR_MS = 3_600_000;

/** The verdict of each arrival, in order, as if each were decided and written before the next came. */
export function judgeArrivals(arrivals: readonly Arrival[], limits: ArrivalLimits): ArrivalVerdict[] {
  const windowMs = limits.rule.windowMinutes * 60_000;
  const written: Arrival[] = [];
  return arrivals.map((a) => {
    if (a.pointId === null) return { kind: 'unknown' };
    const windowStart = a.at - windowMs;
    const historyStart = a.at - limits.historyMs;
    const c = { ...a.before };
    let duplicate = a.taken;
    // The same filters as the database's counts (repository's countsOf): no upper bound on the time.
    for (const w of written) {
      if (w.deviceId === a.deviceId && w.at >= a.at - HOUR_MS && w.at >= historyStart) c.deviceInHour += 1;
      if (w.pointId === a.pointId) {
        if (w.at >= windowStart) c.pointInWindow += 1;
        else if (w.at >= historyStart) c.history += 1;
      }
      if (w.rangeHash === a.rangeHash && w.at >= windowStart) c.rangeInWindow += 1;
      if (w.deviceId === a.deviceId && w.pointId === a.pointId && w.periodStart === a.periodStart) duplicate = true;
    }
    if (c.deviceInHour >= limits.deviceMax) return { kind: 'limited' };
    if (duplicate) return { kind: 'duplicate' };
    written.push(a);
    // The one arriving now is in the window too.
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
