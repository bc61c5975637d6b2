import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, TEMPLATE_DB } from '../../test/harness.js';
import { openSse } from './sse-client.js';

/**
 * Two app processes on one PostgreSQL database, as behind a load balancer: the host acts on one, a
 * judge scores on the other, and screens on both see every change (LISTEN/NOTIFY crosses processes).
 * PostgreSQL only: PGlite lives inside one process.
 */
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const dbName = `leitai_two_${randomBytes(4).toString('hex')}`;
const url = (db: string) => {
  const u = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  u.pathname = `/${db}`;
  return u.toString();
};
const procs: ChildProcess[] = [];
const ports = [34000 + Math.floor(Math.random() * 1000), 35000 + Math.floor(Math.random() * 1000)];
const base = (i: number) => `http://127.0.0.1:${ports[i]}`;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url('postgres') });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function startInstance(i: number, demo: boolean): Promise<void> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url(dbName),
    PORT: String(ports[i]),
    HOST: '127.0.0.1',
    LEITAI_DEMO: demo ? '1' : '0',
    LOG_LEVEL: 'warn',
  };
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'ignore' });
  procs.push(p);
  // The demo instance seeds the whole demo city first (≈ 35 s on PostgreSQL while other test files run; 30 s
  // was seen to run out): wait up to 100 s, inside the hook's 120.
  for (let k = 0; k < 500; k += 1) {
    try {
      if ((await fetch(`${base(i)}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`instance ${i} did not start`);
}

async function login(i: number, username: string) {
  const res = await fetch(`${base(i)}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Leitai@2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base(i)}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? null : await r.json()) as never;
  };
}

describe.skipIf(!onPostgres)('two app instances on one PostgreSQL', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`);
    await startInstance(0, true);
    await startInstance(1, false);
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('delivers a score submitted on instance B to screens on A and B within a second', async () => {
    const host = await login(0, 'organiser');
    const c = new pg.Client({ connectionString: url(dbName) });
    await c.connect();
    const { rows } = await c.query<{ id: number }>(`SELECT id FROM units WHERE code IN ('fgj', 'gxj') ORDER BY code`);
    await c.end();
    const { id } = (await host('POST', '/api/arenas', {
      title: '双实例测试擂台',
      heldOn: '2026-03-28',
      groups: [{ id: '领导评委', weight: 1 }],
      contestants: rows.map((r) => ({ unitId: r.id })),
      judges: [{ name: '评委甲', groupId: '领导评委' }],
    })) as { id: number };
    await host('POST', `/api/arenas/${id}/draw`, { seed: 'two' });
    const { codes } = (await host('POST', `/api/arenas/${id}/codes`, {})) as { codes: { code: string }[] };
    const joined = (await (
      await fetch(`${base(1)}/api/judge/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: codes[0]!.code }),
      })
    ).json()) as { token: string };
    const { screenToken } = (await host('GET', `/api/arenas/${id}`)) as { screenToken: string };
    const screens = await Promise.all([0, 1].map((i) => openSse(`${base(i)}/api/screen/${screenToken}/events`)));
    await host('POST', `/api/arenas/${id}/host`, { type: 'start' });
    await host('POST', `/api/arenas/${id}/host`, { type: 'call' });
    const live = (await host('POST', `/api/arenas/${id}/host`, { type: 'open' })) as {
      current: { contestantId: number };
    };
    const opened = (e: { data: unknown }) => (e.data as { current?: { phase: string } }).current?.phase === 'scoring';
    await Promise.all(screens.map((s) => s.waitFor(opened, 1000)));
    const sent = Date.now();
    const res = await fetch(`${base(1)}/api/judge/scores/${live.current.contestantId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-judge-token': joined.token },
      body: JSON.stringify({ criteria: { 实绩: 35, 举措: 25, 表现: 15, 作风: 8 } }),
    });
    expect(res.status).toBe(200);
    const submitted = (e: { data: unknown }) =>
      (e.data as { current?: { submitted: number } }).current?.submitted === 1;
    await Promise.all(screens.map((s) => s.waitFor(submitted, 1000)));
    expect(Date.now() - sent).toBeLessThan(1000);
    for (const s of screens) s.close();
  });
});
