import {
  DEFAULT_CURVE,
  DEFAULT_POINTS_RULE,
  ONE,
  evaluateComposite,
  evaluateCompositeColumns,
  parseCompositeScheme,
  indicatorScoresBatch,
  paceWarningsBatch,
  parseCurveSettings,
  parseArenaScheme,
  parseWarningRule,
  satisfactionMicro,
  scoreArena,
  scoreArenaColumns,
  toDecimal,
  type CompositeInput,
  type CompositeSchemeInput,
} from '@leitai/core';
import { ARENA_SCHEME, GROUP_INDEX, SCALES, generate, sessionInput, type Dataset } from './generate.js';

// `npm run bench` (province scale) or `npm run bench -- --scale=small`.
// npm hands `--scale=small` given at the root to the workspace script as npm_config_scale.
const scaleName =
  process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? process.env.npm_config_scale ?? 'province';
const scale = SCALES[scaleName];
if (!scale) throw new Error(`unknown scale ${scaleName}; use ${Object.keys(SCALES).join(' | ')}`);

const now = (): number => performance.now();
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The baseline: a plain loop reading every input value once (what any computation must at least do). */
// One monomorphic loop per element type, so the baseline is as fast as a plain loop can be.
function readF64(a: Float64Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i += 1) {
    const v = a[i] as number;
    acc += v === v ? v : 0; // NaN marks "no value"
  }
  return acc;
}
function readU8(a: Uint8Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i += 1) acc += a[i] as number;
  return acc;
}
function readU16(a: Uint16Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i += 1) acc += a[i] as number;
  return acc;
}
function readU32(a: Uint32Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i += 1) acc += a[i] as number;
  return acc;
}
function baseline(d: Dataset): number {
  let acc = 0;
  for (const a of [d.target, d.stretch, d.floor, d.weight, d.actual, d.arenaScores, d.ledgerRate, d.adjustment])
    acc += readF64(a);
  for (const a of [d.kind, d.lowerIsBetter, d.arenaRecused, d.ratingStars]) acc += readU8(a);
  for (const a of [d.profile, d.category]) acc += readU16(a);
  acc += readU32(d.ratingUnit);
  return acc;
}

interface Phase {
  name: string;
  ms: number;
}

/** The full computation: pace, warnings, indicator scores, ratings, arenas, composite ranking. */
interface Outcome {
  phases: Phase[];
  states: Uint8Array;
  composite: { cats: string[]; values: Float64Array; result: { rank: Uint32Array; total: Float64Array } };
}

/** Red warnings and the top unit of each category: the runs must agree on it (determinism at scale). */
function checksum(d: Dataset, o: Outcome): string {
  let red = 0;
  for (let k = 0; k < o.states.length; k += 1) if (o.states[k] === 2) red += 1;
  return `red=${red} ${topPerCategory(o.composite.cats, d.category, o.composite.result.rank, o.composite.result.total)}`;
}

/**
 * Output buffers, allocated once and reused by every run, as a server recomputing after each report
 * would keep them. A first touch of fresh memory costs ≈ 12 µs a 4 KiB page in this sandbox (35 ms
 * for the 12 MB of warning states): the bench reports that cost on its own line.
 */
interface Workspace {
  states: Uint8Array;
  yearEnd: Float64Array;
  scores: Float64Array;
}
const workspace = (rows: number): Workspace => ({
  states: new Uint8Array(rows * 12),
  yearEnd: new Float64Array(rows),
  scores: new Float64Array(rows),
});

