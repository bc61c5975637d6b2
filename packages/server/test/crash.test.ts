import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../src/db/client.js';
import { arenaScores, ledgerItems, reports } from '../src/db/schema/index.js';
import { buildUnit, buildUser, TEST_PASSWORD } from './factories.js';
import { onPostgres, serverUrl, TEMPLATE_DB } from './harness.js';
import { randomPort } from './instances.js';

/**
 * Issue 19: the server is killed (SIGKILL, no shutdown) in the middle of a burst of writes — report saves, judge
 * scores on a live arena, new ledger items — and started again on the same data. Every write it acknowledged
 * (a 2xx) must be there; a write in flight at the kill may or may not be; and the audit chain must verify.
 * Runs on an on-disk PGlite folder (project `server`) and on PostgreSQL (`server-pg`).
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
// A port of its own, so two checkouts (or the PGlite and PostgreSQL runs) never meet.
const PORT = randomPort(onPostgres ? 41000 : 42000);
const base = `http://127.0.0.1:${PORT}`;
/** The server is killed once this many writes have been acknowledged; the burst goes on until then. */
const KILL_AFTER = 120;
const YEAR = new Date().getFullYear() - 1; // a past year: every month of it may be reported
const PERIODS = ['01', '02', '03'].map((m) => `${YEAR}-${m}`);

let work: string;
let env: NodeJS.ProcessEnv;
let dbName: string | null = null;
let server: ChildProcess | null = null;
const ids = { a: 0, b: 0 };

async function adminSql(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  await c.query(sql);
  await c.end();
}

const openData = (): Promise<Database> =>
  onPostgres ? openDatabase({ url: env.DATABASE_URL }) : openDatabase({ dataDir: env.LEITAI_DATA_DIR });

async function start(): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'ignore' });
  const exited = new Promise<never>((_, reject) =>
    p.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it was ready`))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([ready, exited]);
  return p;
}

async function stop(p: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await gone;
}

type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

async function login(username: string): Promise<Call> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method, path, body, headers = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** A setup call that must succeed. */
async function ok<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * One sequence of writes, each sent after the previous one was answered. `last` is the newest acknowledged
 * write, `pending` the one in flight when the server died (it may or may not have committed).
 */
interface Chain<T> {
  acked: T[];
  pending: T | null;
}

let acknowledged = 0;
let killed = false;

/** Sends writes one after another until the server is gone; kills it at the KILL_AFTER-th acknowledgement. */
async function runChain<T>(chain: Chain<T>, next: (n: number) => { value: T; send: () => Promise<Response> }) {
  for (let n = 1; !killed; n += 1) {
    const { value, send } = next(n);
    chain.pending = value;
    let res: Response;
    try {
      res = await send();
    } catch {
      return; // the connection died with the server: this write is in doubt
    }
    if (!res.ok) {
      if (killed) return;
      throw new Error(`a write in the burst was refused: ${res.status} ${await res.text()}`);
    }
    await res.arrayBuffer();
    chain.acked.push(value);
    chain.pending = null;
    acknowledged += 1;
    if (acknowledged === KILL_AFTER && server) {
      killed = true;
      server.kill('SIGKILL');
    }
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'leitai-crash-'));
  env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LEITAI_DEMO: '0',
    LOG_LEVEL: 'warn',
    LEITAI_SECRET: 'crash-test-secret-0123456789abcdef0123456789',
    AUDIT_CHECKPOINT_FILE: join(work, 'audit-checkpoints.jsonl'),
    LOGIN_RATE_LIMIT: '1000',
  };
  delete env.DATABASE_URL;
  if (onPostgres) {
    dbName = `leitai_crash_${randomBytes(4).toString('hex')}`;
    await adminSql(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`);
    env.DATABASE_URL = serverUrl(dbName);
  } else {
    env.LEITAI_DATA_DIR = join(work, 'data');
  }
  // The people and units, written directly; everything after goes through the server. On PGlite the folder
  // starts as a copy of the migrated template (a fresh initdb and every migration cost ~20 s on disk).
  const template = process.env.LEITAI_PGLITE_TEMPLATE;
  const database =
    !onPostgres && template
      ? wrapPglite(
          await PGlite.create({ dataDir: env.LEITAI_DATA_DIR, loadDataDir: new Blob([await readFile(template)]) }),
        )
      : await openData();
  await database.migrate();
  const { db } = database;
  const root = await buildUnit(db, { name: '城阳区', code: 'root' });
  const a = await buildUnit(db, { parentId: root.id, name: '区商务局', code: 'swj' });
  const b = await buildUnit(db, { parentId: root.id, name: '区发改局', code: 'fgj' });
  Object.assign(ids, { a: a.id, b: b.id });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: a.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: b.id, roles: ['reporter'], username: 'rb' });
  await database.close();
  server = await start();
}, 120_000);

afterAll(async () => {
  if (server) await stop(server, 'SIGKILL');
  if (dbName) await adminSql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await rm(work, { recursive: true, force: true });
});

