import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:audited -w @leitai/bench` (issue 20, goal 2, as the issue measures it): a judge's score `PUT`
 * through the whole app (session, schema, the scoring rules, the score row, its audit entry, the screen's
 * NOTIFY) against a bare Fastify route doing one INSERT, both on the same PostgreSQL (DATABASE_URL, required),
 * each in a process of its own. --connections loops per side send requests back to back for --seconds, in
 * alternating rounds; the verdict is the median ratio of the app's rate to the bare route's. Target ≥ 0.5.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 10);
const JUDGES = 30;
const root = fileURLToPath(new URL('../..', import.meta.url));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });

const BARE = `
  const pg = require('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = require('fastify')({ logger: false });
  app.post('/insert', async (req) => {
    await pool.query('INSERT INTO bench_plain (judge, score) VALUES ($1, $2)', [req.body.judge, req.body.score]);
    return { ok: true };
  });
  pool.query('CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, judge int, score int)')
    .then(() => app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }));
`;

function start(args: string[], env: Record<string, string>, readyUrl: string, cwd = root): Promise<ChildProcess> {
  const p = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () =>
      http
        .get(readyUrl, (res) => (res.resume(), res.statusCode! < 500 ? resolve(p) : setTimeout(poll, 300)))
        .on('error', () =>
          Date.now() - t0 > 180_000 ? reject(new Error('server did not start')) : setTimeout(poll, 300),
        );
    poll();
  });
}

function send(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const data = body === undefined ? '' : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function load(request: (k: number) => Promise<void>): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, w) => {
      for (let k = w; Date.now() < until; k += CONNECTIONS) {
        await request(k);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL names the PostgreSQL database both servers use');
  const appPort = 3392;
  const barePort = 3393;
  const app = await start(
    ['--import', 'tsx', 'packages/server/src/main.ts'],
    {
      DATABASE_URL: url,
      LEITAI_DEMO: '1',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
    `http://127.0.0.1:${appPort}/readyz`,
  );
  const bare = await start(
    ['-e', BARE],
    { DATABASE_URL: url, PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/`,
    `${root}packages/server`,
  );
  try {
    const api = `http://127.0.0.1:${appPort}/api`;
    const login = await send('POST', `${api}/auth/login`, { username: 'organiser', password: 'Leitai@2026' });
    const auth = {
      cookie: String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
      'x-csrf-token': (JSON.parse(login.text) as { csrfToken: string }).csrfToken,
    };
    const get = async <T>(path: string) => JSON.parse((await send('GET', `${api}${path}`, undefined, auth)).text) as T;
    const post = async <T>(path: string, body: unknown) =>
      JSON.parse((await send('POST', `${api}${path}`, body, auth)).text) as T;
    const units = (await get<{ id: number; kind: string }[]>('/arenas/options/units'))
      .filter((u) => u.kind === 'department')
      .slice(0, 5);
    const { id } = await post<{ id: number }>('/arenas', {
      title: '写入压测',
      heldOn: '2026-03-28',
      groups: [{ id: '领导评委', weight: 1 }],
      contestants: units.map((u) => ({ unitId: u.id })),
      judges: Array.from({ length: JUDGES }, (_, i) => ({ name: `评委${i + 1}`, groupId: '领导评委' })),
    });
    await post(`/arenas/${id}/draw`, { seed: 'bench' });
    const codes = (await post<{ codes: { code: string }[] }>(`/arenas/${id}/codes`, {})).codes;
    const tokens: string[] = [];
    for (const c of codes)
      tokens.push(
        (JSON.parse((await send('POST', `${api}/judge/join`, { code: c.code })).text) as { token: string }).token,
      );
    await post(`/arenas/${id}/host`, { type: 'start' });
    await post(`/arenas/${id}/host`, { type: 'call' });
    const live = await post<{ current: { contestantId: number } }>(`/arenas/${id}/host`, { type: 'open' });
    const cid = live.current.contestantId;

    const score = async (k: number) => {
      const r = await send(
        'PUT',
        `${api}/judge/scores/${cid}`,
        { criteria: { 实绩: 30 + (k % 10), 举措: 22, 表现: 15, 作风: 8 } },
        { 'x-judge-token': tokens[k % JUDGES]! },
      );
      if (r.status !== 200) throw new Error(`score ${r.status}: ${r.text}`);
    };
    const insert = async (k: number) => {
      const r = await send('POST', `http://127.0.0.1:${barePort}/insert`, { judge: k % JUDGES, score: k % 100 });
      if (r.status !== 200) throw new Error(`insert ${r.status}: ${r.text}`);
    };
    await load(score); // warm-up of both
    await load(insert);
    const ratios: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const b = await load(insert);
      const a = await load(score);
      ratios.push(a / b);
      console.log(
        `round ${r}: one-INSERT route ${b.toFixed(0)}/s, judge's score PUT ${a.toFixed(0)}/s (${(a / b).toFixed(2)})`,
      );
    }
    const verdict = median(ratios);
    console.log(`median ratio ${verdict.toFixed(2)} (target ≥ 0.50: ${verdict >= 0.5 ? 'met' : 'not met'})`);
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
    agent.destroy();
  }
}

await main();
