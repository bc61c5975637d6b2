import { addRatio, ratio, roundRatio, ZERO_RATIO, type Micro, type Ratio } from '../number/index.js';
import { compareIds } from '../ranking/index.js';
import type { ArenaScheme } from './scheme.js';

/** One judge's valid value for one contestant (a total, or one criterion). */
export interface JudgeValue {
  judgeId: string;
  groupId: string;
  value: Micro;
}

export interface GroupAggregate {
  /** The mean rounded to micro, for display; `exact` is what the score is computed from. */
  mean: Micro;
  exact: Ratio;
  /** Judges dropped by the trimmed mean, highest and lowest. */
  trimmedHigh: string[];
  trimmedLow: string[];
}

export interface Aggregate {
  /** Σ weight × group mean / Σ weight over groups present, rounded once; null when no group scored. */
  score: Micro | null;
  /** The same, exact (ranks and ties are decided on it). */
  exact: Ratio | null;
  groups: Map<string, GroupAggregate>;
  /** Σ of the weights of the groups present (the renormalising divisor). */
  presentWeight: Micro;
}

/**
 * Trimmed mean of one group: values ordered by (value, judge id) so that *which* tied judge is
 * dropped is fixed — the mean does not depend on it. The mean is kept exact (a fraction); `mean` is
 * its rounding for display only.
 */
export function groupMean(values: readonly JudgeValue[], trim: ArenaScheme['trim']): GroupAggregate {
  const sorted = [...values].sort((a, b) => a.value - b.value || compareIds(a.judgeId, b.judgeId));
  const drop = sorted.length >= trim.minScores ? trim.drop : 0;
  const kept = sorted.slice(drop, sorted.length - drop);
  let total = 0n;
  for (const v of kept) total += BigInt(v.value);
  const exact = ratio(total, kept.length);
  return {
    mean: roundRatio(exact),
    exact,
    trimmedLow: sorted.slice(0, drop).map((v) => v.judgeId),
    trimmedHigh: sorted.slice(sorted.length - drop).map((v) => v.judgeId),
  };
}

/** The contestant's arena score from its judges' values (DESIGN §3.3). */
export function aggregate(scheme: ArenaScheme, values: readonly JudgeValue[]): Aggregate {
  const groups = new Map<string, GroupAggregate>();
  let num = ZERO_RATIO;
  let den = 0n;
  for (const g of scheme.groups) {
    const mine = values.filter((v) => v.groupId === g.id);
    if (mine.length === 0) continue; // absent group: its weight is shared out by renormalising
    const agg = groupMean(mine, scheme.trim);
    groups.set(g.id, agg);
    num = addRatio(num, ratio(BigInt(g.weight) * agg.exact.n, agg.exact.d));
    den += BigInt(g.weight);
  }
  // Exact to the end: the weighted sum of exact means, divided once; rounded only for display.
  const exact = den === 0n ? null : ratio(num.n, num.d * den);
  return { score: exact === null ? null : roundRatio(exact), exact, groups, presentWeight: Number(den) };
}
