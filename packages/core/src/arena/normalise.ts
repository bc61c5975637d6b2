import { isqrt, roundDiv, type Micro } from '../number/index.js';

export interface NormaliseEntry {
  judgeId: string;
  contestantId: string;
  total: Micro;
}

/** Mean and population standard deviation, each rounded once (the root by exact integer square root). */
function meanAndSpread(values: readonly Micro[]): { mean: Micro; sd: Micro } {
  const n = BigInt(values.length);
  let s = 0n;
  let s2 = 0n;
  for (const v of values) {
    s += BigInt(v);
    s2 += BigInt(v) * BigInt(v);
  }
  // Σ(x − x̄)² / n = (nΣx² − (Σx)²) / n²; its root, rounded to the nearest micro.
  const varNum = n * s2 - s * s;
  // round(√V) = ⌊(⌊√(4V)⌋ + 1) / 2⌋, and ⌊√(4V)⌋ = isqrt(⌊4V⌋): exact, no float root.
  const sd = Number((isqrt((4n * varNum) / (n * n)) + 1n) / 2n);
  return { mean: roundDiv(s, n), sd };
}

/**
 * Per-judge normalisation (DESIGN §3.3): each judge's totals become z-scores across the contestants
 * they scored, mapped back to the panel's mean and spread: μ + σ × (x − m_j) / s_j, rounded once and
 * kept within [0, maxTotal]. A judge who gave everyone the same total (s_j = 0) says nothing about
 * order, so their totals become μ. Returns judge\0contestant → normalised total.
 */
export function normaliseTotals(entries: readonly NormaliseEntry[], maxTotal: Micro): Map<string, Micro> {
  const out = new Map<string, Micro>();
  if (entries.length === 0) return out;
  const panel = meanAndSpread(entries.map((e) => e.total));
  const byJudge = new Map<string, NormaliseEntry[]>();
  for (const e of entries) byJudge.set(e.judgeId, [...(byJudge.get(e.judgeId) ?? []), e]);
  for (const [, mine] of byJudge) {
    const j = meanAndSpread(mine.map((e) => e.total));
    for (const e of mine) {
      const z =
        j.sd === 0 ? panel.mean : panel.mean + roundDiv(BigInt(panel.sd) * BigInt(e.total - j.mean), BigInt(j.sd));
      out.set(`${e.judgeId}\u0000${e.contestantId}`, Math.min(maxTotal, Math.max(0, z)));
    }
  }
  return out;
}
