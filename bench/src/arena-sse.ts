import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:arena`: one arena with 300 judges and 2,000 screen/viewer SSE connections. Prints the
 * time from a judge's submit (request sent) to the update arriving at the viewers (p50/p99 of every
 * delivery, and of "all viewers have it"), next to a bare SSE broadcast (a plain Node server writing one
 * frame of the same size to the same number of connections) measured in the same run.
 * Options: --judges=300 --viewers=2000 --rounds=40. DATABASE_URL runs the app on PostgreSQL.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const JUDGES = arg('judges', 300);
const VIEWERS = arg('viewers', 2000);
const ROUNDS = arg('rounds', 40);
const root = fileURLToPath(new URL('../..', import.meta.url));
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** The baseline: SSE with nothing behind it; POST /send?n=… writes one frame of `size` bytes to every client. */
function baselineServer(): void {
  const clients = new Set<http.ServerResponse>();
  http
    .createServer((req, res) => {
      if (req.url?.startsWith('/events')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write('retry: 2000\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      const u = new URL(req.url ?? '/', 'http://x');
      const n = Number(u.searchParams.get('n'));
      const size = Number(u.searchParams.get('size'));
      const body = JSON.stringify({ current: { submitted: n }, pad: 'x'.repeat(Math.max(0, size - 40)) });
      const frame = `event: state\ndata: ${body}\n\n`;
      for (const c of clients) c.write(frame);
      res.end('ok');
    })
    .listen(Number(process.env.PORT), '127.0.0.1');
}

interface Viewer {
  /** When each `submitted` value (or a higher one) first arrived. */
  seen: Map<number, number>;
  close(): void;
}

const KEY = Buffer.from('"submitted":');
/**
 * A viewer that does as little work as a browser's EventSource: it scans the raw bytes for the count
 * (native indexOf), so 2,000 of them in one process do not turn the client into the bottleneck.
 */
function connectViewer(url: string, onValue: () => void): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const seen = new Map<number, number>();
    let max = -1;
    let tail: Buffer = Buffer.alloc(0);
    const req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`viewer ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        const at = performance.now();
        const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        let top = max;
        for (let i = buf.indexOf(KEY); i >= 0; i = buf.indexOf(KEY, i + 1)) {
          let n = 0;
          let j = i + KEY.length;
          for (; j < buf.length && buf[j]! >= 48 && buf[j]! <= 57; j += 1) n = n * 10 + buf[j]! - 48;
          if (j < buf.length && n > top) top = n;
        }
        tail = buf.subarray(Math.max(0, buf.length - 24));
        if (top > max) {
          for (let n = max + 1; n <= top; n += 1) seen.set(n, at);
          max = top;
          onValue();
        }
      });
      resolve({ seen, close: () => req.destroy() });
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
  });
}

async function connectAll(
  url: string,
  n: number,
): Promise<{ viewers: Viewer[]; waitAll: (value: number, timeoutMs?: number) => Promise<void> }> {
  let pending: { value: number; done: () => void } | null = null;
  const viewers: Viewer[] = [];
  const check = () => {
    const p = pending;
    if (p && viewers.every((v) => v.seen.has(p.value))) {
      pending = null;
      p.done();
    }
  };
  for (let i = 0; i < n; i += 100)
    viewers.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => connectViewer(url, check)))));
  return {
    viewers,
    waitAll: (value, timeoutMs = 20_000) =>
      new Promise((ok, fail) => {
        const timer = setTimeout(
          () =>
            fail(
              new Error(
                `not all viewers saw ${value}: ${viewers.filter((v) => v.seen.has(value)).length}/${viewers.length}`,
              ),
            ),
          timeoutMs,
        );
        pending = { value, done: () => (clearTimeout(timer), ok()) };
        check();
      }),
  };
}

function start(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () =>
      http
        .get(readyUrl, (res) => (res.resume(), res.statusCode === 200 ? resolve(p) : setTimeout(poll, 300)))
        .on('error', () =>
          Date.now() - t0 > 180_000 ? reject(new Error('server did not start')) : setTimeout(poll, 300),
        );
    poll();
  });
}

async function json<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

type Target = {
  send: (i: number) => Promise<void>;
  all: Awaited<ReturnType<typeof connectAll>>;
  each: number[];
  last: number[];
};

/** One update, then wait until every viewer has it; records each delivery and the last one. */
async function round(t: Target, i: number): Promise<void> {
  const t0 = performance.now();
  await t.send(i);
  await t.all.waitAll(i);
  const arrivals = t.all.viewers.map((v) => (v.seen.get(i) as number) - t0);
  t.each.push(...arrivals);
  t.last.push(Math.max(...arrivals));
}

