import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp, loadConfig, openDatabase, type Database } from '@leitai/server';

/**
 * `npm run bench:ratings`: accepted public ratings per second with every check on (schema, device token,
 * per-address limit, once-per-device unique index, burst detector), through the app, against bare one-row
 * inserts (pgbench's "insert one row" shape) on the same server in the same run, at the same concurrency.
 * Prints the ratio and the ratings' p50/p99. DATABASE_URL=postgres://… runs on PostgreSQL (a scratch
 * database is created and dropped); without it on PGlite in memory.
 * Options: --seconds=10 --concurrency=16 --points=2000 --slices=5 (the phases alternate in slices); RATINGS_CPU_PROFILE=<name> writes a CPU profile of
 * each phase, <name>.baseline.cpuprofile and <name>.ratings.cpuprofile (Chrome's DevTools or speedscope).
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 16);
const POINTS = arg('points', 2000);
const SLICES = arg('slices', 5);

async function scratch(): Promise<{ database: Database; drop: () => Promise<void>; where: string; url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {}, where: 'PGlite' };
  // A scratch database named after the one given (leitai_…), so parallel runs and sessions keep apart.
  const base = new URL(url).pathname.slice(1) || 'leitai_bench';
  if (!/^leitai_\w+$/.test(base))
    throw new Error('DATABASE_URL must name a leitai_… database (a scratch one is made beside it)');
  const name = `${base}_ratings_${process.pid}`;
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
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

interface Run {
  ok: number;
  failed: number;
  ms: number[];
  cpuUs: number;
  /** The next index to hand out (each phase numbers its operations across slices). */
  next: number;
}
const emptyRun = (): Run => ({ ok: 0, failed: 0, ms: [], cpuUs: 0, next: 0 });

/** Runs `one(i)` from CONCURRENCY loops for `seconds`, adding to `run` its completions, latencies (ms) and CPU. */
async function closedLoop(one: (i: number) => Promise<boolean>, seconds: number, run: Run): Promise<Run> {
  const cpu = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await one(run.next++)) run.ok += 1;
        else run.failed += 1;
        run.ms.push(performance.now() - t);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  run.cpuUs += used.user + used.system;
  return run;
}

/** Runs a phase under the CPU profiler when RATINGS_CPU_PROFILE names a file prefix. */
async function profiled<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const prefix = process.env.RATINGS_CPU_PROFILE;
  if (!prefix) return run();
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  const result = await run();
  writeFileSync(`${prefix}.${phase}.cpuprofile`, JSON.stringify((await inspector.post('Profiler.stop')).profile));
  inspector.disconnect();
  return result;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

