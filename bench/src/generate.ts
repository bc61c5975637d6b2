import { ONE, paceProfile, type ArenaInput, type ArenaSchemeInput } from '@leitai/core';

/** Sizes of the generated data set. Province scale is the issue's; small is a tenth, for a quick look. */
export interface Scale {
  units: number;
  categories: number;
  indicators: number;
  sessions: number;
  judgesPerSession: number;
  contestantsPerSession: number;
  ratings: number;
}
export const SCALES: Record<string, Scale> = {
  province: {
    units: 10_000,
    categories: 20,
    indicators: 100,
    sessions: 352,
    judgesPerSession: 15,
    contestantsPerSession: 29,
    ratings: 1_000_000,
  },
  small: {
    units: 1_000,
    categories: 20,
    indicators: 100,
    sessions: 36,
    judgesPerSession: 15,
    contestantsPerSession: 29,
    ratings: 100_000,
  },
};

/** mulberry32: a tiny seeded generator, so every run builds the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const SEASONAL = ['0.02', '0.05', '0.12', '0.2', '0.28', '0.38', '0.46', '0.55', '0.65', '0.76', '0.88', '1'];

/** Every input value lives in typed arrays (micro-units), so 12 million values take ~100 MB, not GBs. */
export interface Dataset {
  scale: Scale;
  rows: number;
  category: Uint16Array;
  target: Float64Array;
  stretch: Float64Array;
  floor: Float64Array;
  weight: Float64Array;
  kind: Uint8Array;
  lowerIsBetter: Uint8Array;
  profile: Uint16Array;
  profiles: Float64Array;
  /** rows × 12 reported values; NaN = not reported. */
  actual: Float64Array;
  /** sessions × contestants × judges × 4 criteria, micro; NaN = absent. */
  arenaScores: Float64Array;
  arenaRecused: Uint8Array;
  ratingUnit: Uint32Array;
  ratingStars: Uint8Array;
  ledgerRate: Float64Array;
  adjustment: Float64Array;
}

export function generate(scale: Scale, seed = 20_260_101): Dataset {
  const r = rng(seed);
  const rows = scale.units * scale.indicators;
  const d: Dataset = {
    scale,
    rows,
    category: new Uint16Array(scale.units),
    target: new Float64Array(rows),
    stretch: new Float64Array(rows),
    floor: new Float64Array(rows).fill(Number.NaN),
    weight: new Float64Array(rows).fill((60 * ONE) / scale.indicators),
    kind: new Uint8Array(rows),
    lowerIsBetter: new Uint8Array(rows),
    profile: new Uint16Array(rows),
    profiles: new Float64Array([
      ...paceProfile({ kind: 'linear' }).numerators,
      ...paceProfile({ kind: 'seasonal', cumulative: SEASONAL }).numerators,
    ]),
    actual: new Float64Array(rows * 12),
    arenaScores: new Float64Array(scale.sessions * scale.contestantsPerSession * scale.judgesPerSession * 4),
    arenaRecused: new Uint8Array(scale.sessions * scale.contestantsPerSession * scale.judgesPerSession),
    ratingUnit: new Uint32Array(scale.ratings),
    ratingStars: new Uint8Array(scale.ratings),
    ledgerRate: new Float64Array(scale.units),
    adjustment: new Float64Array(scale.units),
  };
  for (let u = 0; u < scale.units; u += 1) {
    d.category[u] = u % scale.categories;
    d.ledgerRate[u] = Math.round(60 + r() * 40) * ONE;
    d.adjustment[u] = Math.round((r() * 16 - 11) * 2) * (ONE / 2);
  }
  for (let i = 0; i < rows; i += 1) {
    const kindRoll = r();
    const kind = kindRoll < 0.8 ? 0 : kindRoll < 0.95 ? 1 : 2;
    d.kind[i] = kind;
    d.lowerIsBetter[i] = r() < 0.1 ? 1 : 0;
    d.profile[i] = r() < 0.3 ? 1 : 0;
    // Amounts in 万元 with two decimals, counts, rates in %: a realistic spread of magnitudes.
    const target = kind === 0 ? Math.round(10 + r() * 500_000) * 10_000 : Math.round(50 + r() * 50) * ONE;
    d.target[i] = target;
    const lower = d.lowerIsBetter[i] === 1;
    d.stretch[i] = lower ? Math.round(target * 0.8) : Math.round(target * 1.25);
    let cum = 0;
    for (let m = 0; m < 12; m += 1) {
      const k = i * 12 + m;
      if (r() < 0.01) {
        d.actual[k] = Number.NaN;
        continue;
      }
      if (kind === 0) {
        cum += Math.round((target / 12) * (0.5 + r() * 0.9));
        d.actual[k] = cum;
      } else {
        d.actual[k] = Math.round(target * (0.6 + r() * 0.6));
      }
    }
  }
  const maxima = [40, 30, 20, 10];
  for (let k = 0; k < d.arenaScores.length; k += 4) {
    const level = 0.65 + r() * 0.3; // totals within [65, 95): no reason needed
    for (let c = 0; c < 4; c += 1) d.arenaScores[k + c] = Math.round((maxima[c] as number) * level * 10) * (ONE / 10);
  }
  for (let k = 0; k < d.arenaRecused.length; k += 1) d.arenaRecused[k] = r() < 0.01 ? 1 : 0;
  for (let k = 0; k < scale.ratings; k += 1) {
    d.ratingUnit[k] = Math.floor(r() * scale.units);
    const s = r();
    d.ratingStars[k] = s < 0.03 ? 1 : s < 0.07 ? 2 : s < 0.17 ? 3 : s < 0.45 ? 4 : 5;
  }
  return d;
}

