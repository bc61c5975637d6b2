import { sql } from 'drizzle-orm';
import { gunzipSync } from 'node:zlib';
import { hashPassword, type Db } from '@leitai/server';
import { CITY, generateCity, rowsOf, type City } from './evaluation-data.js';
import { arg, client, liveArena, load, peakRss, quantile, session, start } from './http-kit.js';
import { scratch } from './scratch.js';

/**
 * `npm run bench:board -w @leitai/bench` (issue 20, goal 1): the dispatch board of a city (500 units × 60
 * indicators × 12 months, bench/src/evaluation-data.ts: 30,000 targets, 360,000 figures) through the app as
 * production serves it, in a process of its own. DATABASE_URL=postgres://… runs on PostgreSQL (a scratch
 * database beside it, dropped after); without it on PGlite. Prints, each against a baseline of the same run:
 * - the board's p50 / p95 for one viewer, against reading what the month shows with plain queries;
 * - the server's peak memory with four viewers loading it in a loop;
 * - `/healthz` p99 and the rate of judges' score writes on the same instance, with and without one
 *   organiser reloading the board in a loop.
 * Targets: p95 < 100 ms (PostgreSQL) / 250 ms (PGlite), < 300 MiB, /healthz p99 < 20 ms, writes ≥ 80 %.
 */
const REQUESTS = arg('requests', 30);
const SECONDS = arg('seconds', 5);
const ROUNDS = arg('rounds', 3);
const PORT = 3240;
const PERIOD = `${CITY.year}-11`;
const PASSWORD = 'Leitai@2026';
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** The baseline: what the month's board shows, read with plain queries (the year's targets, the month's figures). */
async function readMonth(db: Db, city: City): Promise<number> {
  const queries = [
    sql`SELECT id, code, name, kind, parent_id, path, category_id, sort_order, active FROM units`,
    sql`SELECT id, code, name, sort_order FROM categories`,
    sql`SELECT id, name, kind, lower_is_better, profile, rule, sort_order, retired_from FROM indicators WHERE campaign_id = ${city.campaignId}`,
    sql`SELECT t.indicator_id, t.unit_id, t.base, t.stretch, t.from_period FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.campaign_id = ${city.campaignId} AND t.year = ${CITY.year}`,
    sql`SELECT r.id, r.unit_id, r.state, r.first_submitted_on FROM reports r JOIN dispatch_periods p ON p.id = r.period_id WHERE p.campaign_id = ${city.campaignId} AND p.period = ${PERIOD}`,
    sql`SELECT v.report_id, v.indicator_id, v.value, v.flag FROM report_values v JOIN reports r ON r.id = v.report_id JOIN dispatch_periods p ON p.id = r.period_id WHERE p.campaign_id = ${city.campaignId} AND p.period = ${PERIOD}`,
  ];
  let rows = 0;
  for (const q of queries) rows += rowsOf(await db.execute(q)).length;
  return rows;
}