const { database, drop, where, url: dbUrl } = await scratch();
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
  // The points' last two weeks (what the burst rule weighs as their normal rate), ten ratings each, and the
  // planner's statistics: a live database has both (this test server runs without autovacuum, and a
  // statement prepared over an empty, never analysed table keeps the sequential scans it was planned with).
  await db.execute(sql`
    INSERT INTO ratings (point_id, unit_id, stars, device_id, period_start, rated_on, address_hash, range_hash,
                         lookup_code, created_at)
    SELECT p.id, p.unit_id, 4, 'history' || g, d::date, d::date, md5('a' || g), md5('r' || (g % 5000)),
           'H' || lpad(g::text, 9, '0'), d
    FROM generate_series(1, ${POINTS * 10}) g
    JOIN rating_points p ON p.id = (g % ${POINTS}) + 1
    CROSS JOIN LATERAL (SELECT now() - interval '1 hour' - (g % 13) * interval '1 day' - (g % 1440) * interval '1 minute' AS d) t`);
  await db.execute(sql`ANALYZE`);

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
  const pointOf = (i: number) => ((i % tokens.length) + 7 * Math.floor(i / tokens.length)) % POINTS;
  const insertOne = async (i: number) => {
    await db.execute(sql`INSERT INTO bench_inserts (device, point) VALUES (${`d${i}`}, ${i % POINTS})`);
    return true;
  };
  const rateOne = async (i: number) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/public/points/benchpoint${String(pointOf(i) + 1).padStart(8, '0')}/ratings`,
      payload: { stars: 5 - (i % 3), tags: ['办事效率'] },
      // Many phones, one rating each at a time (a phone sends its next after the answer): rating i comes from
      // phone i mod 4000, whose r-th rating goes to point (phone + 7r) mod POINTS — a different point each time,
      // at most 25 an hour (under its 30), each point rated as often as another.
      headers: { 'x-device-token': tokens[i % tokens.length]! },
      // …in a range of its own (the burst rule counts an address range's ratings).
      remoteAddress: `10.${i & 255}.${(i >> 8) & 255}.${(i >> 16) & 255}`,
    });
    const ok = res.statusCode === 200 && res.json<{ held: boolean }>().held === false;
    if (!ok) refusals.set(res.statusCode, (refusals.get(res.statusCode) ?? 0) + 1);
    return ok;
  };
  // For reference, not the target: the same rating row written bare (one statement, no HTTP, no checks) into
  // the ratings table with its indexes and foreign keys — what the database itself asks for such a row.
  // Both drivers answer with { rows }.
  const units = (await db.execute(sql`SELECT id FROM units LIMIT 1`)) as unknown as { rows: { id: number }[] };
  const unitId = units.rows[0]!.id;
  const rowOne = async (i: number) => {
    await db.execute(sql`
      INSERT INTO ratings (point_id, unit_id, stars, tags, comment, device_id, period_start, rated_on,
                           address_hash, range_hash, lookup_code, created_at)
      VALUES (${(i % POINTS) + 1}, ${unitId}, 5, ${sql.raw(`'{办事效率}'`)}, '', ${`row${i}`}, current_date, current_date,
              ${`a${i}`.padEnd(32, 'x')}, ${`r${i}`.padEnd(32, 'x')}, ${`ROW${i}`}, now())
      ON CONFLICT DO NOTHING`);
    return true;
  };

  // The phases take turns in short slices, so that a neighbour's load on a shared machine weighs on each alike;
  // profiled, each phase runs once, whole. The reference rows go last: they add to the points' counts.
  const baseline = emptyRun();
  const rated = emptyRun();
  const rows = emptyRun();
  const slices = process.env.RATINGS_CPU_PROFILE ? 1 : SLICES;
  for (let k = 0; k < slices; k++) {
    await profiled('baseline', () => closedLoop(insertOne, SECONDS / slices, baseline));
    await profiled('ratings', () => closedLoop(rateOne, SECONDS / slices, rated));
  }
  for (let k = 0; k < slices; k++) await closedLoop(rowOne, SECONDS / slices, rows);
  const baseRate = baseline.ok / SECONDS;
  if (refusals.size > 0) console.log('  not accepted by status:', Object.fromEntries(refusals));
  const rateRate = rated.ok / SECONDS;
  console.log(
    `ratings bench on ${where}, ${CONCURRENCY} concurrent, ${SECONDS} s each in ${slices} alternating slices`,
  );
  console.log(`  baseline one-row inserts: ${baseRate.toFixed(0)}/s (p99 ${pct(baseline.ms, 0.99).toFixed(1)} ms)`);
  console.log(
    `  accepted ratings:         ${rateRate.toFixed(0)}/s (p50 ${pct(rated.ms, 0.5).toFixed(1)} ms, p99 ${pct(rated.ms, 0.99).toFixed(1)} ms; ${rated.failed} not accepted)`,
  );
  // The process's own CPU per completion (client and server share it): steadier than a rate on a busy machine.
  console.log(
    `  reference, the rating row inserted bare: ${(rows.ok / SECONDS).toFixed(0)}/s (${((rows.ok / baseline.ok) * 100).toFixed(0)} % of the baseline; p99 ${pct(rows.ms, 0.99).toFixed(1)} ms)`,
  );
  // For reference: pgbench itself (a C client, no Node) running the baseline's insert on the same table.
  if (dbUrl && spawnSync('pgbench', ['--version']).status === 0) {
    const script = join(tmpdir(), `leitai-ratings-${process.pid}.sql`);
    writeFileSync(
      script,
      `\\set p random(0, ${POINTS - 1})\nINSERT INTO bench_inserts (device, point) VALUES ('pgbench' || :client_id, :p);\n`,
    );
    const out = spawnSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(CONCURRENCY),
        '-j',
        '2',
        '-T',
        String(Math.max(2, Math.round(SECONDS / 2))),
        '-f',
        script,
        dbUrl,
      ],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+)/.exec(out.stdout)?.[1];
    console.log(
      tps
        ? `  reference, pgbench itself on the same inserts (C client, ${CONCURRENCY} clients, after the phases): ${Number(tps).toFixed(0)}/s`
        : `  pgbench failed: ${out.stderr.trim().split('\n').pop()}`,
    );
  }
  const perOp = (r: { ok: number; failed: number; cpuUs: number }) => (r.cpuUs / (r.ok + r.failed)).toFixed(0);
  console.log(`  this process's CPU per insert ${perOp(baseline)} µs, per rating ${perOp(rated)} µs`);
  console.log(`  ratio: ${((rateRate / baseRate) * 100).toFixed(0)} % of the baseline rate`);
  await app.close();
} finally {
  await database.close();
  await drop();
}
