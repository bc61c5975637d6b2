import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../test/harness.js';
import { cloneDatabase, randomPort, request, signIn, startServer } from '../../test/instances.js';
import { openSse, type SseClient } from './sse-client.js';

/**
 * Two app processes on one PostgreSQL database (PGlite lives inside one process, so PostgreSQL only).
 * First straight to each: the host acts on one, a judge scores on the other, and screens on both see every
 * change (LISTEN/NOTIFY crosses processes). Then behind nginx, with the configuration docs/deploy.md
 * ships: judges' phones reach one instance and a big screen the other; the judges' instance is killed
 * (SIGKILL) while they submit. Judges retry as the phone page does, nginx moves them to the survivor, no
 * acknowledged score is lost, and both screens (the survivor's, and the one cut off, reconnecting)
 * converge on every score. CI installs Debian's nginx; without it the second test is skipped, in CI it fails.
 * One file, so the demo city is seeded once for both.
 */
const NGINX = '/usr/sbin/nginx';
const haveNginx = spawnSync(NGINX, ['-v']).status === 0;
if (process.env.CI && onPostgres && !haveNginx) throw new Error('CI needs nginx (Debian package nginx)');

const shipped = fileURLToPath(new URL('../../../../docs/deploy/nginx.conf', import.meta.url));
const procs: (ChildProcess | undefined)[] = [];
const ports = [randomPort(34000), randomPort(35000)];
const base = (i: number) => `http://127.0.0.1:${ports[i]}`;
const front = randomPort(38000);
const via = `http://127.0.0.1:${front}`;
let nginx: ChildProcess | undefined;
let dir = '';
let database: Awaited<ReturnType<typeof cloneDatabase>>;

