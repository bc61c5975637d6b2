import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/** What the HTTP benches share: starting a server process, one keep-alive client, a signed-in session. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The q-quantile of some durations (nearest rank). */
export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};

/**
 * Starts `node args` and resolves once `readyUrl` answers below 500. The server's own log (stdout) goes to
 * LEITAI_BENCH_SERVER_LOG when set, so a server that dies mid-bench says why.
 */
export function start(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  cwd = root,
): Promise<ChildProcess> {
  const log = process.env.LEITAI_BENCH_SERVER_LOG;
  const p = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', log ? openSync(log, 'a') : 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    p.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
    const poll = () =>
      http
        .get(readyUrl, (res) => (res.resume(), res.statusCode! < 500 ? resolve(p) : setTimeout(poll, 300)))
        .on('error', () =>
          Date.now() - t0 > 180_000 ? reject(new Error('server did not start')) : setTimeout(poll, 300),
        );
    poll();
  });
}

export interface Reply {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

export function client(maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const send = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<Reply>((resolve, reject) => {
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
  /** The body as bytes, as they came (a compressed body stays compressed). */
  const sendRaw = (method: string, url: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request(url, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  return { send, sendRaw, close: () => agent.destroy() };
}

/** Signs in and returns the session's headers and JSON helpers against `api` (…/api). */
export async function session(
  send: ReturnType<typeof client>['send'],
  api: string,
  username: string,
  password: string,
) {
  const login = await send('POST', `${api}/auth/login`, { username, password });
  if (login.status !== 200) throw new Error(`login ${login.status}: ${login.text}`);
  const auth = {
    cookie: String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
    'x-csrf-token': (JSON.parse(login.text) as { csrfToken: string }).csrfToken,
  };
  const json = async <T>(method: string, path: string, body?: unknown) => {
    const r = await send(method, `${api}${path}`, body, auth);
    if (r.status >= 400) throw new Error(`${method} ${path} ${r.status}: ${r.text}`);
    return JSON.parse(r.text) as T;
  };
  return {
    auth,
    get: <T>(path: string) => json<T>('GET', path),
    post: <T>(path: string, body: unknown) => json<T>('POST', path, body),
  };
}

export type Session = Awaited<ReturnType<typeof session>>;

/**
 * An arena of `judges` code judges scoring `units` live: returns a function that PUTs the k-th score
 * (judge k mod judges, on the contestant on stage), as the judges' phones do.
 */
export async function liveArena(
  s: Session,
  send: ReturnType<typeof client>['send'],
  api: string,
  unitIds: number[],
  judges: number,
) {
  const { id } = await s.post<{ id: number }>('/arenas', {
    title: '写入压测',
    heldOn: '2026-03-28',
    groups: [{ id: '领导评委', weight: 1 }],
    contestants: unitIds.map((unitId) => ({ unitId })),
    judges: Array.from({ length: judges }, (_, i) => ({ name: `评委${i + 1}`, groupId: '领导评委' })),
  });
  await s.post(`/arenas/${id}/draw`, { seed: 'bench' });
  const codes = (await s.post<{ codes: { code: string }[] }>(`/arenas/${id}/codes`, {})).codes;
  const tokens: string[] = [];
  for (const c of codes)
    tokens.push(
      (JSON.parse((await send('POST', `${api}/judge/join`, { code: c.code })).text) as { token: string }).token,
    );
  await s.post(`/arenas/${id}/host`, { type: 'start' });
  await s.post(`/arenas/${id}/host`, { type: 'call' });
  const live = await s.post<{ current: { contestantId: number } }>(`/arenas/${id}/host`, { type: 'open' });
  const cid = live.current.contestantId;
  return async (k: number) => {
    const r = await send(
      'PUT',
      `${api}/judge/scores/${cid}`,
      { criteria: { 实绩: 30 + (k % 10), 举措: 22, 表现: 15, 作风: 8 } },
      { 'x-judge-token': tokens[k % judges]! },
    );
    if (r.status !== 200) throw new Error(`score ${r.status}: ${r.text}`);
  };
}

/** Runs `request` back to back on `loops` loops for `seconds`; answers the rate per second. */
export async function load(request: (k: number) => Promise<void>, loops: number, seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: loops }, async (_, w) => {
      for (let k = w; Date.now() < until; k += loops) {
        await request(k);
        done++;
      }
    }),
  );
  return done / seconds;
}

/** The peak resident memory of a process so far (Linux), in bytes. */
export async function peakRss(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}
