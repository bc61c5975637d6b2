import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp, loadConfig, openDatabase, type Database } from '@leitai/server';

/**
 * `npm run bench:ratings`: accepted public ratings per second with every check on (schema, device token,
 * per-address limit, once-per-device unique index, burst detector), through the app, against bare one-row
 * inserts (pgbench's "insert one row" shape) on the same server in the same run, at the same concurrency.
 * Prints the ratio and the ratings' p50/p99. DATABASE_URL=postgres://… runs on PostgreSQL (a scratch
 * database is created and dropped); without it on PGlite in memory.
 * Options: --seconds=10 --concurrency=16 --points=2000.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 16);
const POINTS = arg('points', 2000);

async function scratch(): Promise<{ database: Database; drop: () => Promise<void>; where: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {}, where: 'PGlite' };
  const name = `leitai_bench_ratings_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    database,
    where: 'PostgreSQL',
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Runs `one(i)` from CONCURRENCY loops for SECONDS; returns completions and each one's latency (ms). */
async function closedLoop(one: (i: number) => Promise<boolean>): Promise<{ ok: number; failed: number; ms: number[] }> {
  const end = performance.now() + SECONDS * 1000;
  let next = 0;
  let ok = 0;
  let failed = 0;
  const ms: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await one(next++)) ok += 1;
        else failed += 1;
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ok, failed, ms };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

const { database, drop, where } = await scratch();
try {
  await database.migrate();
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  await app.ready();
  const db = database.db;
  await db.execute(
    sql`INSERT INTO units (code, name, kind, path, is_office) VALUES ('bench', '压测单位', 'department', '/', true)`,
  );
  await db.execute(sql`UPDATE units SET path = '/' || id || '/'`);
  await db.execute(sql`
    INSERT INTO rating_points (unit_id, office_unit_id, name, kind, code)
    SELECT (SELECT id FROM units LIMIT 1), (SELECT id FROM units LIMIT 1), '窗口' || g, 'window', 'benchpoint' || lpad(g::text, 8, '0')
    FROM generate_series(1, ${POINTS}) g`);
  await db.execute(
    sql`CREATE TABLE bench_inserts (id bigserial PRIMARY KEY, device text NOT NULL, point int NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );

  // Device tokens are handed out before the clock starts: a phone gets one once.
  const tokens: string[] = [];
  const need = 200_000;
  for (let i = 0; tokens.length < Math.min(need, 4000); i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/device',
      remoteAddress: `10.200.${(i >> 8) & 255}.${i & 255}`,
    });
    tokens.push(res.json<{ token: string }>().token);
  }

  const refusals = new Map<number, number>();
  const baseline = await closedLoop(async (i) => {
    await db.execute(sql`INSERT INTO bench_inserts (device, point) VALUES (${`d${i}`}, ${i % POINTS})`);
    return true;
  });
  const rated = await closedLoop(async (i) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/public/points/benchpoint${String((i % POINTS) + 1).padStart(8, '0')}/ratings`,
      payload: { stars: 5 - (i % 3), tags: ['办事效率'] },
      // A phone rates 25 points (one rating a point a day, under its 30 an hour); each has its own address.
      headers: { 'x-device-token': tokens[Math.floor(i / 25) % tokens.length]! },
      // …in a range of its own (the burst rule counts an address range's ratings).
      remoteAddress: `10.${i & 255}.${(i >> 8) & 255}.${(i >> 16) & 255}`,
    });
    const ok = res.statusCode === 200 && res.json<{ held: boolean }>().held === false;
    if (!ok) refusals.set(res.statusCode, (refusals.get(res.statusCode) ?? 0) + 1);
    return ok;
  });
  const baseRate = baseline.ok / SECONDS;
  if (refusals.size > 0) console.log('  not accepted by status:', Object.fromEntries(refusals));
  const rateRate = rated.ok / SECONDS;
  console.log(`ratings bench on ${where}, ${CONCURRENCY} concurrent, ${SECONDS} s each`);
  console.log(`  baseline one-row inserts: ${baseRate.toFixed(0)}/s (p99 ${pct(baseline.ms, 0.99).toFixed(1)} ms)`);
  console.log(
    `  accepted ratings:         ${rateRate.toFixed(0)}/s (p50 ${pct(rated.ms, 0.5).toFixed(1)} ms, p99 ${pct(rated.ms, 0.99).toFixed(1)} ms; ${rated.failed} not accepted)`,
  );
  console.log(`  ratio: ${((rateRate / baseRate) * 100).toFixed(0)} % of the baseline rate`);
  await app.close();
} finally {
  await database.close();
  await drop();
}
