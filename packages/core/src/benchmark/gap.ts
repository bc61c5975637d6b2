import { ONE, type Micro } from '../number/decimal.js';
import { compareRatio, divRatio, mulRatio, ratio, ratioOf, type Ratio } from '../number/rational.js';
import { paceFraction, type PaceProfile } from '../pace/profile.js';

/**
 * 对标: our figure against a peer's (e.g. X区 589.23 亿元 GDP in 2023 against 博罗县 and 龙海区), the gap now, and
 * how many months it takes to close at our current pace. Exact: fractions throughout, one ceiling at the end.
 */
export interface GapInput {
  /** Our value to date: this year's cumulative (with `profile`) or a level taken as it is (profile null). */
  ours: Micro;
  /** The month end `ours` is to (1–12); with a profile, the year so far is scaled to a year by its pace. */
  month: number;
  profile: PaceProfile | null;
  /** Our figure a year before: the baseline of our pace (how much a year we gain). */
  oursLastYear: Micro;
  /** The peer's figure, on the same 口径. */
  peer: Micro;
  /** The peer's figure a year before it, when known: the peer moves too, so we close only the difference. */
  peerLastYear?: Micro | null;
  /** For an indicator where less is better (energy per unit of GDP): the comparison is mirrored. */
  lowerIsBetter?: boolean;
}

export interface GapResult {
  /** Our value comparable with the peer's annual figure: the year so far over the pace due by `month`. */
  oursAnnual: Ratio;
  /** Peer minus us (mirrored when lower is better): > 0 behind, ≤ 0 level or ahead. */
  gap: Ratio;
  /** Our annual value over the peer's (占比: 589.23 / 838.88 = 70.24 %). */
  share: Ratio | null;
  /** What we gain on the peer per month at our pace (its own gain taken off when known). */
  gainPerMonth: Ratio;
  /** Whole months until the gap is closed; 0 when level or ahead; null when at this pace it never closes. */
  monthsToClose: number | null;
}

const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
/** The ceiling of a positive fraction: a gap closed in 167.36 months is closed in the 168th. */
const ceilRatio = (r: Ratio): number => Number(r.n % r.d === 0n ? r.n / r.d : r.n / r.d + 1n);

/** Our own gain a month, at this year's figure against last year's (mirrored when lower is better). */
export function monthlyGain(input: Pick<GapInput, 'ours' | 'oursLastYear' | 'lowerIsBetter'>): Ratio {
  const yearly = sub(ratioOf(input.ours), ratioOf(input.oursLastYear));
  return ratio((input.lowerIsBetter ? -1n : 1n) * yearly.n, yearly.d * 12n);
}

/** The gap to one peer and the months to close it (see GapInput). */
export function benchmarkGap(input: GapInput): GapResult {
  const sign = input.lowerIsBetter ? -1n : 1n;
  // A year to date scaled by the pace engine's share due by then: 9 months of a linear year count as 9/12.
  // Ratios count micro-units, and a pace fraction is micro-units of 1: the quotient is scaled back by ONE.
  const perUnit = (r: Ratio) => mulRatio(r, ratioOf(ONE));
  const oursAnnual = input.profile
    ? perUnit(divRatio(ratioOf(input.ours), paceFraction(input.profile, input.month)))
    : ratioOf(input.ours);
  const peer = ratioOf(input.peer);
  const diff = sub(peer, oursAnnual);
  const gap = ratio(sign * diff.n, diff.d);
  const oursGain = sub(oursAnnual, ratioOf(input.oursLastYear));
  const peerGain =
    input.peerLastYear === null || input.peerLastYear === undefined ? ratio(0) : sub(peer, ratioOf(input.peerLastYear));
  const yearly = sub(oursGain, peerGain);
  const gainPerMonth = ratio(sign * yearly.n, yearly.d * 12n);
  const share = input.peer === 0 ? null : perUnit(divRatio(oursAnnual, peer));
  const behind = compareRatio(gap, ratio(0)) > 0;
  const monthsToClose = !behind
    ? 0
    : compareRatio(gainPerMonth, ratio(0)) <= 0
      ? null
      : ceilRatio(divRatio(gap, gainPerMonth));
  return { oursAnnual, gap, share, gainPerMonth, monthsToClose };
}
