import { compareRatio, ratioOf, type Micro, type Ratio } from '../number/index.js';

/** A ranking key: a micro value, or an exact fraction (a mean, a weighted sum) that was never rounded. */
export type RankKey = Micro | Ratio;

/** Something to rank: higher keys rank first, compared key by key (score, then tie-breakers). */
export interface Rankable {
  id: string;
  /** null = not rankable (no score); such items get rank null and come last. */
  keys: readonly RankKey[] | null;
}

export interface Ranked {
  id: string;
  rank: number | null;
  /** How many items share this rank (1 when alone). */
  tiedWith: number;
}

/** Compares key lists, higher first; equal lists compare 0. */
export function compareKeysDesc(a: readonly RankKey[], b: readonly RankKey[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    // Ties are decided on exact values: micro against micro directly, fractions by cross-multiplying.
    const d =
      typeof x === 'number' && typeof y === 'number'
        ? y - x
        : compareRatio(typeof y === 'number' ? ratioOf(y) : y, typeof x === 'number' ? ratioOf(x) : x);
    if (d !== 0) return d;
  }
  return 0;
}

/** A key negated (for ranking from the bottom). */
export const negateKey = (k: RankKey): RankKey => (typeof k === 'number' ? -k : { n: -k.n, d: k.d });

/** Code-unit order of ids: the same on every machine and locale, unlike localeCompare. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Standard competition ranking (1, 2, 2, 4): items with equal keys share a rank and the next
 * rank skips. Output order is by rank, then id, whatever the input order.
 */
export function competitionRank(items: readonly Rankable[]): Ranked[] {
  const scored = items.filter((i): i is Rankable & { keys: readonly RankKey[] } => i.keys !== null);
  scored.sort((a, b) => compareKeysDesc(a.keys, b.keys) || compareIds(a.id, b.id));
  const out: Ranked[] = [];
  for (let i = 0; i < scored.length;) {
    let j = i + 1;
    while (
      j < scored.length &&
      compareKeysDesc(
        (scored[i] as Rankable & { keys: RankKey[] }).keys,
        (scored[j] as Rankable & { keys: RankKey[] }).keys,
      ) === 0
    )
      j += 1;
    for (let k = i; k < j; k += 1) out.push({ id: (scored[k] as Rankable).id, rank: i + 1, tiedWith: j - i });
    i = j;
  }
  const unranked = items
    .filter((i) => i.keys === null)
    .map((i) => i.id)
    .sort(compareIds);
  for (const id of unranked) out.push({ id, rank: null, tiedWith: 0 });
  return out;
}

/** Checks ids are unique, naming the duplicate. */
export function uniqueIds(ids: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}
