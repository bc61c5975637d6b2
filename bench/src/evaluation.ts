import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultEvaluationScheme, type Actor } from '@leitai/core';
import { closeEvaluation, createEvaluation, openDatabase, type Database, type Db } from '@leitai/server';
import { CITY, generateCity, rowsOf, type City } from './evaluation-data.js';
import { scratch } from './scratch.js';

/**
 * `npm run bench:evaluation -w @leitai/bench`: a city's evaluation (bench/src/evaluation-data.ts) closed and
 * snapshotted from the database by the server's own close (`closeEvaluation`: every source read through its
 * module, the composite computed, the snapshot hashed and stored), against reading the same inputs from the
 * database with plain queries, in the same run. Prints the ratio (target: at most 3×) and the peak RSS
 * (target: under 1 GiB). DATABASE_URL=postgres://… runs on PostgreSQL (a scratch database is created and
 * dropped); without it on PGlite (a temporary data folder, removed after). Options: --runs=3.
 */
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const TODAY = `${CITY.year + 1}-01-20`;
const mib = (bytes: number, digits = 0) => `${(bytes / 2 ** 20).toFixed(digits)} MiB`;

/**
 * The baseline: every row the close depends on, read with plain queries into memory (units and categories,
 * the campaign's indicators, targets, periods, reports and their 360,000 figures, the arenas with their
 * contestants, judges, recusals and scores, the year's ratings, the ledger items). Returns the rows read.
 */
async function readInputs(db: Db, city: City): Promise<number> {
  const from = `${CITY.year}-01-01`;
  const to = `${CITY.year}-12-31`;
  const queries = [
    sql`SELECT id, code, name, kind, parent_id, path, category_id, sort_order, active FROM units`,
    sql`SELECT id, code, name, sort_order FROM categories`,
    sql`SELECT id, name, kind, lower_is_better, profile, rule, weight, sort_order, retired_from FROM indicators WHERE campaign_id = ${city.campaignId}`,
    sql`SELECT t.indicator_id, t.unit_id, t.base, t.stretch, t.from_period FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.campaign_id = ${city.campaignId} AND t.year = ${CITY.year}`,
    sql`SELECT id, period, deadline FROM dispatch_periods WHERE campaign_id = ${city.campaignId}`,
    sql`SELECT r.id, r.period_id, r.unit_id, r.state, r.first_submitted_on FROM reports r JOIN dispatch_periods p ON p.id = r.period_id WHERE p.campaign_id = ${city.campaignId}`,
    sql`SELECT v.report_id, v.indicator_id, v.value, v.flag FROM report_values v JOIN reports r ON r.id = v.report_id JOIN dispatch_periods p ON p.id = r.period_id WHERE p.campaign_id = ${city.campaignId}`,
    sql`SELECT id, title, held_on, scheme, state, seed FROM arenas WHERE campaign_id = ${city.campaignId}`,
    sql`SELECT c.id, c.arena_id, c.unit_id FROM arena_contestants c JOIN arenas a ON a.id = c.arena_id WHERE a.campaign_id = ${city.campaignId}`,
    sql`SELECT j.id, j.arena_id, j.group_id FROM arena_judges j JOIN arenas a ON a.id = j.arena_id WHERE a.campaign_id = ${city.campaignId}`,
    sql`SELECT r.judge_id, r.contestant_id FROM arena_recusals r JOIN arenas a ON a.id = r.arena_id WHERE a.campaign_id = ${city.campaignId}`,
    sql`SELECT s.id, s.judge_id, s.contestant_id, s.criteria, s.reason FROM arena_scores s JOIN arenas a ON a.id = s.arena_id WHERE a.campaign_id = ${city.campaignId}`,
    sql`SELECT unit_id, stars, rated_on FROM ratings WHERE rated_on BETWEEN ${from} AND ${to}`,
    sql`SELECT id, title, lead_unit_id, deadline, closed_on, state FROM ledger_items WHERE deadline BETWEEN ${from} AND ${to}`,
  ];
  let rows = 0;
  for (const q of queries) rows += rowsOf(await db.execute(q)).length;
  return rows;
}