async function timed(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

const { open, drop, where, env } = await scratch('leitai_bench_board');
const { send, sendRaw, close } = client(32);
try {
  const database = await open();
  let city: City;
  let baseline: number[];
  try {
    await database.migrate();
    const t = performance.now();
    city = await generateCity(database.db);
    await database.db.execute(
      sql`UPDATE users SET password_hash = ${await hashPassword(PASSWORD)}, must_change_password = false WHERE id = ${city.userId}`,
    );
    console.log(`board bench on ${where}: city generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await readMonth(database.db, city);
    baseline = await timed(REQUESTS, () => readMonth(database.db, city));
  } finally {
    await database.close();
  }
  const server = await start(
    [
      '--import',
      'tsx',
      // BOARD_CPU_PROFILE=<folder> writes the server's CPU profile there when it stops.
      ...(process.env.BOARD_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BOARD_CPU_PROFILE}`] : []),
      'packages/server/src/main.ts',
    ],
    {
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
    `http://127.0.0.1:${PORT}/readyz`,
  );
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const api = `${base}/api`;
    const ready = await peakRss(server.pid!);
    const s = await session(send, api, 'bench-organiser', PASSWORD);
    const boardPath = `/dispatch/campaigns/${city.campaignId}/board?period=${PERIOD}`;
    // As a browser asks for it: gzip accepted, the body received whole (a browser inflates it natively).
    const board = async () => {
      const r = await sendRaw('GET', `${api}${boardPath}`, { ...s.auth, 'accept-encoding': 'gzip' });
      if (r.status !== 200) throw new Error(`board ${r.status}: ${r.body.subarray(0, 200).toString()}`);
      return r;
    };
    const first = await board();
    const text = (first.headers['content-encoding'] === 'gzip' ? gunzipSync(first.body) : first.body).toString();
    const cells = (JSON.parse(text) as { rows: { cells: unknown[] }[] }).rows.reduce((n, r) => n + r.cells.length, 0);
    console.log(
      `  the ${PERIOD} board: ${cells.toLocaleString('en')} cells, ${mib(text.length)} of JSON, ${(first.body.length / 1024).toFixed(0)} KiB sent (${first.headers['content-encoding'] ?? 'uncompressed'})`,
    );
    const opened = await peakRss(server.pid!);

    // 1. One viewer.
    const one = await timed(REQUESTS, board);
    const b50 = quantile(baseline, 0.5);
    const target = where === 'PostgreSQL' ? 100 : 250;
    const p95 = quantile(one, 0.95);
    console.log(`  baseline, the month read with plain queries: p50 ${ms(b50)}, p95 ${ms(quantile(baseline, 0.95))}`);
    console.log(
      `  board, one viewer: p50 ${ms(quantile(one, 0.5))}, p95 ${ms(p95)} (${(p95 / b50).toFixed(1)} × the baseline's p50; target < ${target} ms: ${p95 < target ? 'met' : 'not met'})`,
    );

    // 2. Four viewers in a loop.
    await load(async () => void (await board()), 4, SECONDS * 2);
    const peak = await peakRss(server.pid!);
    console.log(
      `  server memory: ${mib(ready)} when ready, ${mib(opened)} after the first board, peak ${mib(peak)} with four viewers (target < 300 MiB: ${peak < 300 * 2 ** 20 ? 'met' : 'not met'})`,
    );

    // 3. The instance's other work, with and without one organiser reloading the board.
    const units = (await s.get<{ id: number; kind: string }[]>('/arenas/options/units')).slice(0, 5);
    const score = await liveArena(
      s,
      send,
      api,
      units.map((u) => u.id),
      30,
    );
    const probe = async (until: () => boolean) => {
      const lat: number[] = [];
      while (!until()) {
        const t = performance.now();
        await send('GET', `${base}/healthz`);
        lat.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      return lat;
    };
    const phase = async (withBoard: boolean) => {
      let done = false;
      const viewer = withBoard
        ? (async () => {
            while (!done) await board();
          })()
        : Promise.resolve();
      const health = probe(() => done);
      const rate = await load(score, 10, SECONDS);
      done = true;
      const lat = await health;
      await viewer;
      return { rate, p99: quantile(lat, 0.99) };
    };
    await phase(false);
    const ratios: number[] = [];
    const p99s: number[] = [];
    for (let r = 1; r <= ROUNDS; r += 1) {
      const alone = await phase(false);
      const loaded = await phase(true);
      ratios.push(loaded.rate / alone.rate);
      p99s.push(loaded.p99);
      console.log(
        `  round ${r}: judges' writes ${alone.rate.toFixed(0)}/s alone, ${loaded.rate.toFixed(0)}/s beside the board (${(loaded.rate / alone.rate).toFixed(2)}); /healthz p99 ${ms(alone.p99)} alone, ${ms(loaded.p99)} beside it`,
      );
    }
    const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
    const worst = Math.max(...p99s);
    console.log(
      `  writes beside the board: median ${ratio.toFixed(2)} of their rate alone (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'not met'}); /healthz p99 beside it at worst ${ms(worst)} (target < 20 ms: ${worst < 20 ? 'met' : 'not met'})`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
} finally {
  close();
  await drop();
}