describe(`a server killed during a burst of writes (${onPostgres ? 'PostgreSQL' : 'PGlite on disk'})`, () => {
  it('keeps every acknowledged write and an intact audit chain after SIGKILL and a restart', async () => {
    const org = await login('org');
    const reporters = { [ids.a]: await login('ra'), [ids.b]: await login('rb') };

    // A campaign both units report on, month by month (the narrative; figures need targets set first).
    const campaign = (
      await ok<{ id: number }>(
        org('POST', '/api/dispatch/campaigns', { name: '崩溃测试', startYear: YEAR, endYear: YEAR }),
      )
    ).id;
    for (const period of PERIODS)
      await ok(org('POST', `/api/dispatch/campaigns/${campaign}/periods`, { period, deadline: `${YEAR + 1}-12-31` }));

    // A live arena: six judges joined, the first contestant open for scoring.
    const judgeNames = ['甲', '乙', '丙', '丁', '戊', '己'];
    const arena = (
      await ok<{ id: number }>(
        org('POST', '/api/arenas', {
          title: '崩溃测试擂台',
          heldOn: `${YEAR + 1}-12-31`,
          criteria: [{ id: '总分', max: 100 }],
          groups: [{ id: '评委', weight: 1 }],
          contestants: [{ unitId: ids.a }, { unitId: ids.b }],
          judges: judgeNames.map((n) => ({ name: `评委${n}`, groupId: '评委' })),
        }),
      )
    ).id;
    await ok(org('POST', `/api/arenas/${arena}/draw`, { seed: 'crash' }));
    const { codes } = await ok<{ codes: { code: string }[] }>(org('POST', `/api/arenas/${arena}/codes`, {}));
    const joined = await Promise.all(
      codes.map(({ code }) => ok<{ token: string; judge: { id: number } }>(org('POST', '/api/judge/join', { code }))),
    );
    const tokens = joined.map((j) => j.token);
    await ok(org('POST', `/api/arenas/${arena}/host`, { type: 'start' }));
    await ok(org('POST', `/api/arenas/${arena}/host`, { type: 'call' }));
    const live = await ok<{ current: { contestantId: number } }>(
      org('POST', `/api/arenas/${arena}/host`, { type: 'open' }),
    );
    const contestant = live.current.contestantId;

    // The burst: 3 chains of new ledger items, 6 judges correcting their score, 6 reports saved again and again.
    const ledger = [0, 1, 2].map((): Chain<string> => ({ acked: [], pending: null }));
    const judges = tokens.map((): Chain<number> => ({ acked: [], pending: null }));
    const reportChains = [ids.a, ids.b].flatMap((unit) =>
      PERIODS.map((period) => ({ unit, period, chain: { acked: [], pending: null } as Chain<string>, version: 0 })),
    );
    const deadline = `${YEAR + 1}-12-31`;
    await Promise.all([
      ...ledger.map((chain, c) =>
        runChain(chain, (n) => {
          const title = `崩溃测试事项 ${c}-${n}`;
          return {
            value: title,
            send: () => org('POST', '/api/ledger/items', { title, source: '领导批示', leadUnitId: ids.a, deadline }),
          };
        }),
      ),
      ...judges.map((chain, j) =>
        runChain(chain, (n) => {
          const total = 60 + ((n * 7 + j) % 40); // 60–99: a score outside needs a reason
          return {
            value: total,
            send: () =>
              fetch(`${base}/api/judge/scores/${contestant}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json', 'x-judge-token': tokens[j]! },
                body: JSON.stringify({ criteria: { 总分: total }, reason: '复核后修正' }),
              }),
          };
        }),
      ),
      ...reportChains.map((r) =>
        runChain(r.chain, (n) => {
          const progress = `崩溃测试 ${r.unit}/${r.period} 第 ${n} 次保存`;
          return {
            value: progress,
            send: async () => {
              const res = await reporters[r.unit]!(
                'PUT',
                `/api/dispatch/campaigns/${campaign}/units/${r.unit}/report?period=${r.period}`,
                { values: {}, progress, version: r.version },
              );
              if (res.ok) r.version = ((await res.clone().json()) as { version: number }).version;
              return res;
            },
          };
        }),
      ),
    ]);
    expect(killed).toBe(true);
    expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    await stop(server!, 'SIGKILL');

    // Start again on the same data (the crashed process's data-folder lock is taken over), then stop cleanly.
    server = await start();
    expect((await (await fetch(`${base}/readyz`)).json()) as unknown).toBeTruthy();
    await stop(server, 'SIGTERM');
    server = null;

    const database = await openData();
    try {
      const { db } = database;
      const titles = new Set((await db.select({ title: ledgerItems.title }).from(ledgerItems)).map((r) => r.title));
      for (const chain of ledger) {
        for (const title of chain.acked) expect(titles.has(title), title).toBe(true);
      }
      const scores = new Map(
        (await db.select({ judgeId: arenaScores.judgeId, total: arenaScores.total }).from(arenaScores)).map((s) => [
          s.judgeId,
          Number(s.total),
        ]),
      );
      const scored = judges.filter((j) => j.acked.length > 0);
      judges.forEach((chain, j) => {
        if (chain.acked.length === 0) return;
        const stored = scores.get(joined[j]!.judge.id);
        expect([chain.acked.at(-1), chain.pending].filter((v) => v !== null)).toContain(stored);
      });
      const progress = new Set((await db.select({ progress: reports.progress }).from(reports)).map((r) => r.progress));
      for (const { chain } of reportChains) {
        if (chain.acked.length === 0) continue;
        const kept = [chain.acked.at(-1)!, ...(chain.pending ? [chain.pending] : [])];
        expect(
          kept.some((p) => progress.has(p)),
          kept.join(' / '),
        ).toBe(true);
      }
      expect(ledger.reduce((s, c) => s + c.acked.length, 0)).toBeGreaterThan(0);
      expect(scored.length).toBeGreaterThan(0);
      expect(reportChains.filter((r) => r.chain.acked.length > 0).length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }

    // The audit chain, verified by the operator's own command.
    const verify = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit:verify'], { cwd: serverDir, env });
    let output = '';
    verify.stdout.on('data', (d: Buffer) => (output += d.toString()));
    verify.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => verify.once('exit', r));
    expect(output).toMatch(/Audit chain intact: \d+ entries/);
    expect(code).toBe(0);
  }, 120_000);
});