/** The child: opens the generated city, closes RUNS evaluations, reads the inputs RUNS times, prints. */
async function measure(database: Database, city: City): Promise<void> {
  const db = database.db;
  const opened = process.memoryUsage().rss;
  const actor: Actor = {
    userId: city.userId,
    unitId: 0,
    unitPath: city.rootPath,
    roles: ['organiser'],
    overseenUnitPaths: [],
    office: { unitId: city.rootId, path: city.rootPath },
  };
  const who = { id: city.userId, name: '压测考核办', address: null };
  const ids: number[] = [];
  for (let i = 0; i < RUNS; i += 1)
    ids.push(
      (
        await createEvaluation(db, actor, who, {
          campaignId: city.campaignId,
          name: `${CITY.year}年度综合考核（压测${i + 1}）`,
          kind: 'year',
          periodFrom: `${CITY.year}-01-01`,
          periodTo: `${CITY.year}-12-31`,
          appealDays: 5,
          scheme: defaultEvaluationScheme(city.categoryIds.map(String)),
        })
      ).id,
    );

  const base: number[] = [];
  const close: number[] = [];
  const hashes = new Set<string>();
  let t = 0;
  let rowsRead = 0;
  // The closes first, then the baselines: the process's peak RSS after the closes is the close's own
  // (PGlite's heap never shrinks, and the baseline's 600,000 rows in memory at once would set the peak).
  for (let i = 0; i < RUNS; i += 1) {
    t = performance.now();
    const snap = await closeEvaluation(db, actor, who, ids[i]!, TODAY);
    close.push(performance.now() - t);
    hashes.add(`${snap.inputHash}/${snap.resultHash}`);
    console.log(`  close ${i + 1}: ${close[i]!.toFixed(0)} ms`);
  }
  const closePeak = process.resourceUsage().maxRSS * 1024;
  for (let i = 0; i < RUNS; i += 1) {
    t = performance.now();
    rowsRead = await readInputs(db, city);
    base.push(performance.now() - t);
    console.log(`  read inputs ${i + 1}: ${base[i]!.toFixed(0)} ms`);
  }
  const [size] = rowsOf<{ inputs: number; result: number }>(
    await db.execute(
      sql`SELECT octet_length(inputs::text)::int AS inputs, octet_length(result::text)::int AS result FROM evaluation_snapshots WHERE id = (SELECT max(id) FROM evaluation_snapshots)`,
    ),
  );
  const b = Math.min(...base);
  const c = Math.min(...close);
  console.log(`  baseline (plain queries, ${rowsRead.toLocaleString('en')} rows): fastest ${b.toFixed(0)} ms`);
  console.log(`  close and snapshot: fastest ${c.toFixed(0)} ms`);
  console.log(`  ratio: ${(c / b).toFixed(2)} × the baseline (target ≤ 3 ×)`);
  console.log(`  snapshot: inputs ${mib(Number(size!.inputs), 1)}, result ${mib(Number(size!.result), 1)} of JSON`);
  if (hashes.size !== 1) throw new Error(`the runs' snapshots differ: ${[...hashes].join(', ')}`);
  console.log(`  every run gave the same snapshot (${[...hashes][0]!.slice(0, 16)}…)`);
  console.log(
    `  peak RSS of the measuring process: ${mib(opened)} with the database open, ${mib(closePeak)} after the closes (target < 1 GiB), ${mib(process.resourceUsage().maxRSS * 1024)} after the baselines too`,
  );
}

const child = process.env.LEITAI_BENCH_CITY;
if (child) {
  const { where, city } = JSON.parse(child) as { where: string; city: City };
  const database = await (where === 'PGlite'
    ? openDatabase({ dataDir: process.env.LEITAI_BENCH_DIR! })
    : openDatabase({ url: process.env.LEITAI_BENCH_URL! }));
  try {
    await measure(database, city);
  } finally {
    await database.close();
  }
} else {
  const { open, drop, where, env } = await scratch('leitai_bench_eval');
  try {
    const database = await open();
    let city: City;
    try {
      await database.migrate();
      const t = performance.now();
      city = await generateCity(database.db);
      console.log(
        `evaluation close bench on ${where}: city generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      console.log(
        '  ' +
          Object.entries(city.counts)
            .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
            .join(', '),
      );
    } finally {
      await database.close();
    }
    const code = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, LEITAI_BENCH_CITY: JSON.stringify({ where, city }), ...env },
      }).on('exit', resolve),
    );
    if (code !== 0) process.exitCode = 1;
  } finally {
    await drop();
  }
}
