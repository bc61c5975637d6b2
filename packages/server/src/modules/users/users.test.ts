import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, sessions, users } from '../../db/schema/index.js';

let t: TestApp;
let sys: Client;
let org: Client;
let sec: Client;
let headA: Client;
let ids: { root: number; a: number; b: number; org: number; sys: number; sec: number; ra: number };

function multipart(name: string, content: Buffer) {
  const boundary = '----leitai';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function filled(c: Client, rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await c.get('/api/users/template')).rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.spliceRows(2, 1);
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区', code: 'root' });
  const a = await buildUnit(db, { parentId: root.id, name: '区住建局', code: 'zjj' });
  const b = await buildUnit(db, { parentId: root.id, name: '区城管局', code: 'cgj' });
  const s = await buildUser(db, { unitId: root.id, roles: ['sysadmin'], username: 'sys' });
  const o = await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  const se = await buildUser(db, { unitId: root.id, roles: ['secadmin'], username: 'sec' });
  await buildUser(db, { unitId: a.id, roles: ['unit_head'], username: 'ha' });
  const ra = await buildUser(db, { unitId: a.id, roles: ['reporter'], username: 'ra' });
  ids = { root: root.id, a: a.id, b: b.id, org: o.id, sys: s.id, sec: se.id, ra: ra.id };
  [sys, org, sec, headA] = await Promise.all([
    loginAs(t.app, 'sys'),
    loginAs(t.app, 'org'),
    loginAs(t.app, 'sec'),
    loginAs(t.app, 'ha'),
  ]);
});
afterAll(() => t.close());