async function main(): Promise<void> {
  const appPort = 3390;
  const basePort = 3391;
  const dbEnv: Record<string, string> = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, LEITAI_DEMO: '1' }
    : { LEITAI_DATA_DIR: 'memory://', LEITAI_DEMO: '1' };
  console.log(
    `arena SSE bench: ${JUDGES} judges, ${VIEWERS} viewers, ${ROUNDS} sequential submissions (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
  );
  const app = await start(
    ['packages/server/src/main.ts'],
    {
      ...dbEnv,
      PORT: String(appPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      LOGIN_RATE_LIMIT: '1000',
    },
    `http://127.0.0.1:${appPort}/readyz`,
  );
  const baseline = await start(
    ['bench/src/arena-sse.ts', '--baseline-server'],
    { PORT: String(basePort) },
    `http://127.0.0.1:${basePort}/x?n=0&size=10`,
  );
  try {
    const api = `http://127.0.0.1:${appPort}/api`;
    const login = await json<{ csrfToken: string }>('POST', `${api}/auth/login`, {
      username: 'organiser',
      password: 'Leitai@2026',
    });
    const auth = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': login.body.csrfToken,
    };
    const units = (
      await json<{ id: number; kind: string }[]>('GET', `${api}/arenas/options/units`, undefined, auth)
    ).body
      .filter((u) => u.kind === 'department')
      .slice(0, 10);
    const created = await json<{ id: number }>(
      'POST',
      `${api}/arenas`,
      {
        title: '压测擂台赛',
        heldOn: '2026-03-28',
        groups: [
          { id: '领导评委', weight: 0.5 },
          { id: '专家评委', weight: 0.3 },
          { id: '群众代表', weight: 0.2 },
        ],
        contestants: units.map((u) => ({ unitId: u.id })),
        judges: Array.from({ length: JUDGES }, (_, i) => ({
          name: `评委${i + 1}`,
          groupId: i % 10 < 5 ? '领导评委' : i % 10 < 8 ? '专家评委' : '群众代表',
        })),
      },
      auth,
    );
    const id = created.body.id;
    await json('POST', `${api}/arenas/${id}/draw`, { seed: 'bench' }, auth);
    const codes = (await json<{ codes: { code: string }[] }>('POST', `${api}/arenas/${id}/codes`, {}, auth)).body.codes;
    const tokens: string[] = [];
    for (const c of codes)
      tokens.push((await json<{ token: string }>('POST', `${api}/judge/join`, { code: c.code })).body.token);
    const { screenToken } = (await json<{ screenToken: string }>('GET', `${api}/arenas/${id}`, undefined, auth)).body;
    const host = (type: string) => json('POST', `${api}/arenas/${id}/host`, { type }, auth);
    await host('start');
    await host('call');
    const live = (
      await json<{ current: { contestantId: number } }>('POST', `${api}/arenas/${id}/host`, { type: 'open' }, auth)
    ).body;
    const cid = live.current.contestantId;

    const t0 = performance.now();
    const appViewers = await connectAll(`http://127.0.0.1:${appPort}/api/screen/${screenToken}/events`, VIEWERS);
    console.log(`  ${VIEWERS} app viewers connected in ${ms(performance.now() - t0)}`);
    const baseViewers = await connectAll(`http://127.0.0.1:${basePort}/events`, VIEWERS);
    await appViewers.waitAll(0);
    const submit = (k: number) =>
      json(
        'PUT',
        `${api}/judge/scores/${cid}`,
        { criteria: { 实绩: 30 + (k % 10), 举措: 22, 表现: 15, 作风: 8 } },
        { 'x-judge-token': tokens[k - 1] as string },
      ).then((r) => {
        if (r.status !== 200) throw new Error(`submit ${k}: ${r.status} ${JSON.stringify(r.body)}`);
      });
    const frameSize = 2000; // about the size of this arena's snapshot
    const arena: Target = { send: submit, all: appViewers, each: [], last: [] };
    const base: Target = {
      send: async (i) => void (await fetch(`http://127.0.0.1:${basePort}/send?n=${i}&size=${frameSize}`)).text(),
      all: baseViewers,
      each: [],
      last: [],
    };
    // Interleaved, so both see the same machine load.
    for (let i = 1; i <= ROUNDS; i += 1) {
      await round(arena, i);
      await round(base, i);
    }
    for (const v of baseViewers.viewers) v.close();
    // Burst: every remaining judge submits at once; time until every viewer shows the full count.
    const tb = performance.now();
    await Promise.all(Array.from({ length: JUDGES - ROUNDS }, (_, i) => submit(ROUNDS + 1 + i)));
    const sentAll = performance.now() - tb;
    await appViewers.waitAll(JUDGES, 120_000);
    const burst = performance.now() - tb;
    for (const v of appViewers.viewers) v.close();

    const row = (name: string, r: { each: number[]; last: number[] }) =>
      console.log(
        `  ${name.padEnd(28)} p50 ${ms(pct(r.each, 50)).padStart(9)}  p99 ${ms(pct(r.each, 99)).padStart(9)}   all viewers: p50 ${ms(pct(r.last, 50)).padStart(9)}  p99 ${ms(pct(r.last, 99)).padStart(9)}`,
      );
    console.log('submit → update at viewers (each delivery; and until the last viewer has it):');
    row('arena (submit, NOTIFY, load)', arena);
    row('bare SSE broadcast', base);
    console.log(
      `  ratio arena / baseline      p50 ×${(pct(arena.each, 50) / pct(base.each, 50)).toFixed(1)}  p99 ×${(pct(arena.each, 99) / pct(base.each, 99)).toFixed(1)}`,
    );
    console.log(
      `burst: ${JUDGES - ROUNDS} judges submitting at once: all requests answered in ${ms(sentAll)}, every viewer showing ${JUDGES}/${JUDGES} after ${ms(burst)}`,
    );
  } finally {
    app.kill('SIGTERM');
    baseline.kill('SIGTERM');
    agent.destroy();
  }
}

if (process.argv.includes('--baseline-server')) baselineServer();
else await main();