/** The shipped file with the test's addresses, inside a minimal nginx.conf that tells which instance answered. */
async function nginxConf(): Promise<string> {
  const site = (await readFile(shipped, 'utf8'))
    .replace('server 127.0.0.1:3001', `server 127.0.0.1:${ports[0]}`)
    .replace('server 127.0.0.1:3002', `server 127.0.0.1:${ports[1]}`)
    .replace('listen 80;', `listen 127.0.0.1:${front};`);
  expect(site).toContain(String(ports[1]));
  await writeFile(join(dir, 'leitai.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${join(dir, t)};`)
    .join('\n  ');
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${temp}
  # Test only: which instance answered (the shipped locations add no headers, so this one is inherited).
  add_header X-Upstream $upstream_addr always;
  include ${join(dir, 'leitai.conf')};
}
`;
}

/** The instance (0 or 1) nginx sends a client at `address` to. */
async function instanceFor(address: string): Promise<number> {
  const res = await request(`${via}/healthz`, { localAddress: address });
  const upstream = String(res.headers['x-upstream'] ?? '');
  return ports.findIndex((p) => upstream.endsWith(`:${p}`));
}

describe.skipIf(!onPostgres)('two app instances on one PostgreSQL', () => {
  beforeAll(async () => {
    database = await cloneDatabase('leitai_two');
    // TRUST_PROXY=1: nginx is the one balancer in front (direct requests carry no X-Forwarded-For).
    procs.push(await startServer(ports[0]!, { DATABASE_URL: database.url, LEITAI_DEMO: '1', TRUST_PROXY: '1' }));
    procs.push(await startServer(ports[1]!, { DATABASE_URL: database.url, LEITAI_DEMO: '0', TRUST_PROXY: '1' }));
    if (!haveNginx) return;
    dir = await mkdtemp(join(tmpdir(), 'leitai-nginx-'));
    await writeFile(join(dir, 'nginx.conf'), await nginxConf());
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
    for (let k = 0; k < 100; k += 1) {
      if ((await request(`${via}/healthz`).catch(() => null))?.status === 200) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start: ${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
  }, 120_000);
  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const p of procs) p?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('delivers a score submitted on instance B to screens on A and B within a second', async () => {
    const host = await signIn(base(0), 'organiser');
    const c = new pg.Client({ connectionString: database.url });
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

  it.skipIf(!haveNginx)(
    'behind nginx keeps every score and converges the screens when the judges’ instance is killed mid-scoring',
    async () => {
      // Phones by address: the hash sends each address to one instance while both are up.
      const byInstance: string[][] = [[], []];
      for (let k = 2; k < 60 && (byInstance[0]!.length < 2 || byInstance[1]!.length < 2); k += 1) {
        const address = `127.0.0.${k}`;
        byInstance[await instanceFor(address)]?.push(address);
      }
      const [judgesAt, otherAt] = [byInstance[0]!, byInstance[1]!];
      expect(judgesAt.length).toBeGreaterThan(0);
      expect(otherAt.length).toBeGreaterThan(0);

      const host = await signIn(via, 'organiser', otherAt[0]);
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      const units = await c.query<{ id: number }>(`SELECT id FROM units WHERE code IN ('fgj', 'gxj') ORDER BY code`);
      const judgeCount = 10;
      const { id } = await host<{ id: number }>('POST', '/api/arenas', {
        title: '负载均衡测试擂台',
        heldOn: '2026-03-28',
        groups: [{ id: '领导评委', weight: 1 }],
        contestants: units.rows.map((r) => ({ unitId: r.id })),
        judges: Array.from({ length: judgeCount }, (_, j) => ({ name: `评委${j + 1}`, groupId: '领导评委' })),
      });
      await host('POST', `/api/arenas/${id}/draw`, { seed: 'lb' });
      const { codes } = await host<{ codes: { code: string }[] }>('POST', `/api/arenas/${id}/codes`, {});
      const tokens: string[] = [];
      for (const { code } of codes) {
        const joined = await request(`${via}/api/judge/join`, {
          method: 'POST',
          body: { code },
          localAddress: judgesAt[0],
        });
        expect(joined.status).toBe(200);
        tokens.push((joined.body as { token: string }).token);
      }
      const { screenToken } = await host<{ screenToken: string }>('GET', `/api/arenas/${id}`);
      const screenUrl = `${via}/api/screen/${screenToken}/events`;
      const survivorScreen = await openSse(screenUrl, {}, otherAt[0]);
      let cutScreen: SseClient = await openSse(screenUrl, {}, judgesAt[judgesAt.length > 1 ? 1 : 0]);
      await host('POST', `/api/arenas/${id}/host`, { type: 'start' });
      await host('POST', `/api/arenas/${id}/host`, { type: 'call' });
      const live = await host<{ current: { contestantId: number } }>('POST', `/api/arenas/${id}/host`, {
        type: 'open',
      });
      const contestantId = live.current.contestantId;

      // Each phone retries until its score is acknowledged, as the judge page does after a network error.
      const criteriaOf = (j: number) => ({ 实绩: 30 + (j % 6), 举措: 20 + (j % 5), 表现: 15, 作风: 8 });
      const acknowledged = new Set<number>();
      let killed = false;
      let afterKill = 0;
      const killAfter = judgeCount / 2;
      const submit = async (j: number): Promise<void> => {
        await new Promise((r) => setTimeout(r, j * 30));
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const res = await request(`${via}/api/judge/scores/${contestantId}`, {
            method: 'PUT',
            headers: { 'x-judge-token': tokens[j]! },
            body: { criteria: criteriaOf(j) },
            localAddress: judgesAt[0],
          }).catch(() => null);
          if (res?.status === 200) {
            if (killed) afterKill += 1;
            acknowledged.add(j);
            if (!killed && acknowledged.size >= killAfter) {
              killed = true;
              procs[0]?.kill('SIGKILL');
            }
            return;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
        throw new Error(`judge ${j} never got an answer`);
      };
      await Promise.all(Array.from({ length: judgeCount }, (_, j) => submit(j)));
      expect(killed).toBe(true);
      // Half the phones were answered only after their instance was gone.
      expect(afterKill).toBeGreaterThanOrEqual(judgeCount / 2 - 1);
      expect(acknowledged.size).toBe(judgeCount);
      // The killed instance is gone: nginx now answers from the survivor.
      expect(await instanceFor(judgesAt[0]!)).toBe(1);

      // Every acknowledged score is in the database, as sent.
      const saved = await c.query<{ name: string; criteria: Record<string, string> }>(
        `SELECT j.name, s.criteria FROM arena_scores s JOIN arena_judges j ON j.id = s.judge_id
        WHERE s.arena_id = $1 AND s.contestant_id = $2`,
        [id, contestantId],
      );
      await c.end();
      expect(saved.rows).toHaveLength(judgeCount);
      for (const row of saved.rows) {
        const j = Number(row.name.replace('评委', '')) - 1;
        expect(Object.fromEntries(Object.entries(row.criteria).map(([k, v]) => [k, Number(v)]))).toEqual(criteriaOf(j));
      }

      // Screens converge: the survivor's directly, the cut-off one after reconnecting (EventSource does so).
      const all = (e: { data: unknown }) =>
        (e.data as { current?: { submitted: number } }).current?.submitted === judgeCount;
      await survivorScreen.waitFor(all, 10_000);
      await cutScreen.ended;
      cutScreen = await openSse(screenUrl, {}, judgesAt[judgesAt.length > 1 ? 1 : 0]);
      await cutScreen.waitFor(all, 10_000);
      survivorScreen.close();
      cutScreen.close();
    },
  );
});
