import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { max, ne } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { ROLES } from '@leitai/core';
import { auditLog, outbox } from '../src/db/schema/index.js';
import { createTestApp, onPostgres, type TestApp } from './harness.js';
import { buildUnit, buildUser, loginAs, type Client } from './factories.js';

/**
 * Every route of the OpenAPI document, as every role, with generated bad paths, queries and bodies (wrong
 * types, huge, NUL, lone surrogates, emoji, control characters, extreme numbers, impossible dates): never a
 * server error, and a refused request writes nothing (no audit entry but its own access.denied, no event).
 * FUZZ_CASES sets the bodies per route and role (default 6); the seed is fixed so a failure replays.
 */
const CASES = Number(process.env.FUZZ_CASES ?? (onPostgres ? 3 : 6));
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

// Routes whose refusals write by design (a failed sign-in is counted and audited), or that would end the
// session the rest of the run needs.
const SKIP = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password']);

const BAD: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '😀'.repeat(3000),
  'x'.repeat(100_000),
  '\u0007\u001b[31m\r\n\t',
  '',
  ' ',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '=HYPERLINK("http://x")',
  -1,
  0,
  -0,
  1e308,
  -1e308,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 2,
  0.1 + 0.2,
  '2026-02-30',
  '9999-99-99',
  '2026-13-01T25:61:61Z',
  true,
  null,
  {},
  [],
  [null, { a: [] }],
  { __proto__: { admin: true } },
];
const BAD_PATH = [
  '0',
  '-1',
  '9007199254740993',
  '1e3',
  'abc',
  '%00',
  '%ED%A0%80',
  '%F0%9F%98%80',
  'x'.repeat(3000),
  '%',
];
const BAD_QUERY = ['%00', '%ED%A0%80', '-1', '1e400', 'x'.repeat(5000), '2026-02-30', '[]', '%'];

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** A value the schema would take, so that one bad field at a time reaches the validator. */
function plausible(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 4) return '测试';
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties)
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1)]));
  if (type === 'array') return [plausible(s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (s.format === 'date') return '2026-12-01';
  if (s.format === 'date-time') return '2026-12-01T08:00:00+08:00';
  return '测试';
}

/** Bodies: the plausible one with some fields bad, or something that is not the right shape at all. */
function bodies(schema: Schema | undefined, seed: number): unknown[] {
  const base = plausible(schema);
  const keys = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
  const mutated = fc.record({
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
    extra: fc.boolean(),
  });
  return [
    ...fc.sample(mutated, { numRuns: CASES, seed }).map(({ picks, extra }) => {
      const body: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      for (const [k, v] of picks) if (keys.length > 0) body[keys[k % keys.length]!] = BAD[v % BAD.length];
      if (extra) body[BAD[seed % 12] as string] = BAD[(seed + 3) % BAD.length];
      return keys.length > 0 ? body : BAD[(picks[0]![1] + seed) % BAD.length];
    }),
    fc.sample(fc.anything({ maxDepth: 3, withNullPrototype: true }), { numRuns: 1, seed })[0],
  ];
}

let t: TestApp;
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 100_000 });
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区', code: 'root' });
  const unit = await buildUnit(db, { parentId: root.id, name: '区住建局', code: 'zjj' });
  for (const role of ROLES) {
    const username = `fuzz.${role}`;
    const unitId = ['sysadmin', 'secadmin', 'auditor', 'organiser', 'judge'].includes(role) ? root.id : unit.id;
    await buildUser(db, {
      unitId,
      roles: [role],
      username,
      ...(role === 'leader' ? { overseenUnitIds: [unit.id] } : {}),
    });
    clients.set(role, await loginAs(t.app, username));
  }
}, 120_000);
afterAll(() => t.close());

/** The newest audit entry other than a refusal's own, and the newest event: a refused request moves neither. */
async function writeMarks(): Promise<[number, number]> {
  const { db } = t.database;
  const [[a], [o]] = await Promise.all([
    db
      .select({ n: max(auditLog.id) })
      .from(auditLog)
      .where(ne(auditLog.action, 'access.denied')),
    db.select({ n: max(outbox.id) }).from(outbox),
  ]);
  return [Number(a?.n ?? 0), Number(o?.n ?? 0)];
}

describe('fuzzing every route', () => {
  it(
    'never answers 5xx, and a refused request writes nothing',
    async () => {
      const doc = t.app.swagger() as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters?: { in: string; name: string }[];
              requestBody?: { content: Record<string, { schema: Schema }> };
            }
          >
        >;
      };
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let requests = 0;
      let seed = SEED;
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
          if (SKIP.has(route)) continue;
          const json = op.requestBody?.content['application/json']?.schema;
          const multipart = op.requestBody?.content['multipart/form-data'] !== undefined;
          const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
          for (const [role, client] of clients) {
            seed++;
            const url = (bad: string) => path.replace(/\{\w+\}/g, bad);
            const cases: InjectOptions[] = [
              // Three bad path values per role, a different three for the next role: all ten across the roles.
              ...(path.includes('{') ? [0, 1, 2].map((i) => BAD_PATH[(seed * 3 + i) % BAD_PATH.length]!) : ['x']).map(
                (p) => ({
                  method: method.toUpperCase() as InjectOptions['method'],
                  url: url(p),
                }),
              ),
              ...queries.map((q, i) => ({
                method: method.toUpperCase() as InjectOptions['method'],
                url: `${url('1')}?${q}=${BAD_QUERY[(seed + i) % BAD_QUERY.length]}`,
              })),
              ...(json ? bodies(json, seed) : []).map((payload) => ({
                method: method.toUpperCase() as InjectOptions['method'],
                url: url('1'),
                payload: JSON.stringify(payload ?? null),
                headers: { 'content-type': 'application/json' },
              })),
              ...(multipart
                ? [
                    { 'content-type': 'multipart/form-data' },
                    { 'content-type': 'multipart/form-data; boundary=x' },
                  ].map((headers) => ({
                    method: method.toUpperCase() as InjectOptions['method'],
                    url: url('1'),
                    payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n\u0000\u00ff'),
                    headers,
                  }))
                : []),
            ];
            for (const c of cases) {
              const before = await writeMarks();
              const res = await client.request(c);
              requests++;
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const what = `${role} ${c.method} ${String(c.url).slice(0, 80)} ${typeof c.payload === 'string' ? c.payload.slice(0, 120) : ''}`;
              if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what}: ${res.body.slice(0, 200)}`);
              else if (res.statusCode >= 400) {
                const after = await writeMarks();
                if (after[0] !== before[0] || after[1] !== before[1])
                  failures.push(`${res.statusCode} wrote (audit/outbox ${before} → ${after}) ${what}`);
              }
            }
          }
        }
      }
      expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
      // The run reached the validators and the routes, not only the doors: bad input refused, some accepted.
      if (process.env.FUZZ_REPORT)
        console.log(
          requests,
          [...statuses].sort((a, b) => a[0] - b[0]),
        );
      expect(requests).toBeGreaterThan(1000);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(requests / 10);
      expect([...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(50);
    },
    onPostgres ? 900_000 : 600_000,
  );
});