function compute(d: Dataset, ws: Workspace): Outcome {
  const phases: Phase[] = [];
  const time = <T>(name: string, f: () => T): T => {
    const t = now();
    const out = f();
    phases.push({ name, ms: now() - t });
    return out;
  };
  const { rows } = d;
  const U = d.scale.units;
  const I = d.scale.indicators;

  const states = time('pace + warnings (12 months)', () => {
    paceWarningsBatch(d, parseWarningRule(DEFAULT_POINTS_RULE), 12, ws.states);
    return ws.states;
  });

  const indicatorByUnit = time('indicator scores (year end)', () => {
    const actual = ws.yearEnd;
    for (let i = 0; i < rows; i += 1) {
      // The year's figure is the latest reported one (a missing December falls back to November …).
      let v = Number.NaN;
      for (let m = 11; m >= 0 && v !== v; m -= 1) v = d.actual[i * 12 + m] as number;
      actual[i] = v === v ? v : 0;
    }
    const scores = ws.scores;
    indicatorScoresBatch(
      { weight: d.weight, base: d.target, stretch: d.stretch, floor: d.floor, lowerIsBetter: d.lowerIsBetter, actual },
      parseCurveSettings(DEFAULT_CURVE),
      scores,
    );
    const perUnit = new Float64Array(U);
    for (let u = 0; u < U; u += 1) {
      let s = 0;
      for (let k = u * I; k < (u + 1) * I; k += 1) s += scores[k] as number;
      perUnit[u] = s;
    }
    return perUnit;
  });

  const satisfaction = time('public ratings (tally + Bayesian)', () => {
    const counts = new Uint32Array(U * 5);
    let sAll = 0;
    for (let k = 0; k < d.ratingUnit.length; k += 1) {
      const stars = d.ratingStars[k] as number;
      const at = (d.ratingUnit[k] as number) * 5 + stars - 1;
      counts[at] = (counts[at] as number) + 1;
      sAll += stars;
    }
    const out = new Float64Array(U);
    for (let u = 0; u < U; u += 1) {
      let n = 0;
      let s = 0;
      for (let k = 0; k < 5; k += 1) {
        n += counts[u * 5 + k] as number;
        s += (k + 1) * (counts[u * 5 + k] as number);
      }
      out[u] = satisfactionMicro(s, n, sAll, d.ratingUnit.length, 10 * ONE) ?? 0;
    }
    return out;
  });

  const arenaByUnit = time(`arenas (${d.scale.sessions} sessions, columnar)`, () => {
    const out = new Float64Array(U).fill(Number.NaN);
    const { sessions: S, contestantsPerSession: C, judgesPerSession: J } = d.scale;
    const scheme = parseArenaScheme(ARENA_SCHEME);
    const judgeGroup = Uint8Array.from({ length: J }, (_, j) => GROUP_INDEX(j));
    for (let s = 0; s < S; s += 1) {
      const cols = {
        contestants: C,
        judges: J,
        scores: d.arenaScores.subarray(s * C * J * 4, (s + 1) * C * J * 4),
        excluded: d.arenaRecused.subarray(s * C * J, (s + 1) * C * J),
        judgeGroup,
      };
      const r = scoreArenaColumns(scheme, cols);
      for (let c = 0; c < C; c += 1) if (r.score[c] === r.score[c]) out[(s * C + c) % U] = r.score[c] as number;
    }
    return out;
  });

  const composite = time('composite ranking (columnar: 20 categories, grades, lists)', () => {
    const cats = Array.from({ length: d.scale.categories }, (_, c) => `cat${c}`);
    const values = new Float64Array(4 * U);
    const bonus = new Float64Array(U);
    const penalty = new Float64Array(U);
    for (let u = 0; u < U; u += 1) {
      values[u] = indicatorByUnit[u] as number;
      values[U + u] = arenaByUnit[u] as number;
      values[2 * U + u] = satisfaction[u] as number;
      values[3 * U + u] = d.ledgerRate[u] as number;
      const a = d.adjustment[u] as number;
      if (a > 0) bonus[u] = a;
      else penalty[u] = a;
    }
    const result = evaluateCompositeColumns(parseCompositeScheme(COMPOSITE_SCHEME(cats), cats), {
      units: U,
      category: d.category,
      categories: cats,
      values,
      bonus,
      penalty,
    });
    return { cats, values, result };
  });

  return { phases, states, composite };
}

/** The scheme of the run: indicators 60, arena 15, public rating 10, ledger 15 in every category. */
const COMPOSITE_SCHEME = (cats: readonly string[]): CompositeSchemeInput => {
  const w = (v: number): Record<string, number> => Object.fromEntries(cats.map((c) => [c, v]));
  return {
    components: [
      { id: '指标', method: { kind: 'direct' }, weights: w(60) },
      { id: '擂台', method: { kind: 'proportional' }, weights: w(15) },
      {
        id: '好差评',
        method: {
          kind: 'curve',
          points: [
            { value: 60, share: 0 },
            { value: 90, share: '0.8' },
            { value: 100, share: 1 },
          ],
        },
        weights: w(10),
      },
      {
        id: '督办',
        method: {
          kind: 'rankTable',
          points: [15, '14.5', 14, '13.5', 13, '12.5', 12, '11.5', 11, '10.5'],
          otherwise: 10,
        },
        weights: w(15),
      },
    ],
    honourCount: 5,
    warningCount: 5,
  };
};

/** "unit:total" of the first-ranked unit (lowest id on a tie) of each category, categories by id. */
function topPerCategory(
  cats: readonly string[],
  category: Uint16Array,
  rank: Uint32Array,
  total: Float64Array,
): string {
  const best = new Map<string, string>();
  for (let u = 0; u < category.length; u += 1) {
    if (rank[u] !== 1) continue;
    const cat = cats[category[u] as number] as string;
    const id = `u${u}`;
    const prev = best.get(cat);
    if (prev === undefined || id < (prev.split(':')[0] as string))
      best.set(cat, `${id}:${toDecimal(total[u] as number)}`);
  }
  return `${[...best.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map((e) => e[1])
    .join(',')
    .slice(0, 60)}…`;
}

