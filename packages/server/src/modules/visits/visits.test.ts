import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { multipartFile } from '../../../test/authz/types.js';
import { auditLog, enterpriseAssignments, enterprises, visitRequests } from '../../db/schema/index.js';
import { setTestToday } from '../../jobs/clock.js';
import { CN_2026, saveCalendar } from '../calendar/index.js';

/** 万企走访 through HTTP: the register, 包保, a visit with 诉求, merge, dispatch, the unit's answer, the rating. */
let t: TestApp;
let org: Client;
let cadre: Client;
let other: Client;
let headA: Client;
let headB: Client;
let headC: Client;
const ids = { street: 0, unitA: 0, unitB: 0, unitC: 0, cadre: 0, other: 0 };

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  ids.street = (await buildUnit(db, { parentId: root.id, name: '流亭街道', kind: 'township' })).id;
  ids.unitA = (await buildUnit(db, { parentId: root.id, name: '区工信局' })).id;
  ids.unitB = (await buildUnit(db, { parentId: root.id, name: '区人社局' })).id;
  ids.unitC = (await buildUnit(db, { parentId: root.id, name: '区农业农村局' })).id;
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  ids.cadre = (await buildUser(db, { unitId: ids.unitC, roles: ['reporter'], username: 'cadre' })).id;
  ids.other = (await buildUser(db, { unitId: ids.unitC, roles: ['reporter'], username: 'other' })).id;
  await buildUser(db, { unitId: ids.unitA, roles: ['unit_head'], username: 'heada' });
  await buildUser(db, { unitId: ids.unitB, roles: ['unit_head'], username: 'headb' });
  await buildUser(db, { unitId: ids.unitC, roles: ['unit_head'], username: 'headc' });
  await saveCalendar(db, { id: null, name: 'test', address: null }, CN_2026);
  const clients = await Promise.all(['org', 'cadre', 'other', 'heada', 'headb', 'headc'].map((u) => loginAs(t.app, u)));
  [org, cadre, other, headA, headB, headC] = clients as [Client, Client, Client, Client, Client, Client];
});
afterAll(async () => {
  setTestToday(null);
  await t.close();
});

const good = {
  name: '青岛海川精密机械有限公司',
  creditCode: '91350100M000100Y43',
  industry: '装备制造',
  scale: 'above',
  address: '城阳区春阳路88号',
  contactName: '张经理',
  contactPhone: '13800000000',
};

describe('the enterprise register', () => {
  it('checks the credit code by its check digit and refuses a second copy', async () => {
    const bad = await org.post('/api/visits/enterprises', { ...good, creditCode: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('统一社会信用代码校验位错误（应为 3）');
    const ok = await org.post('/api/visits/enterprises', { ...good, streetUnitId: ids.street });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await org.post('/api/visits/enterprises', good)).statusCode).toBe(409);
    expect(
      (await cadre.post('/api/visits/enterprises', { ...good, creditCode: '91110108551385082Q' })).statusCode,
    ).toBe(403);
  });

  it('imports from the template whole or not at all, with row-level errors, assignments included', async () => {
    const template = await org.get('/api/visits/enterprises/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
    const ws = wb.worksheets[0]!;
    // The template's drop-downs reach row 1000, so rows are written in place rather than appended.
    ws.getRow(2).values = [
      '城阳区示例食品有限公司',
      '91110108551385082Q',
      '食品加工',
      '中小微',
      '流亭街道',
      '',
      '李女士',
      '',
      'cadre',
      '',
    ];
    ws.getRow(3).values = ['错误企业', '91110108551385082A', '', '巨型', '不存在街道', '', '', '', 'nobody', ''];
    const file = async () => Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await org.request({
      method: 'POST',
      url: '/api/visits/enterprises/import',
      ...multipartFile('企业.xlsx', await file()),
    });
    expect(refused.statusCode).toBe(422);
    const errors = refused.json<{ error: { details: { errors: { row: number; column: string }[] } } }>().error.details
      .errors;
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:企业规模',
      '3:包保干部账号',
      '3:所属街道',
      '3:统一社会信用代码',
    ]);
    expect(await t.database.db.select().from(enterprises)).toHaveLength(1);
    ws.getRow(3).values = [];
    const ok = await org.request({
      method: 'POST',
      url: '/api/visits/enterprises/import',
      ...multipartFile('企业.xlsx', await file()),
    });
    expect(ok.json()).toEqual({ imported: 1, assignments: 1 });
    const exported = await org.get('/api/visits/enterprises/export');
    expect(exported.statusCode).toBe(200);
  });

  it('keeps the history when an enterprise is reassigned', async () => {
    const [e] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, good.creditCode));
    await org.post('/api/visits/assignments', { enterpriseId: e!.id, userId: ids.other, role: 'cadre' });
    const res = await org.post('/api/visits/assignments', {
      enterpriseId: e!.id,
      userId: ids.cadre,
      role: 'cadre',
      reason: '岗位调整',
    });
    expect(res.json()).toMatchObject({ replaced: 1 });
    const rows = await t.database.db
      .select()
      .from(enterpriseAssignments)
      .where(eq(enterpriseAssignments.enterpriseId, e!.id));
    expect(rows.map((r) => [r.userId, r.endedOn === null])).toEqual([
      [ids.other, false],
      [ids.cadre, true],
    ]);
    const detail = (await org.get(`/api/visits/enterprises/${e!.id}`)).json<{ assignments: unknown[] }>();
    expect(detail.assignments).toHaveLength(2);
  });
});