export const ARENA_SCHEME: ArenaSchemeInput = {
  criteria: [
    { id: '实绩', max: 40 },
    { id: '举措', max: 30 },
    { id: '表现', max: 20 },
    { id: '作风', max: 10 },
  ],
  groups: [
    { id: '领导', weight: '0.5' },
    { id: '专家', weight: '0.3' },
    { id: '群众', weight: '0.2' },
  ],
  tieBreakers: ['实绩'],
};
/** Judges 0–6 are leaders, 7–11 experts, 12–14 public representatives. */
export const GROUP_INDEX = (j: number): number => (j < 7 ? 0 : j < 12 ? 1 : 2);
const GROUP_OF = (j: number): string => ['领导', '专家', '群众'][GROUP_INDEX(j)] as string;
const CRITERIA = ['实绩', '举措', '表现', '作风'] as const;

/** One session as the server would pass it: plain objects, decimals as strings. */
export function sessionInput(d: Dataset, s: number): ArenaInput {
  const { judgesPerSession: J, contestantsPerSession: C } = d.scale;
  const judges = Array.from({ length: J }, (_, j) => ({ id: `s${s}j${j}`, groupId: GROUP_OF(j) }));
  const contestants = Array.from({ length: C }, (_, c) => ({ id: `u${(s * C + c) % d.scale.units}` }));
  const scores: ArenaInput['scores'][number][] = [];
  const recusals: { judgeId: string; contestantId: string }[] = [];
  for (let c = 0; c < C; c += 1)
    for (let j = 0; j < J; j += 1) {
      const at = (s * C + c) * J + j;
      const criteria: Record<string, number> = {};
      CRITERIA.forEach((id, k) => (criteria[id] = (d.arenaScores[at * 4 + k] as number) / ONE));
      scores.push({ judgeId: `s${s}j${j}`, contestantId: `u${(s * C + c) % d.scale.units}`, criteria });
      if (d.arenaRecused[at] === 1)
        recusals.push({ judgeId: `s${s}j${j}`, contestantId: `u${(s * C + c) % d.scale.units}` });
    }
  return { scheme: ARENA_SCHEME, judges, contestants, scores, recusals };
}
