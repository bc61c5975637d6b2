import { explain, type Explanation } from '../explain/index.js';
import {
  ONE,
  check,
  formatRatio,
  parseDecimal,
  ratio,
  roundDiv,
  roundRatio,
  toDecimal,
  type Decimal,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';
import { compareIds, competitionRank } from '../ranking/index.js';

/** The five levels of 政务服务好差评 (DESIGN §3.4); 1–2 are bad ratings (差评). */
export const RATING_LEVELS = [
  { stars: 5, label: '非常满意' },
  { stars: 4, label: '满意' },
  { stars: 3, label: '基本满意' },
  { stars: 2, label: '不满意' },
  { stars: 1, label: '非常不满意' },
] as const;

export type Stars = 1 | 2 | 3 | 4 | 5;

/** A bad rating opens a rectification item. */
export const isBadRating = (stars: number): boolean => stars <= 2;

export function checkStars(stars: number, item: string): Stars {
  check(Number.isInteger(stars) && stars >= 1 && stars <= 5, item, `评价等级须为 1 到 5 的整数，实际为 ${stars}`);
  return stars as Stars;
}

/** How many ratings of each level a unit received; `counts[0]` is 1 star … `counts[4]` is 5 stars. */
export interface RatingTally {
  unitId: string;
  counts: readonly [number, number, number, number, number];
}

/** Counts individual ratings per unit, validating each. */
export function tallyRatings(ratings: readonly { unitId: string; stars: number }[]): RatingTally[] {
  const byUnit = new Map<string, [number, number, number, number, number]>();
  ratings.forEach((r, i) => {
    const s = checkStars(r.stars, `ratings[${i}].stars`);
    const c = byUnit.get(r.unitId) ?? [0, 0, 0, 0, 0];
    c[s - 1] = (c[s - 1] ?? 0) + 1;
    byUnit.set(r.unitId, c);
  });
  return [...byUnit.keys()]
    .sort(compareIds)
    .map((unitId) => ({ unitId, counts: byUnit.get(unitId) as RatingTally['counts'] }));
}

export interface Satisfaction {
  unitId: string;
  ratings: number;
  badRatings: number;
  /** Plain mean of the unit's stars; null without ratings. */
  average: Decimal | null;
  /** Bayesian average mapped to 0–100: (avg − 1) / 4 × 100, six places; null when nobody rated any unit. */
  satisfaction: Decimal | null;
  /** The same at two places, rounded once from the exact fraction (never from the six-place figure). */
  satisfactionShown: string | null;
  /** Competition rank by the exact satisfaction (equal on paper, equal rank); null without one. */
  rank: number | null;
  explanation: Explanation;
}

/**
 * Satisfaction per unit (DESIGN §3.4): the Bayesian average (C·m + Σ stars) / (C + n), where m is
 * the mean of every rating of every unit in the input and C the confidence constant, so a handful of
 * ratings cannot top the table; then mapped linearly from 1–5 stars to 0–100. Computed as one exact
 * fraction and rounded once.
 */
export function satisfactionScores(
  tallies: readonly RatingTally[],
  confidence: DecimalInput = 10,
): { mean: Decimal | null; units: Satisfaction[] } {
  const c = parseDecimal(confidence, 'confidence');
  check(c >= 0, 'confidence', '置信常数不能为负');
  for (const t of tallies)
    t.counts.forEach((n, k) =>
      check(
        Number.isInteger(n) && n >= 0,
        `tallies[${t.unitId}].counts[${k + 1}星]`,
        `评价数须为非负整数，实际为 ${n}`,
      ),
    );
  let sAll = 0;
  let nAll = 0;
  for (const t of tallies) {
    sAll += starSum(t.counts);
    nAll += count(t.counts);
  }
  const mean = nAll === 0 ? null : roundDiv(BigInt(sAll) * BigInt(ONE), BigInt(nAll));
  const units = [...tallies]
    .sort((a, b) => compareIds(a.unitId, b.unitId))
    .map((t) => {
      const n = count(t.counts);
      const s = starSum(t.counts);
      const bad = t.counts[0] + t.counts[1];
      const exact = satisfactionExact(s, n, sAll, nAll, c);
      const sat = exact === null ? null : roundRatio(exact);
      const average = n === 0 ? null : roundDiv(BigInt(s) * BigInt(ONE), BigInt(n));
      const explanation = explain(
        'rating.satisfaction',
        sat,
        {
          ratings: n,
          badRatings: bad,
          starSum: s,
          average: average === null ? null : toDecimal(average),
          panelMean: mean === null ? null : toDecimal(mean),
          confidence: toDecimal(c),
        },
        t.counts.map((k, i) => explain('rating.level', k * ONE, { stars: i + 1 })),
        { type: 'unit', id: t.unitId },
      );
      return {
        unitId: t.unitId,
        ratings: n,
        badRatings: bad,
        average: average === null ? null : toDecimal(average),
        satisfaction: sat === null ? null : toDecimal(sat),
        satisfactionShown: exact === null ? null : formatRatio(exact, 2),
        rank: null as number | null,
        exact,
        explanation,
      };
    });
  const ranks = new Map(
    competitionRank(units.map((u) => ({ id: u.unitId, keys: u.exact === null ? null : [u.exact] }))).map((r) => [
      r.id,
      r.rank,
    ]),
  );
  return {
    mean: mean === null ? null : toDecimal(mean),
    units: units.map(({ exact: _exact, ...u }) => ({ ...u, rank: ranks.get(u.unitId) ?? null })),
  };
}

const count = (c: RatingTally['counts']): number => c[0] + c[1] + c[2] + c[3] + c[4];
const starSum = (c: RatingTally['counts']): number => c[0] + 2 * c[1] + 3 * c[2] + 4 * c[3] + 5 * c[4];

/**
 * The exact formula in integers: with C in micro-units,
 * avg = (C·S_all + S·ONE·N_all) / (N_all·(C + n·ONE)), satisfaction = 25·(avg − 1), in micro.
 * Also used by the columnar benchmark path, so both give identical digits.
 */
export function satisfactionMicro(s: number, n: number, sAll: number, nAll: number, cMicro: Micro): Micro | null {
  const exact = satisfactionExact(s, n, sAll, nAll, cMicro);
  return exact === null ? null : roundRatio(exact);
}

/** The satisfaction as the exact fraction (micro-units): what ranks and the shown figure come from. */
export function satisfactionExact(s: number, n: number, sAll: number, nAll: number, cMicro: Micro): Ratio | null {
  if (nAll === 0 || (n === 0 && cMicro === 0)) return null;
  const num = BigInt(cMicro) * BigInt(sAll) + BigInt(s) * BigInt(ONE) * BigInt(nAll);
  const den = BigInt(nAll) * (BigInt(cMicro) + BigInt(n) * BigInt(ONE));
  return ratio(25n * BigInt(ONE) * (num - den), den);
}
export * from './rules.js';
export * from './arrivals.js';
