import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@leitai/core';
import { categories } from '../src/db/schema/index.js';
import { createTestApp, type TestApp } from './harness.js';
import { buildUnit, buildUser, loginAs, type Client } from './factories.js';
import { pending, publicRoutes } from './authz/pending.js';
import type { Fixture, MatrixRow, Target } from './authz/types.js';

/**
 * The authorisation matrix (issue 2): every /api route × every role × own unit and another unit →
 * allowed or denied, as each feature's table in test/authz/ says. A route without a row fails.
 */
const tables = readdirSync(new URL('./authz/', import.meta.url)).filter((f) => f.endsWith('.ts') && !['types.ts', 'pending.ts'].includes(f));
const rows: MatrixRow[] = [];
for (const file of tables) {
  const spec = `./authz/${file}`;
  const mod = (await import(/* @vite-ignore */ spec)) as { rows?: MatrixRow[] };
  rows.push(...(mod.rows ?? []));
}

let t: TestApp;
let f: Fixture;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '矩阵区' });
  const a = await buildUnit(db, { name: '甲局', parentId: root.id });
  const a1 = await buildUnit(db, { name: '甲局一科', parentId: a.id });
  const b = await buildUnit(db, { name: '乙局', parentId: root.id });
  const victimA = await buildUser(db, { unitId: a.id, roles: ['reporter'] });
  const victimB = await buildUser(db, { unitId: b.id, roles: ['reporter'] });
  const [category] = await db.insert(categories).values({ code: 'matrix', name: '矩阵类别' }).returning({ id: categories.id });
  let n = 0;
  f = {
    db,
    units: { root: root.id, a: a.id, a1: a1.id, b: b.id },
    unitOf: (target) => (target === 'own' ? a.id : b.id),
    victimOf: (target) => (target === 'own' ? victimA.id : victimB.id),
    categoryId: category!.id,
    next: () => ++n,
  };
  for (const role of ROLES) {
    await buildUser(db, { unitId: a.id, roles: [role], username: `m_${role}`, overseenUnitIds: role === 'leader' ? [a.id] : [] });
    clients.set(role, await loginAs(t.app, `m_${role}`));
  }
});
afterAll(() => t.close());

/** Every method and path registered under /api, as 'GET /api/units/:id'. */
function registeredRoutes(): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`));
}

describe('authorisation matrix', () => {
  it('has a row for every route that is neither public nor pending, and no row for a route that is gone', () => {
    const registered = registeredRoutes();
    const covered = new Set([...rows.map((r) => r.route), ...pending, ...Object.keys(publicRoutes)]);
    expect(registered.filter((r) => !covered.has(r)), 'routes without a row in test/authz/').toEqual([]);
    const known = new Set(registered);
    expect([...covered].filter((r) => !known.has(r)), 'rows for routes that do not exist').toEqual([]);
    expect(new Set(rows.map((r) => r.route)).size, 'one row per route').toBe(rows.length);
  });

  it('refuses an anonymous caller with 401 on every row', async () => {
    const failures: string[] = [];
    for (const row of rows) {
      const res = await t.app.inject(await row.request(f, 'own'));
      if (res.statusCode !== 401) failures.push(`${row.route} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('never lets an anonymous caller into a pending route', async () => {
    // Without a valid body, schema validation may answer 400 before the access check; never 2xx.
    const failures: string[] = [];
    for (const route of pending) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await t.app.inject({ method: method as 'GET', url: path.replace(/:[a-zA-Z]+/g, '1'), ...(['GET', 'DELETE'].includes(method) ? {} : { payload: {} }) });
      if (![400, 401].includes(res.statusCode)) failures.push(`${route} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('allows exactly the roles each row names, on their own unit and on another', async () => {
    const failures: string[] = [];
    for (const row of rows) {
      for (const target of (row.scoped ? ['own', 'other'] : ['own']) as Target[]) {
        for (const role of ROLES) {
          const grant = row.allow[role];
          const allowed = grant === 'any' || (grant === 'own' && target === 'own');
          const res = await clients.get(role)!.request(await row.request(f, target));
          const s = res.statusCode;
          const ok = allowed ? (s >= 200 && s < 300) || (row.allowedStatus ?? []).includes(s) : s === 403 || (s === 404 && row.scoped === true);
          if (!ok) failures.push(`${row.route} as ${role} on ${target} unit: expected ${allowed ? 'allowed' : 'denied'}, got ${s} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps unit A’s head out of unit B’s data', async () => {
    const head = clients.get('unit_head')!;
    const listed = (await head.get('/api/units')).json<{ items: { id: number; path: string }[] }>().items;
    expect(listed.map((u) => u.id)).toEqual(expect.arrayContaining([f.units.a, f.units.a1]));
    expect(listed.every((u) => u.path.startsWith(`/${f.units.root}/${f.units.a}/`))).toBe(true);
    expect((await head.get(`/api/units/${f.units.b}`)).statusCode).toBe(404);
    expect((await head.get(`/api/units/${f.units.a1}`)).statusCode).toBe(200);
    expect((await head.patch(`/api/units/${f.units.b}`, { name: '越权改名' })).statusCode).toBe(403);
    const reporter = clients.get('reporter')!;
    expect((await reporter.get(`/api/units/${f.units.a1}`)).statusCode).toBe(404);
  });
});
