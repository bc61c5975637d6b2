import { ScoringInputError, mulDiv, roundDiv, toDecimal, type Micro } from '../number/index.js';
import type { ArenaScheme } from './scheme.js';
import { totalNeedsReason } from './submission.js';

/**
 * One session in typed arrays, for scoring a year of arenas in bulk (benchmarks, re-publication).
 * Same rules and digits as `scoreArena` (a test proves it), without explanations and without
 * per-judge normalisation (use `scoreArena` for that). Indices stand for the ids the caller keeps.
 */
export interface ArenaColumns {
  contestants: number;
  judges: number;
  /** contestants × judges × criteria (scheme order), micro; NaN where the judge gave no score. */
  scores: Float64Array;
  /** contestants × judges: 1 where the judge is recused (or absent) for that contestant. */
  excluded: Uint8Array;
  /** Group index (scheme order) of each judge. */
  judgeGroup: Uint8Array;
  /** contestants × judges: 1 where the judge wrote a reason; absent means none did. */
  reasonGiven?: Uint8Array;
}

export interface ArenaColumnsResult {
  /** Arena score per contestant, micro; NaN when nobody scored. */
  score: Float64Array;
  /** Competition rank per contestant; 0 when unranked. */
  rank: Uint32Array;
}

const SAFE_SUM = Number.MAX_SAFE_INTEGER / 64;

export function scoreArenaColumns(scheme: ArenaScheme, cols: ArenaColumns): ArenaColumnsResult {
  if (scheme.normalise) throw new RangeError('scoreArenaColumns: per-judge normalisation needs scoreArena');
  const { contestants: C, judges: J } = cols;
  const K = scheme.criteria.length;
  const G = scheme.groups.length;
  const maxima = scheme.criteria.map((c) => c.max);
  const tieIdx = scheme.tieBreakers.map((t) => scheme.criteria.findIndex((c) => c.id === t));
  const score = new Float64Array(C).fill(Number.NaN);
  const keys = new Float64Array(C * (1 + tieIdx.length));
  const totals = new Float64Array(J);
  const bucket = new Float64Array(J);

  // Validate every submission first, as scoreArena does: maxima, and the reason rule.
  for (let c = 0; c < C; c += 1)
    for (let j = 0; j < J; j += 1) {
      const at = (c * J + j) * K;
      if (cols.scores[at] !== cols.scores[at]) continue;
      let total = 0;
      for (let k = 0; k < K; k += 1) {
        const v = cols.scores[at + k] as Micro;
        if (!(v >= 0 && v <= (maxima[k] as Micro)))
          throw new ScoringInputError(
            `scores[${j}→${c}].criteria.${scheme.criteria[k]?.id}`,
            `分数 ${toDecimal(v)} 须在 0 到满分 ${toDecimal(maxima[k] as Micro)} 之间`,
          );
        total += v;
      }
      totals[j] = total;
      if (totalNeedsReason(scheme, total) && cols.reasonGiven?.[c * J + j] !== 1)
        throw new ScoringInputError(`scores[${j}→${c}].reason`, `总分 ${toDecimal(total)} 须填写一句理由`);
    }

  /** Σ weight × trimmed group mean / Σ weight over groups present, for the value `pick` reads. */
  const aggregate = (c: number, pick: (at: number) => Micro): number => {
    let num = 0;
    let den = 0;
    let big = false;
    let numBig = 0n;
    for (let g = 0; g < G; g += 1) {
      let n = 0;
      for (let j = 0; j < J; j += 1) {
        if (cols.judgeGroup[j] !== g || cols.excluded[c * J + j] === 1) continue;
        const at = (c * J + j) * K;
        if (cols.scores[at] !== cols.scores[at]) continue;
        // Insertion into the sorted bucket: groups hold a handful of judges.
        const v = pick(at);
        let p = n;
        while (p > 0 && (bucket[p - 1] as number) > v) {
          bucket[p] = bucket[p - 1] as number;
          p -= 1;
        }
        bucket[p] = v;
        n += 1;
      }
      if (n === 0) continue;
      const drop = n >= scheme.trim.minScores ? scheme.trim.drop : 0;
      let sum = 0;
      for (let p = drop; p < n - drop; p += 1) sum += bucket[p] as number;
      const mean = mulDiv(sum, 1, n - 2 * drop);
      const w = (scheme.groups[g] as { weight: Micro }).weight;
      const prod = w * mean;
      if (big || Math.abs(prod) > SAFE_SUM) {
        if (!big) numBig = BigInt(num);
        big = true;
        numBig += BigInt(w) * BigInt(mean);
      } else num += prod;
      den += w;
    }
    if (den === 0) return Number.NaN;
    return big ? roundDiv(numBig, BigInt(den)) : mulDiv(num, 1, den);
  };

  const T = 1 + tieIdx.length;
  for (let c = 0; c < C; c += 1) {
    const s = aggregate(c, (at) => {
      let t = 0;
      for (let k = 0; k < K; k += 1) t += cols.scores[at + k] as number;
      return t;
    });
    score[c] = s;
    keys[c * T] = s;
    tieIdx.forEach((k, i) => (keys[c * T + 1 + i] = aggregate(c, (at) => cols.scores[at + k] as number)));
  }

  // Competition ranking on (score, tie-breakers), higher first.
  const order = Array.from({ length: C }, (_, c) => c).filter((c) => score[c] === score[c]);
  const cmp = (a: number, b: number): number => {
    for (let t = 0; t < T; t += 1) {
      const d = (keys[b * T + t] as number) - (keys[a * T + t] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  order.sort((a, b) => cmp(a, b) || a - b);
  const rank = new Uint32Array(C);
  order.forEach(
    (c, i) =>
      (rank[c] = i > 0 && cmp(order[i - 1] as number, c) === 0 ? (rank[order[i - 1] as number] as number) : i + 1),
  );
  return { score, rank };
}
