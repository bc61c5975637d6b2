import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@leitai/core';
import {
  campaigns,
  categories,
  dispatchPeriods,
  indicators,
  ledgerEvents,
  ledgerExtensions,
  ledgerItems,
  notifications,
  reportValues,
  reports,
  targets,
} from '../src/db/schema/index.js';
import { createTestApp, type TestApp } from './harness.js';
import { buildUnit, buildUser, loginAs, type Client } from './factories.js';
import { ledgerItem } from './authz/ledger.js';
import { publicRoutes } from './authz/public.js';
import type { Fixture, MatrixRow, Target } from './authz/types.js';

/**
 * The authorisation matrix (issue 2): every /api route × every role × own unit and another unit →
 * allowed or denied, as each feature's table in test/authz/ says. A route without a row fails.
 */
const tables = readdirSync(new URL('./authz/', import.meta.url)).filter(
  (f) => f.endsWith('.ts') && !['types.ts', 'public.ts'].includes(f),
);
const rows: MatrixRow[] = [];
for (const file of tables) {
  const spec = `./authz/${file}`;
  const mod = (await import(/* @vite-ignore */ spec)) as { rows?: MatrixRow[] };
  rows.push(...(mod.rows ?? []));
}

let t: TestApp;
let f: Fixture;
const clients = new Map<Role, Client>();
const userIds = new Map<Role, number>();
/** An organiser of office B: the root's records and unit A lie outside its subtree. */
let otherOffice: Client;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '矩阵区' });
  const a = await buildUnit(db, { name: '甲局', parentId: root.id });
  const a1 = await buildUnit(db, { name: '甲局一科', parentId: a.id });
  // B is an office of its own (a street's): its organiser is every organiser row's other-subtree column.
  const b = await buildUnit(db, { name: '乙街道', parentId: root.id, isOffice: true });
  const victimA = await buildUser(db, { unitId: a.id, roles: ['reporter'] });
  const victimB = await buildUser(db, { unitId: b.id, roles: ['reporter'] });
  const [category] = await db
    .insert(categories)
    .values({ code: 'matrix', name: '矩阵类别' })
    .returning({ id: categories.id });
  let n = 0;
  f = {
    db,
    units: { root: root.id, a: a.id, a1: a1.id, b: b.id },
    office: root.id,
    unitOf: (target) => (target === 'own' ? a.id : b.id),
    victimOf: (target) => (target === 'own' ? victimA.id : victimB.id),
    categoryId: category!.id,
    next: () => ++n,
  };
  for (const role of ROLES) {
    userIds.set(
      role,
      (
        await buildUser(db, {
          unitId: a.id,
          roles: [role],
          username: `m_${role}`,
          overseenUnitIds: role === 'leader' ? [a.id] : [],
        })
      ).id,
    );
    clients.set(role, await loginAs(t.app, `m_${role}`));
  }
  await buildUser(db, { unitId: b.id, roles: ['organiser'], username: 'm_organiser_b' });
  otherOffice = await loginAs(t.app, 'm_organiser_b');
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
  it('has a row for every route that is not public, and no row for a route that is gone', () => {
    const registered = registeredRoutes();
    const covered = new Set([...rows.map((r) => r.route), ...Object.keys(publicRoutes)]);
    expect(
      registered.filter((r) => !covered.has(r)),
      'routes without a row in test/authz/',
    ).toEqual([]);
    const known = new Set(registered);
    expect(
      [...covered].filter((r) => !known.has(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
    expect(new Set(rows.map((r) => r.route)).size, 'one row per route').toBe(rows.length);
  });

  it('refuses an anonymous caller with 401 on every row', async () => {
    const failures: string[] = [];
    for (const row of rows) {
      const req = await row.request(f, 'own');
      const res = await t.app.inject(req);
      if (req.payloadAsStream) res.stream().destroy();
      if (res.statusCode !== 401) failures.push(`${row.route} → ${res.statusCode}`);
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
          const req = await row.request(f, target);
          const res = await clients.get(role)!.request(req);
          if (req.payloadAsStream) res.stream().destroy();
          const s = res.statusCode;
          const ok = allowed
            ? (s >= 200 && s < 300) || (row.allowedStatus ?? []).includes(s)
            : s === 403 || (s === 404 && row.scoped === true);
          if (!ok)
            failures.push(
              `${row.route} as ${role} on ${target} unit: expected ${allowed ? 'allowed' : 'denied'}, got ${s} ${req.payloadAsStream ? '' : res.body.slice(0, 120)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000); // ~900 requests: seconds on an idle machine, minutes on a loaded CI runner

  it('refuses every organiser row to an organiser of another office, but where it acts only in its own', async () => {
    const failures: string[] = [];
    for (const row of rows.filter((r) => r.allow.organiser !== undefined)) {
      const req = await row.request(f, 'own');
      const res = await otherOffice.request(req);
      if (req.payloadAsStream) res.stream().destroy();
      const s = res.statusCode;
      const ok =
        row.otherOffice !== undefined
          ? (s >= 200 && s < 300) || (row.allowedStatus ?? []).includes(s)
          : s === 403 || s === 404;
      if (!ok)
        failures.push(
          `${row.route} as another office's organiser: expected ${row.otherOffice ?? 'denied'}, got ${s} ${req.payloadAsStream ? '' : res.body.slice(0, 120)}`,
        );
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('lets an office read the results of the office below it but not run them; the office below sees nothing above', async () => {
    const Y = new Date().getFullYear();
    const root = clients.get('organiser')!;
    const arenaBody = (unitId: number) => ({
      title: `乙街道书记擂台${f.next()}`,
      heldOn: `${Y}-06-28`,
      groups: [{ id: '领导评委', weight: 1 }],
      contestants: [{ unitId }],
      judges: [{ name: '评委甲', groupId: '领导评委' }],
    });
    // B's office sets up its own arena, for its own units only.
    expect((await otherOffice.post('/api/arenas', arenaBody(f.units.a))).statusCode).toBe(403);
    const made = await otherOffice.post('/api/arenas', arenaBody(f.units.b));
    expect(made.statusCode).toBe(201);
    const streetArena = made.json<{ id: number }>().id;
    const ownOfRoot = (await root.post('/api/arenas', arenaBody(f.units.a))).json<{ id: number }>().id;
    const districtArena = (await root.get('/api/arenas')).json<{ id: number; office: { id: number } }[]>();
    // The district reads it (listed, with its office, not manageable) and may not run it.
    const listed = districtArena.find((a) => a.id === streetArena);
    expect(listed).toMatchObject({ office: { id: f.units.b }, manageable: false });
    expect((await root.get(`/api/arenas/${streetArena}`)).statusCode).toBe(200);
    expect((await root.post(`/api/arenas/${streetArena}/draw`, { seed: 'x' })).statusCode).toBe(403);
    expect((await otherOffice.post(`/api/arenas/${streetArena}/draw`, { seed: 'x' })).statusCode).toBe(200);
    // The street sees none of the district's arenas.
    const streetList = (await otherOffice.get('/api/arenas')).json<{ id: number }[]>().map((a) => a.id);
    expect(streetList).toEqual([streetArena]);
    expect((await otherOffice.get(`/api/arenas/${ownOfRoot}`)).statusCode).toBe(404);
    expect((await otherOffice.get(`/api/arenas/${ownOfRoot}/result`)).statusCode).toBe(404);

    // The same for the ledger: B's item is read by the district and worked only by B's office.
    const item = await otherOffice.post('/api/ledger/items', {
      title: '乙街道交办事项',
      source: '会议决定',
      leadUnitId: f.units.b,
      deadline: `${Y + 1}-09-30`,
    });
    expect(item.statusCode).toBe(200);
    const itemId = item.json<{ id: number }>().id;
    expect((await root.get(`/api/ledger/items/${itemId}`)).statusCode).toBe(200);
    expect(
      (await root.post(`/api/ledger/items/${itemId}/actions`, { action: 'close', text: '越级销号' })).statusCode,
    ).toBe(403);
    const rootItem = await ledgerItem(f, 'own');
    expect((await otherOffice.get(`/api/ledger/items/${rootItem}`)).statusCode).toBe(404);
    const streetItems = (await otherOffice.get('/api/ledger/items')).json<{ items: { id: number }[] }>().items;
    expect(streetItems.map((i) => i.id)).toEqual([itemId]);
    expect(
      (
        await otherOffice.post('/api/ledger/items', {
          title: '越权交办事项',
          source: '会议决定',
          leadUnitId: f.units.a,
          deadline: `${Y + 1}-09-30`,
        })
      ).statusCode,
    ).toBe(403);
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

  it('keeps unit A out of unit B’s ledger items: not listed, not opened, not acted on', async () => {
    const Y = new Date().getFullYear();
    const own = await ledgerItem(f, 'own');
    const other = await ledgerItem(f, 'other');
    const shared = await ledgerItem(f, 'other', { coUnitIds: [f.units.a] });
    const attempts = [
      { action: 'acknowledge' },
      { action: 'progress', text: '越权报送进展', fileIds: [] },
      { action: 'request_extension', deadline: `${Y + 2}-06-30`, reason: '越权申请延期' },
    ];
    for (const role of ['leader', 'unit_head', 'reporter'] as const) {
      const c = clients.get(role)!;
      const listed = (await c.get('/api/ledger/items')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
      expect(listed, role).toEqual(expect.arrayContaining([own, shared]));
      expect(listed, role).not.toContain(other);
      // Counts by lead unit: B appears only with the item A co-operates on.
      const counts = (await c.get('/api/ledger/counts')).json<{ units: { unitId: number; total: number }[] }>().units;
      expect(counts.find((u) => u.unitId === f.units.b)?.total, role).toBe(1);
      // Close-out rates rank only units in scope: no partial rate for B from the shared item.
      const rates = (await c.get(`/api/ledger/rates?period=${Y + 1}`)).json<{ rows: { unitId: string }[] }>().rows;
      expect(
        rates.map((r) => r.unitId),
        role,
      ).not.toContain(String(f.units.b));
      expect((await c.get(`/api/ledger/items/${other}`)).statusCode, role).toBe(404);
      for (const body of attempts)
        expect((await c.post(`/api/ledger/items/${other}/actions`, body)).statusCode, `${role} ${body.action}`).toBe(
          404,
        );
    }
    const [after] = await f.db.select().from(ledgerItems).where(eq(ledgerItems.id, other));
    expect({ state: after!.state, version: after!.version, deadline: after!.deadline }).toEqual({
      state: 'assigned',
      version: 1,
      deadline: `${Y + 1}-12-31`,
    });
    expect(await f.db.select().from(ledgerEvents).where(eq(ledgerEvents.itemId, other))).toEqual([]);
    expect(await f.db.select().from(ledgerExtensions).where(eq(ledgerExtensions.itemId, other))).toEqual([]);

    // A co-operating unit sees B's item but signs for nothing: that is the lead unit's. The office's steps stay the office's.
    const head = clients.get('unit_head')!;
    expect((await head.get(`/api/ledger/items/${shared}`)).statusCode).toBe(200);
    expect((await head.post(`/api/ledger/items/${shared}/actions`, { action: 'acknowledge' })).statusCode).toBe(403);
    expect(
      (
        await head.post(`/api/ledger/items/${own}/actions`, {
          action: 'reassign',
          leadUnitId: f.units.b,
          reason: '越权转办',
        })
      ).statusCode,
    ).toBe(403);
    expect((await head.post(`/api/ledger/items/${own}/split`, { parts: [{ unitId: f.units.b }] })).statusCode).toBe(
      403,
    );
  });

  it('keeps unit A out of unit B’s dispatch report: not read, not filled, not submitted', async () => {
    const Y = new Date().getFullYear();
    const [c] = await f.db
      .insert(campaigns)
      .values({
        officeUnitId: f.office,
        name: `越权检查${f.next()}`,
        startYear: Y,
        endYear: Y,
        cadence: { dispatch: 'monthly' },
      })
      .returning();
    const [i] = await f.db
      .insert(indicators)
      .values({
        campaignId: c!.id,
        name: '固定资产投资',
        measure: '亿元',
        kind: 'cumulative',
        profile: { kind: 'linear' },
        rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
      })
      .returning();
    for (const unitId of [f.units.a, f.units.b])
      await f.db.insert(targets).values({ indicatorId: i!.id, unitId, year: Y, base: '80', stretch: '100' });
    const [p] = await f.db
      .insert(dispatchPeriods)
      .values({ campaignId: c!.id, period: `${Y}-01`, deadline: `${Y + 1}-12-31` })
      .returning();
    const [r] = await f.db
      .insert(reports)
      .values({ periodId: p!.id, unitId: f.units.b, state: 'draft', version: 1, progress: '乙局原文' })
      .returning();
    await f.db.insert(reportValues).values({ reportId: r!.id, indicatorId: i!.id, value: '5' });
    const base = `/api/dispatch/campaigns/${c!.id}/units/${f.units.b}/report`;
    const q = `?period=${Y}-01`;
    for (const role of ['leader', 'unit_head', 'reporter'] as const) {
      const cl = clients.get(role)!;
      expect((await cl.get(`${base}${q}`)).statusCode, role).toBe(403);
      expect(
        (await cl.put(`${base}${q}`, { values: { [i!.id]: '999' }, progress: '越权改写', version: 1 })).statusCode,
        role,
      ).toBe(403);
      expect((await cl.post(`${base}/submit${q}`, { version: 1 })).statusCode, role).toBe(403);
      expect(
        (await cl.get(`/api/dispatch/campaigns/${c!.id}/units/${f.units.b}/overview?year=${Y}`)).statusCode,
        role,
      ).toBe(403);
      const listed = (await cl.get(`/api/dispatch/campaigns/${c!.id}/targets?year=${Y}`)).json<{
        targets: { unitId: number }[];
      }>().targets;
      expect(
        listed.map((t) => t.unitId),
        role,
      ).toEqual([f.units.a]);
    }
    const [kept] = await f.db.select().from(reports).where(eq(reports.id, r!.id));
    expect({ state: kept!.state, version: kept!.version, progress: kept!.progress }).toEqual({
      state: 'draft',
      version: 1,
      progress: '乙局原文',
    });
    expect(
      (await f.db.select().from(reportValues).where(eq(reportValues.reportId, r!.id))).map((v) => v.value),
    ).toEqual(['5']);
  });

  it('answers 404 for an arena, report, target or ledger item that does not exist, whoever may act on one', async () => {
    const office = clients.get('organiser')!;
    const missing = 987_654;
    const calls = [
      office.get(`/api/arenas/${missing}`),
      office.post(`/api/arenas/${missing}/host`, { type: 'start' }),
      office.get(`/api/arenas/${missing}/result`),
      office.post(`/api/dispatch/reports/${missing}/review`, { action: 'accept', version: 1 }),
      office.post(`/api/dispatch/targets/${missing}/decision`, { approve: true }),
      office.get(`/api/ledger/items/${missing}`),
      office.post(`/api/ledger/items/${missing}/actions`, { action: 'close', text: '' }),
      clients.get('unit_head')!.post(`/api/dispatch/targets/${missing}/change`, { base: '70', reason: '测试不存在' }),
    ];
    expect((await Promise.all(calls)).map((r) => [r.statusCode, r.json().error?.message])).toEqual([
      [404, '擂台赛不存在或无权访问'],
      [404, '擂台赛不存在或无权访问'],
      [404, '擂台赛不存在或无权访问'],
      [404, '报表不存在或无权访问'],
      [404, '目标不存在或无权访问'],
      [404, '督办事项不存在或无权访问'],
      [404, '督办事项不存在或无权访问'],
      [404, '目标不存在或无权访问'],
    ]);
  });

  it('shows each account only its own notifications, and marks only those', async () => {
    const [mine] = await f.db
      .insert(notifications)
      .values({ userId: userIds.get('unit_head')!, kind: 'matrix', title: '本人通知' })
      .returning();
    const [theirs] = await f.db
      .insert(notifications)
      .values({ userId: f.victimOf('other'), kind: 'matrix', title: '他人通知' })
      .returning();
    const head = clients.get('unit_head')!;
    const ids = (await head.get('/api/notifications')).json<{ items: { id: number }[] }>().items.map((n) => n.id);
    expect(ids).toContain(mine!.id);
    expect(ids).not.toContain(theirs!.id);
    expect((await head.post('/api/notifications/read', { ids: [theirs!.id] })).json()).toEqual({ marked: 0 });
    expect((await head.post('/api/notifications/read', { ids: [mine!.id, theirs!.id] })).json()).toEqual({ marked: 1 });
    const [still] = await f.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(still!.readAt).toBeNull();
  });
});
