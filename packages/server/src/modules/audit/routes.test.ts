import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';

let t: TestApp;
let auditor: Client;
let sys: Client;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区', code: 'root' });
  await buildUser(db, { unitId: root.id, roles: ['auditor'], username: 'aud' });
  await buildUser(db, { unitId: root.id, roles: ['sysadmin'], username: 'sys' });
  [auditor, sys] = await Promise.all([loginAs(t.app, 'aud'), loginAs(t.app, 'sys')]);
  await sys.post('/api/units', {
    code: 'jyj',
    name: '区教育局',
    kind: 'department',
    parentId: root.id,
    categoryId: null,
  });
});
afterAll(() => t.close());

describe('audit routes', () => {
  it('lists newest first with filters and paging, and says the app never deletes entries', async () => {
    const res = await auditor.get('/api/audit?action=unit.&pageSize=5');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: { action: string; actorName: string; after: { name: string } }[];
      total: number;
      retention: { appDeletes: boolean; retentionDays: number };
    }>();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      action: 'unit.create',
      actorName: expect.stringContaining('sys'),
      after: { name: '区教育局' },
    });
    expect(body.retention).toMatchObject({ appDeletes: false, retentionDays: 184 });
    const logins = (await auditor.get('/api/audit?action=auth.login&actor=aud')).json<{ total: number }>();
    expect(logins.total).toBe(1);
    const future = (await auditor.get(`/api/audit?from=${encodeURIComponent('2999-01-01T00:00:00+08:00')}`)).json<{
      total: number;
    }>();
    expect(future.total).toBe(0);
    expect((await auditor.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('is for the auditor alone, and a refusal is on the record', async () => {
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sys.get('/api/audit/verify')).statusCode).toBe(403);
    const denied = (await auditor.get('/api/audit?action=access.denied&actor=sys')).json<{
      items: { targetId: string; after: { status: number; path: string } }[];
    }>();
    expect(denied.items.map((i) => [i.targetId, i.after.status])).toEqual([
      ['GET /api/audit/verify', 403],
      ['GET /api/audit', 403],
    ]);
  });

  it('exports to Excel and verifies the chain, naming a tampered entry', async () => {
    const file = await auditor.get('/api/audit/export');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const { db } = t.database;
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`UPDATE audit_log SET actor_name = '别人' WHERE seq = 2`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenSeq: 2 });
  });
});
