import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, units } from '../../db/schema/index.js';

let t: TestApp;
let sys: Client;
let org: Client;
let headA: Client;
let ids: { root: number; a: number; a1: number; b: number };

function multipart(name: string, content: Buffer) {
  const boundary = '----leitai';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const payload = Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The downloaded template with the example row replaced by `rows`. */
async function filled(c: Client, url: string, rows: (string | null)[][]): Promise<Buffer> {
  const res = await c.get(url);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
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
  const a1 = await buildUnit(db, { parentId: a.id, name: '住建局城建科', code: 'zjj-cj' });
  const b = await buildUnit(db, { parentId: root.id, name: '区城管局', code: 'cgj' });
  ids = { root: root.id, a: a.id, a1: a1.id, b: b.id };
  await buildUser(db, { unitId: root.id, roles: ['sysadmin'], username: 'sys' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: a.id, roles: ['unit_head'], username: 'ha' });
  [sys, org, headA] = await Promise.all([loginAs(t.app, 'sys'), loginAs(t.app, 'org'), loginAs(t.app, 'ha')]);
});
afterAll(() => t.close());

describe('units', () => {
  it('lists only the actor’s scope: a unit head sees its subtree', async () => {
    const all = (await org.get('/api/units')).json<{ items: { code: string }[] }>().items.map((u) => u.code);
    expect(all).toEqual(expect.arrayContaining(['root', 'zjj', 'zjj-cj', 'cgj']));
    const mine = (await headA.get('/api/units'))
      .json<{ items: { code: string }[] }>()
      .items.map((u) => u.code)
      .sort();
    expect(mine).toEqual(['zjj', 'zjj-cj']);
    expect((await headA.get(`/api/units/${ids.b}`)).statusCode).toBe(404);
    expect((await headA.patch(`/api/units/${ids.a}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('creates, renames and audits with before and after', async () => {
    const res = await sys.post('/api/units', {
      code: 'jyj',
      name: '区教育局',
      kind: 'department',
      parentId: ids.root,
      categoryId: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { id, path } = res.json<{ id: number; path: string }>();
    expect(path).toBe(`/${ids.root}/${id}/`);
    expect(
      (
        await sys.post('/api/units', {
          code: 'jyj',
          name: '重复',
          kind: 'department',
          parentId: ids.root,
          categoryId: null,
        })
      ).statusCode,
    ).toBe(409);
    const renamed = await org.patch(`/api/units/${id}`, { name: '区教育和体育局' });
    expect(renamed.json()).toMatchObject({ name: '区教育和体育局', sortOrder: 0, kind: 'department' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.update'), eq(auditLog.targetId, String(id))))
      .orderBy(auditLog.id);
    expect(entry).toMatchObject({ before: { name: '区教育局' }, after: { name: '区教育和体育局' } });
  });

  it('moves a subtree, rewriting every path, and refuses a move under its own descendant', async () => {
    expect((await org.patch(`/api/units/${ids.a}`, { parentId: ids.a1 })).statusCode).toBe(422);
    const moved = await org.patch(`/api/units/${ids.a}`, { parentId: ids.b });
    expect(moved.statusCode, moved.body).toBe(200);
    const [child] = await t.database.db.select().from(units).where(eq(units.id, ids.a1));
    expect(child!.path).toBe(`/${ids.root}/${ids.b}/${ids.a}/${ids.a1}/`);
    await org.patch(`/api/units/${ids.a}`, { parentId: ids.root });
  });

  it('refuses to deactivate a unit with active users or children', async () => {
    const res = await org.patch(`/api/units/${ids.a}`, { active: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/1 个在用下级单位、1 个在用账号/);
    expect((await org.patch(`/api/units/${ids.a1}`, { active: false })).json()).toMatchObject({ active: false });
  });

  it('manages categories and keeps one that is in use', async () => {
    const cat = (await org.post('/api/categories', { code: 'jj', name: '经济部门' })).json<{ id: number }>();
    await org.patch(`/api/units/${ids.b}`, { categoryId: cat.id });
    expect((await org.delete(`/api/categories/${cat.id}`)).statusCode).toBe(422);
    expect((await headA.post('/api/categories', { code: 'x', name: 'x' })).statusCode).toBe(403);
    expect((await org.patch(`/api/categories/${cat.id}`, { name: '经济类部门' })).json()).toMatchObject({
      name: '经济类部门',
      code: 'jj',
    });
  });
});

describe('unit Excel import', () => {
  const count = async () => (await t.database.db.select().from(units)).length;

  it('reports every bad row by row and column and writes nothing', async () => {
    const before = await count();
    const file = await filled(org, '/api/units/template', [
      ['xq', '新区管委', '功能区', 'root', '', ''],
      ['xq-1', '新区办公室', '部门', 'xq', '', '1'],
      ['zjj', '重复编码', '部门', 'root', '', ''],
      ['bad code', '坏编码', '部门', 'nowhere', '', 'x'],
    ]);
    const res = await org.request({ method: 'POST', url: '/api/units/import', ...multipart('单位.xlsx', file) });
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().error.details.errors as { row: number; column: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['4:单位编码', '5:上级单位编码', '5:单位编码', '5:排序']);
    expect(await count()).toBe(before);
  });

  it('imports a valid file with parents defined later in the same file, all in one go', async () => {
    const file = await filled(org, '/api/units/template', [
      ['xq-1', '新区办公室', '部门', 'xq', '', '1'],
      ['xq', '新区管委', '功能区', 'root', '', ''],
    ]);
    const res = await org.request({ method: 'POST', url: '/api/units/import', ...multipart('单位.xlsx', file) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const [child] = await t.database.db.select().from(units).where(eq(units.code, 'xq-1'));
    const [parent] = await t.database.db.select().from(units).where(eq(units.code, 'xq'));
    expect(child!.path).toBe(`${parent!.path}${child!.id}/`);
    const exported = await org.get('/api/units/export');
    expect(exported.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
  });

  it('refuses a cycle inside the file', async () => {
    const file = await filled(org, '/api/units/template', [
      ['c1', '甲', '部门', 'c2', '', ''],
      ['c2', '乙', '部门', 'c1', '', ''],
    ]);
    const res = await org.request({ method: 'POST', url: '/api/units/import', ...multipart('单位.xlsx', file) });
    expect(res.json().error.details.errors).toHaveLength(2);
    expect(res.json().error.details.errors[0].message).toMatch(/循环/);
  });
});
