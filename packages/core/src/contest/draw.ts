import { compareIds } from '../ranking/index.js';

/**
 * 抽签: the presentation order, reproducible by anyone from the published seed.
 *
 * The algorithm, so it can be re-implemented in a few lines in any language:
 * 1. Sort the contestant ids by code unit (plain string order, not locale order).
 * 2. Hash the seed's UTF-8 bytes with 32-bit FNV-1a (offset 2166136261, prime 16777619) → state.
 * 3. Mulberry32 generates 32-bit numbers from that state:
 *      state += 0x6D2B79F5; t = state; t = imul(t ^ t>>>15, t | 1); t ^= t + imul(t ^ t>>>7, t | 61);
 *      out = (t ^ t>>>14) >>> 0
 * 4. Fisher–Yates from the last position down: for i = n−1 … 1 pick j uniformly in [0, i] by
 *    rejection (draw again while out ≥ 2^32 − 2^32 mod (i+1)), then j = out mod (i+1); swap i and j.
 * The result is the order of presentation, first speaker first.
 */
export function drawOrder(seed: string, contestantIds: readonly string[]): string[] {
  const order = [...contestantIds].sort(compareIds);
  const next = mulberry32(fnv1a(seed));
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = uniformBelow(next, i + 1);
    const a = order[i] as string;
    order[i] = order[j] as string;
    order[j] = a;
  }
  return order;
}

/** 32-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of utf8(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** UTF-8 bytes of a string (core has no TextEncoder: it runs without DOM or Node typings). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Mulberry32: a small, well-known 32-bit generator; returns unsigned 32-bit integers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const RANGE = 2 ** 32;
/** An unbiased integer in [0, n): numbers from the biased tail of the 32-bit range are drawn again. */
function uniformBelow(next: () => number, n: number): number {
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** Checks a seed a person can type and read aloud: 1–64 visible characters. */
export function validDrawSeed(seed: string): boolean {
  return seed.length >= 1 && seed.length <= 64 && !/\s|\p{Cc}/u.test(seed);
}
