import {
  ScoringInputError,
  compareRatio,
  mulDiv,
  ratio,
  roundRatio,
  toDecimal,
  type Micro,
  type Ratio,
} from '../number/index.js';
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

const gcdInt = (a: number, b: number): number => {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
};

export function scoreArenaColumns(scheme: ArenaScheme, cols: ArenaColumns): ArenaColumnsResult {
  if (scheme.normalise) throw new RangeError('scoreArenaColumns: per-judge normalisation needs scoreArena');
  const { contestants: C, judges: J } = cols;
  const K = scheme.criteria.length;
  const G = scheme.groups.length;
  const maxima = scheme.criteria.map((c) => c.max);
  const tieIdx = scheme.tieBreakers.map((t) => scheme.criteria.findIndex((c) => c.id === t));
  const score = new Float64Array(C).fill(Number.NaN);
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

  // Weights enter only as ratios w / Σw: divided by their gcd they stay small (0.5/0.3/0.2 → 5/3/2).
  const wg = scheme.groups.map((g) => g.weight).reduce((a, b) => gcdInt(a, b), 0) || 1;
  const weights = scheme.groups.map((g) => g.weight / wg);
  const counts = new Float64Array(G);
  const sums = new Float64Array(G);

  /**
   * Σ w × trimmed group mean / Σ w over groups present, exactly: as num / den with
   * num = Σ w_g · S_g · (L / n_g), den = L · Σ w_g (S_g the kept sum, n_g its count, L their lcm),
   * in doubles while every product is a safe integer, else as a BigInt fraction. Returns den, or 0
   * when nobody scored; the numerator lands in frac[0] (or big[c·T + t]).
   */
  const aggregate = (c: number, t: number, pick: (at: number) => Micro): void => {
    let L = 1;
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
      counts[g] = 0;
      if (n === 0) continue;
      const drop = n >= scheme.trim.minScores ? scheme.trim.drop : 0;
      let sum = 0;
      for (let p = drop; p < n - drop; p += 1) sum += bucket[p] as number;
      counts[g] = n - 2 * drop;
      sums[g] = sum;
      L = (L / gcdInt(L, n - 2 * drop)) * (n - 2 * drop);
    }
    let num = 0;
    let w = 0;
    let safe = true;
    for (let g = 0; g < G; g += 1) {
      if (counts[g] === 0) continue;
      const term = (weights[g] as number) * (sums[g] as number) * (L / (counts[g] as number));
      num += term;
      w += weights[g] as number;
      if (!Number.isSafeInteger(term) || !Number.isSafeInteger(num)) safe = false;
    }
    const den = L * w;
    const at = c * T + t;
    if (w === 0) {
      keyD[at] = 0;
      return;
    }
    if (safe && Number.isSafeInteger(den)) {
      keyN[at] = num;
      keyD[at] = den;
      return;
    }
    let bn = 0n;
    for (let g = 0; g < G; g += 1)
      if (counts[g] !== 0)
        bn += BigInt(weights[g] as number) * BigInt(sums[g] as number) * (BigInt(L) / BigInt(counts[g] as number));
    big.set(at, ratio(bn, BigInt(L) * BigInt(w)));
    keyN[at] = Number(bn);
    keyD[at] = L * w;
  };

  const T = 1 + tieIdx.length;
  const keyN = new Float64Array(C * T);
  const keyD = new Float64Array(C * T);
  const big = new Map<number, Ratio>();
  for (let c = 0; c < C; c += 1) {
    aggregate(c, 0, (at) => {
      let t = 0;
      for (let k = 0; k < K; k += 1) t += cols.scores[at + k] as number;
      return t;
    });
    const b = big.get(c * T);
    const d = keyD[c * T] as number;
    score[c] = d === 0 ? Number.NaN : b ? roundRatio(b) : mulDiv(keyN[c * T] as number, 1, d);
    tieIdx.forEach((k, i) => aggregate(c, 1 + i, (at) => cols.scores[at + k] as number));
  }

  // Competition ranking on the exact (score, tie-breakers), higher first.
  const exactAt = (at: number): Ratio => big.get(at) ?? ratio(keyN[at] as number, keyD[at] as number);
  const keyCmp = (a: number, b: number): number => {
    const an = keyN[a] as number;
    const ad = keyD[a] as number;
    const bn = keyN[b] as number;
    const bd = keyD[b] as number;
    if (ad === 0 || bd === 0) return (bd === 0 ? 0 : 1) - (ad === 0 ? 0 : 1);
    if (!big.has(a) && !big.has(b)) {
      const l = an * bd;
      const r = bn * ad;
      if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return r - l;
      const x = an / ad;
      const y = bn / bd;
      if (Math.abs(x - y) > (Math.abs(x) + Math.abs(y)) * 1e-14) return y - x;
    }
    return compareRatio(exactAt(b), exactAt(a));
  };
  const order = Array.from({ length: C }, (_, c) => c).filter((c) => score[c] === score[c]);
  const cmp = (a: number, b: number): number => {
    for (let t = 0; t < T; t += 1) {
      const d = keyCmp(a * T + t, b * T + t);
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
