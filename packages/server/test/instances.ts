import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { serverUrl, TEMPLATE_DB } from './harness.js';

/** Helpers for tests that run the app as real processes (several instances, a balancer in front). */

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export const DEMO_PASSWORD = 'Leitai@2026';

export function randomPort(from: number): number {
  return from + Math.floor(Math.random() * 1000);
}

async function onServer(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A PostgreSQL database cloned from the migrated test template, for app processes to share. */
export async function cloneDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  return { url: serverUrl(name), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts `src/main.ts` on `port` and waits for `/readyz`. An instance that seeds the demo city takes
 * ≈ 35 s on PostgreSQL while other test files run: wait up to 100 s, inside a 120 s hook.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  for (let k = 0; k < 500; k += 1) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server on ${port} did not start`);
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * One HTTP request with JSON in and out. `localAddress` picks the client's address (any of 127.0.0.0/8
 * on Linux), so a test can stand for several phones in front of an address-hashing balancer.
 */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; localAddress?: string } = {},
): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        localAddress: opts.localAddress,
        agent: false,
        headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in a demo account and returns a caller that sends its cookie and CSRF token; non-2xx throws. */
export async function signIn(base: string, username: string, localAddress?: string) {
  const res = await request(`${base}/api/auth/login`, {
    method: 'POST',
    body: { username, password: DEMO_PASSWORD },
    localAddress,
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = res.body as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await request(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken },
      body,
      localAddress,
    });
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
}
