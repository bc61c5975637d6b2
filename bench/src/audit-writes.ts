import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, recordAudit, startSealer, verifyAuditChain, type Database } from '@leitai/server';

/**
 * `npm run bench:audit -w @leitai/bench` (issue 20, goal 2): audited writes against one plain INSERT on the same
 * PostgreSQL, in the same run. Each of --connections workers runs write transactions back to back for
 * --seconds; three kinds, in alternating rounds:
 *   plain   — one INSERT into a table of its own (the baseline);
 *   locked  — the INSERT and an audit entry chained the old way, under the chain's advisory lock held to commit;
 *   sealed  — the INSERT and an audit entry as the application now writes it (recordAudit), the sealer running.
 * Prints each kind's transactions per second, the ratio to the baseline (median over rounds), and verifies the
 * chain at the end. Target: sealed ≥ 0.5. BENCH_DATABASE_URL (default the local test server's) names the server;
 * the bench creates and drops a database of its own.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 10);
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const actor = { id: null, name: 'bench', address: '127.0.0.1' };

const at = (name: string) => {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: at('postgres') });
  await client.connect();
  await client.query(statement);
  await client.end();
}

type Kind = 'plain' | 'locked' | 'sealed';

async function write(database: Database, kind: Kind, n: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO bench_scores (judge, score) VALUES (${n % 15}, ${n % 100})`);
    if (kind === 'sealed')
      await recordAudit(tx, actor, {
        action: 'score.update',
        targetType: 'score',
        targetId: n,
        after: { score: n % 100 },
      });
    if (kind === 'locked') {
      // The chain as it was: the lock, the last link, the entry, held until commit.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7263002)`);
      await tx.execute(sql`SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
      await tx.execute(sql`INSERT INTO bench_locked (score) VALUES (${n % 100})`);
    }
  });
}

async function round(database: Database, kind: Kind): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) await write(database, kind, done++);
    }),
  );
  return done / SECONDS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const name = `leitai_bench_audit_${randomBytes(3).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
process.env.DB_POOL_MAX = String(CONNECTIONS);
const database = await openDatabase({ url: at(name) });
try {
  await database.migrate();
  await database.db.execute(sql`CREATE TABLE bench_scores (id bigserial PRIMARY KEY, judge int, score int)`);
  await database.db.execute(sql`CREATE TABLE bench_locked (id bigserial PRIMARY KEY, score int)`);
  const sealer = startSealer(database, { onError: (e) => console.error(e) });
  const ratios: Record<'locked' | 'sealed', number[]> = { locked: [], sealed: [] };
  for (let r = 1; r <= ROUNDS; r++) {
    const plain = await round(database, 'plain');
    const locked = await round(database, 'locked');
    const sealed = await round(database, 'sealed');
    ratios.locked.push(locked / plain);
    ratios.sealed.push(sealed / plain);
    console.log(
      `round ${r}: plain ${plain.toFixed(0)}/s, locked ${locked.toFixed(0)}/s (${(locked / plain).toFixed(2)}), sealed ${sealed.toFixed(0)}/s (${(sealed / plain).toFixed(2)})`,
    );
  }
  await sealer.stop();
  const chain = await verifyAuditChain(database.db);
  const verdict = median(ratios.sealed);
  console.log(
    `median: locked ${median(ratios.locked).toFixed(2)}, sealed ${verdict.toFixed(2)} of the plain INSERT (target ≥ 0.50: ${verdict >= 0.5 ? 'met' : 'not met'}); chain ${chain.ok ? `intact, ${chain.checked} entries` : 'BROKEN'}`,
  );
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