/** The same evaluation through the plain-object API the server uses (decimal strings, trees). */
function compositeInputOf(d: Dataset, c: { cats: string[]; values: Float64Array }): CompositeInput {
  const U = d.scale.units;
  const units: CompositeInput['units'][number][] = [];
  const values: CompositeInput['values'][number][] = [];
  const adjustments: NonNullable<CompositeInput['adjustments']>[number][] = [];
  const ids = ['指标', '擂台', '好差评', '督办'];
  for (let u = 0; u < U; u += 1) {
    const unitId = `u${u}`;
    units.push({ id: unitId, categoryId: c.cats[d.category[u] as number] as string });
    ids.forEach((componentId, k) => {
      const v = c.values[k * U + u] as number;
      values.push({ componentId, unitId, value: v === v ? toDecimal(v) : null });
    });
    if (d.adjustment[u] !== 0)
      adjustments.push({ id: `adj${u}`, unitId, amount: toDecimal(d.adjustment[u] as number) });
  }
  return { scheme: COMPOSITE_SCHEME(c.cats), units, values, adjustments };
}

const t0 = now();
const d = generate(scale);
// A sample of sessions also goes through the scalar API the server uses, to show its cost.
const sessions = Array.from({ length: Math.min(scale.sessions, 36) }, (_, s) => sessionInput(d, s));
const genMs = now() - t0;
const values = d.actual.length + d.target.length + d.arenaScores.length + d.ratingUnit.length;
console.log(
  `scale ${scaleName}: ${scale.units} units × ${scale.indicators} indicators × 12 months = ${d.actual.length.toLocaleString('en')} values; ` +
    `${scale.sessions} arena sessions × ${scale.judgesPerSession} judges × ${scale.contestantsPerSession} contestants; ${scale.ratings.toLocaleString('en')} ratings (${values.toLocaleString('en')} input values in all)`,
);
console.log(`generated in ${(genMs / 1000).toFixed(1)} s`);

const baselines: number[] = [];
let sink = 0;
for (let k = 0; k < 5; k += 1) {
  const t = now();
  sink += baseline(d);
  baselines.push(now() - t);
}
const base = Math.min(...baselines);
console.log(
  `baseline (plain loop reading every input value once, fastest of 5): ${base.toFixed(1)} ms  [sink ${sink}]`,
);

const tw = now();
const ws = workspace(d.rows);
for (const a of [ws.states, ws.yearEnd, ws.scores]) a.fill(0);
const touchMs = now() - tw;
console.log(
  `output buffers (${mib(ws.states.byteLength + ws.yearEnd.byteLength + ws.scores.byteLength)}) allocated and first touched once: ${touchMs.toFixed(0)} ms = ${(touchMs / base).toFixed(1)} × baseline`,
);

const runs: (Outcome & { total: number; checksum: string })[] = [];
// Five runs; the fastest is reported (the least disturbed by other processes and by V8 still compiling).
for (let k = 0; k < 5; k += 1) {
  const t = now();
  const r = compute(d, ws);
  const total = now() - t;
  runs.push({ ...r, total, checksum: checksum(d, r) });
}
runs.forEach((r, k) =>
  console.log(`run ${k + 1}: ${r.total.toFixed(0)} ms = ${(r.total / base).toFixed(1)} × baseline   (${r.checksum})`),
);
if (new Set(runs.map((r) => r.checksum)).size !== 1)
  throw new Error('runs differ: the computation is not deterministic');
const best = [...runs].sort((a, b) => a.total - b.total)[0] as (typeof runs)[number];
// Not in the total: the same arenas through the scalar API the server calls, explanations and all.
const ts = now();
for (const s of sessions) scoreArena(s);
const scalarMs = now() - ts;
const compositeInput = compositeInputOf(d, best.composite);
const tt = now();
const published = evaluateComposite(compositeInput);
const treesMs = now() - tt;
// Cross-check at scale: the plain API ranks exactly as the columnar run did.
const scalarTop = published
  .map((c) => `${c.units[0]?.unitId}:${c.units[0]?.total}`)
  .join(',')
  .slice(0, 60);
if (!best.checksum.endsWith(`${scalarTop}…`))
  throw new Error(`evaluateComposite disagrees with the columnar run: ${scalarTop}`);
console.log('phases of the fastest run:');
for (const p of best.phases)
  console.log(
    `  ${p.name.padEnd(58)} ${p.ms.toFixed(0).padStart(6)} ms  ${(p.ms / base).toFixed(1).padStart(6)} × baseline`,
  );
console.log(
  `  (outside the total) ${sessions.length} arena sessions through scoreArena with explanations: ${scalarMs.toFixed(0)} ms, ${(scalarMs / sessions.length).toFixed(1)} ms a session`,
);
console.log(`  (outside the total) composite ranking with every unit's explanation tree: ${treesMs.toFixed(0)} ms`);
const rss = process.resourceUsage().maxRSS * 1024;
console.log(`peak memory (max RSS): ${mib(rss)}; heap now ${mib(process.memoryUsage().heapUsed)}`);
// The target: the whole computation within 10 × the baseline, under 2 GiB.
const ratio = best.total / base;
const fresh = (best.total + touchMs) / base;
console.log(
  `target (≤ 10 × baseline, < 2 GiB): ${ratio <= 10 && rss < 2 ** 31 ? 'met' : 'NOT met'} — fastest run ${ratio.toFixed(1)} ×, ${fresh.toFixed(1)} × with its output buffers freshly touched`,
);