describe('users', () => {
  it('creates an account with a one-time password that must be changed, never auditing the hash', async () => {
    const res = await org.post('/api/users', {
      username: 'rb',
      displayName: '李四',
      unitId: ids.b,
      roles: ['reporter'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { user, temporaryPassword } = res.json<{ user: { id: number }; temporaryPassword: string }>();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'rb', password: temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(true);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(user.id)))
      .orderBy(auditLog.id);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|passwordHash/);
    expect(
      (await org.post('/api/users', { username: 'RB', displayName: '重名', unitId: ids.b, roles: ['reporter'] }))
        .statusCode,
    ).toBe(409);
  });

  it('keeps the three admins apart: the organiser may not hand out or touch admin roles', async () => {
    const res = await org.post('/api/users', {
      username: 'sys2',
      displayName: '王五',
      unitId: ids.root,
      roles: ['sysadmin'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/系统管理员/);
    expect((await org.post(`/api/users/${ids.sec}/reset-password`)).statusCode).toBe(403);
    const combined = await sys.post('/api/users', {
      username: 'x1',
      displayName: '赵六',
      unitId: ids.root,
      roles: ['secadmin', 'auditor'],
    });
    expect(combined.json().error.message).toMatch(/三员分立/);
    expect(
      (await sys.post('/api/users', { username: 'aud', displayName: '审计员', unitId: ids.root, roles: ['auditor'] }))
        .statusCode,
    ).toBe(202);
    expect(
      (await sec.post('/api/users', { username: 'x2', displayName: 'x', unitId: ids.root, roles: ['reporter'] }))
        .statusCode,
    ).toBe(403);
    expect((await sec.get('/api/users')).statusCode).toBe(200);
  });

  it('三员分立 takes two people: the system admin asks, the security admin decides, neither acts alone', async () => {
    const { db } = t.database;
    const countUsers = async () => (await db.select({ id: users.id }).from(users)).length;
    const before = await countUsers();
    // A new auditor: asked for (202), not made.
    const asked = await sys.post('/api/users', {
      username: 'aud2',
      displayName: '审计员二',
      unitId: ids.root,
      roles: ['auditor'],
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().pending.message).toMatch(/安全管理员审批/);
    expect(await countUsers()).toBe(before);
    // Resetting the security admin's password, or taking the auditor role onto an ordinary account: asked too.
    const reset = await sys.post(`/api/users/${ids.sec}/reset-password`);
    expect(reset.statusCode).toBe(202);
    expect(reset.json()).not.toHaveProperty('temporaryPassword');
    const promote = await sys.patch(`/api/users/${ids.ra}`, { roles: ['auditor'] });
    expect(promote.statusCode).toBe(202);
    expect((await db.select({ roles: users.roles }).from(users).where(eq(users.id, ids.ra)))[0]!.roles).toEqual([
      'reporter',
    ]);
    // Nobody but the security admin may see or decide; the security admin may not ask.
    expect((await sys.get('/api/users/admin-requests')).statusCode).toBe(403);
    expect(
      (await sys.post(`/api/users/admin-requests/${asked.json().pending.id}/decide`, { approve: true })).statusCode,
    ).toBe(403);
    expect((await sec.post(`/api/users/${ids.sys}/reset-password`)).statusCode).toBe(403);
    const list = (await sec.get('/api/users/admin-requests')).json().items as {
      id: number;
      kindLabel: string;
      state: string;
    }[];
    expect(list.filter((r) => r.state === 'pending').map((r) => r.kindLabel)).toEqual([
      '修改管理员账号',
      '重置管理员密码',
      '新建管理员账号',
      '新建管理员账号', // the auditor the test before asked for
    ]);
    // Approval carries the change out; the one-time password goes to the approver, never to the system admin.
    const approved = await sec.post(`/api/users/admin-requests/${asked.json().pending.id}/decide`, {
      approve: true,
      reason: '经局党组研究同意',
    });
    expect(approved.json()).toMatchObject({ state: 'approved', temporaryPassword: expect.any(String) });
    expect(await countUsers()).toBe(before + 1);
    const refused = await sec.post(`/api/users/admin-requests/${promote.json().pending.id}/decide`, {
      approve: false,
      reason: '业务人员不兼任审计管理员',
    });
    expect(refused.json()).toEqual({ state: 'refused' });
    expect(
      (await sec.post(`/api/users/admin-requests/${promote.json().pending.id}/decide`, { approve: true })).statusCode,
    ).toBe(409);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id)).map(
      (r) => r.action,
    );
    expect(actions.filter((a) => a.startsWith('user.admin_request'))).toEqual([
      'user.admin_request',
      'user.admin_request',
      'user.admin_request',
      'user.admin_request',
      'user.admin_request_approve',
      'user.admin_request_refuse',
    ]);
  });

  it('refuses changes to one’s own roles', async () => {
    const res = await org.patch(`/api/users/${ids.org}`, { roles: ['organiser', 'leader'] });
    expect(res.statusCode).toBe(403);
    expect((await org.patch(`/api/users/${ids.org}`, { displayName: '考核办主任' })).json()).toMatchObject({
      displayName: '考核办主任',
    });
  });

  it('resets a password: a new one-time password, and the user’s sessions end', async () => {
    await loginAs(t.app, 'ra');
    const res = await org.post(`/api/users/${ids.ra}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, ids.ra))).toEqual([]);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, ids.ra));
    expect(row!.mustChangePassword).toBe(true);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.password_reset'), eq(auditLog.targetId, String(ids.ra))))
      .orderBy(auditLog.id);
    expect(entry).toBeDefined();
  });

  it('disables and enables; a disabled account cannot sign in', async () => {
    const u = await buildUser(t.database.db, { unitId: ids.a, roles: ['reporter'], username: 'rc' });
    expect((await org.patch(`/api/users/${u.id}`, { active: false })).json()).toMatchObject({ active: false });
    await expect(loginAs(t.app, 'rc')).rejects.toThrow(/401/);
    await org.patch(`/api/users/${u.id}`, { active: true });
    await expect(loginAs(t.app, 'rc')).resolves.toBeDefined();
  });

  it('sets a leader’s overseen units, and only for leaders', async () => {
    const leader = await org.post('/api/users', {
      username: 'ld',
      displayName: '区领导',
      unitId: ids.root,
      roles: ['leader'],
      overseenUnitIds: [ids.a],
    });
    expect(leader.json()).toMatchObject({ user: { overseenUnitIds: [ids.a] } });
    const bad = await org.post('/api/users', {
      username: 'r9',
      displayName: 'x',
      unitId: ids.a,
      roles: ['reporter'],
      overseenUnitIds: [ids.b],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lists with search and paging; a unit head may not list users at all', async () => {
    const page = (await org.get('/api/users?q=r&pageSize=2&page=1')).json<{ items: unknown[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await headA.get('/api/users')).statusCode).toBe(403);
    expect((await org.get(`/api/users/${ids.ra}`)).json()).not.toHaveProperty('passwordHash');
  });
});

describe('user Excel import', () => {
  it('reports each bad row and writes nothing; then imports all rows with one-time passwords', async () => {
    const before = (await t.database.db.select().from(users)).length;
    const bad = await filled(org, [
      ['new1', '甲', 'zjj', '单位填报员', '', ''],
      ['new1', '乙', 'nowhere', '管理员', '', ''],
      ['new3', '丙', 'cgj', '系统管理员', '', ''],
    ]);
    const res = await org.request({ method: 'POST', url: '/api/users/import', ...multipart('用户.xlsx', bad) });
    expect(res.statusCode).toBe(422);
    const errors = res.json().error.details.errors as { row: number; column: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:单位编码', '3:用户名', '3:角色', '4:角色']);
    expect((await t.database.db.select().from(users)).length).toBe(before);

    const good = await filled(org, [
      ['new1', '甲', 'zjj', '单位填报员', '', ''],
      ['new2', '乙', 'cgj', '单位负责人、单位填报员', '', '13800000000'],
    ]);
    const ok = await org.request({ method: 'POST', url: '/api/users/import', ...multipart('用户.xlsx', good) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().passwords).toHaveLength(2);
    expect((await t.database.db.select().from(users)).length).toBe(before + 2);
    expect((await org.get('/api/users/export')).statusCode).toBe(200);
  });
});