describe('a visit and its 诉求 around the closed loop', () => {
  let enterpriseId = 0;
  let first = 0;
  let second = 0;

  it('lets a cadre see and visit only the enterprises assigned to him', async () => {
    const mine = (await cadre.get('/api/visits/mine')).json<{ enterprises: { id: number; name: string }[] }>();
    expect(mine.enterprises.map((e) => e.name).sort()).toEqual(['城阳区示例食品有限公司', '青岛海川精密机械有限公司']);
    enterpriseId = mine.enterprises.find((e) => e.name === good.name)!.id;
    expect((await other.get('/api/visits/mine')).json().enterprises).toEqual([]);
    expect((await other.get(`/api/visits/enterprises/${enterpriseId}`)).statusCode).toBe(404);
    const visit = {
      enterpriseId,
      visitedOn: '2026-09-28',
      companions: '区工信局 刘科长',
      forms: ['policy', 'factor'],
      purposes: ['needs'],
      notes: '企业扩产，反映用工与融资问题',
      requests: [
        { category: 'labour', content: '扩产后急需数控技工 30 名' },
        { category: 'labour', content: '缺少数控技工，希望组织专场招聘' },
      ],
    };
    expect((await other.post('/api/visits', visit)).statusCode).toBe(404);
    expect((await cadre.post('/api/visits', { ...visit, forms: [] })).statusCode).toBe(400);
    const res = await cadre.post('/api/visits', visit);
    expect(res.statusCode, res.body).toBe(200);
    [first, second] = res.json<{ requestIds: number[] }>().requestIds as [number, number];
    const list = (await org.get('/api/visits/requests?stage=registered')).json<{
      items: { id: number; actions: object }[];
    }>();
    expect(list.items.map((i) => i.id).sort()).toEqual([first, second].sort());
    expect(list.items[0]!.actions).toEqual({ dispatch: true, merge: true });
  });

  it('merges the same 诉求 raised twice, keeping every source', async () => {
    expect((await org.post(`/api/visits/requests/${second}/merge`, { intoId: second })).statusCode).toBe(422);
    expect((await org.post(`/api/visits/requests/${second}/merge`, { intoId: first })).statusCode).toBe(200);
    expect((await org.post(`/api/visits/requests/${second}/merge`, { intoId: first })).json().error.message).toBe(
      '该诉求已合并到其他诉求',
    );
    const detail = (await org.get(`/api/visits/requests/${first}`)).json<{
      sources: { requestId: number }[];
      mergedCount: number;
    }>();
    expect(detail.sources.map((s) => s.requestId)).toEqual([first, second]);
    expect(detail.mergedCount).toBe(1);
    const open = (await org.get('/api/visits/requests')).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(open).toEqual([first]);
  });

  it('dispatches it onto the ledger with deadlines in working days, seen by the lead and co-units only', async () => {
    setTestToday('2026-09-29');
    const res = await org.post(`/api/visits/requests/${first}/dispatch`, {
      leadUnitId: ids.unitA,
      coUnitIds: [ids.unitB],
    });
    setTestToday(null);
    expect(res.statusCode, res.body).toBe(200);
    // 3 working days for the co-unit, 7 for the lead unit, over 国庆 and the 调休 Saturday 10 October.
    expect(res.json()).toMatchObject({ deadline: '2026-10-14', coDeadline: '2026-10-09' });
    const itemId = res.json<{ ledgerItemId: number }>().ledgerItemId;
    const item = (await headA.get(`/api/ledger/items/${itemId}`)).json<{
      source: string;
      deadline: string;
      title: string;
    }>();
    expect(item).toMatchObject({
      source: '企业诉求',
      deadline: '2026-10-14',
      title: `【企业诉求】${good.name}：用工招聘`,
    });
    expect((await headB.get(`/api/ledger/items/${itemId}`)).statusCode).toBe(200);
    expect((await headC.get(`/api/ledger/items/${itemId}`)).statusCode).toBe(404);
    expect((await org.post(`/api/visits/requests/${first}/dispatch`, { leadUnitId: ids.unitA })).statusCode).toBe(409);
    expect((await headA.get('/api/visits/requests')).statusCode).toBe(403);
  });

  it('takes the enterprise contact’s rating of the answer on the public page, and the rates follow', async () => {
    const [r] = await t.database.db.select().from(visitRequests).where(eq(visitRequests.id, first));
    const page = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/public/visit-requests/${r!.rateCode}` })).json();
    expect(await page()).toMatchObject({ stage: '分派', mayRate: false, answer: null });
    const rate = (rating: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/visit-requests/${r!.rateCode}/rating`,
        payload: { rating, text: '' },
      });
    expect((await rate('satisfied')).statusCode).toBe(409);
    const itemId = r!.ledgerItemId!;
    await headA.post(`/api/ledger/items/${itemId}/actions`, { action: 'acknowledge' });
    const fileId = (
      await headA.request({ method: 'POST', url: '/api/files', ...multipartFile('招聘会通知.pdf', 'evidence') })
    ).json<{ id: number }>().id;
    const answered = await headA.post(`/api/ledger/items/${itemId}/actions`, {
      action: 'request_close',
      text: '已于 10 月 9 日组织数控技工专场招聘会，达成意向 32 人',
      fileIds: [fileId],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await page()).toMatchObject({
      stage: '答复',
      mayRate: true,
      answer: { text: expect.stringContaining('专场招聘会') },
    });
    const before = (await org.get('/api/visits/coverage?days=30')).json<{
      solved: { unitName: string; rate: number }[];
    }>();
    expect(before.solved).toEqual([
      expect.objectContaining({ unitName: '区工信局', dispatched: 1, solved: 0, rate: 0 }),
    ]);
    // Rated the day before its deadline: closed on time, as the ledger's bulletin counts it.
    setTestToday('2026-10-13');
    expect((await rate('satisfied')).json()).toEqual({ rating: 'satisfied', closed: true });
    setTestToday(null);
    const bulletin = (await org.get('/api/ledger/bulletin?period=2026-10&format=json')).json();
    expect(bulletin.requests).toEqual({ due: 1, onTime: 1, late: 0, overdue: 0, open: 0 });
    expect(await page()).toMatchObject({ stage: '评价', mayRate: false, rating: 'satisfied' });
    const after = (await org.get('/api/visits/coverage?days=30')).json<{ solved: { rate: number }[] }>();
    expect(after.solved[0]!.rate).toBe(1);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/visit-requests/nonexistentcode12345' })).statusCode,
    ).toBe(404);
    const audited = await t.database.db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id);
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'enterprise.import',
        'enterprise.assign',
        'visit.create',
        'visit_request.merge',
        'visit_request.dispatch',
        'visit_request.rate',
      ]),
    );
  });

  it('counts coverage by cadre: an assigned enterprise nobody visited in N days', async () => {
    const c = (await org.get('/api/visits/coverage?days=366&by=cadre')).json<{ rows: object[]; total: object }>();
    expect(c.rows).toEqual([{ label: expect.stringMatching(/^测试用户/), assigned: 2, unvisited: 1, rate: 0.5 }]);
    expect(c.total).toEqual({ assigned: 2, unvisited: 1, rate: 0.5 });
    const xlsx = await org.get('/api/visits/coverage/export?days=30');
    expect(xlsx.statusCode).toBe(200);
  });
});
