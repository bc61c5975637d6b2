import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { workCalendar } from '@leitai/core';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { multipartFile } from '../../../test/authz/types.js';
import { auditLog, ledgerItems, ratings } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';

let t: TestApp;
let org: Client;
let repA: Client;
let headA: Client;
let repB: Client;
let ids: { a: number; b: number };
let pointA: { id: number; code: string };
let pointB: { id: number; code: string };
const today = shanghaiDate();

let ipSeq = 0;
/** A fresh phone: its own device token and address, as a second citizen would be. */
async function phone(ip = `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`) {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/device', remoteAddress: ip });
  expect(res.statusCode).toBe(200);
  const token = res.json<{ token: string }>().token;
  return {
    rate: (code: string, body: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/points/${code}/ratings`,
        payload: body,
        headers: { 'x-device-token': token },
        remoteAddress: ip,
      }),
  };
}
const rowCount = async () => (await t.database.db.select({ n: count() }).from(ratings))[0]!.n;
const lookup = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/lookup/${code}` })).json();

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  const a = await buildUnit(db, { parentId: root.id, name: '区行政审批局' });
  const b = await buildUnit(db, { parentId: root.id, name: '区城管局' });
  ids = { a: a.id, b: b.id };
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: a.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: a.id, roles: ['unit_head'], username: 'ha' });
  await buildUser(db, { unitId: b.id, roles: ['reporter'], username: 'rb' });
  [org, repA, headA, repB] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'ra'),
    loginAs(t.app, 'ha'),
    loginAs(t.app, 'rb'),
  ]);
  const made = await org.post('/api/ratings/points', {
    unitId: a.id,
    points: [{ name: '3号综合窗口', kind: 'window' }],
  });
  expect(made.statusCode, made.body).toBe(200);
  await org.post('/api/ratings/points', { unitId: b.id, points: [{ name: '综合执法一中队', kind: 'team' }] });
  const list = (await org.get('/api/ratings/points')).json<{
    points: { id: number; code: string; unit: { id: number } }[];
  }>();
  pointA = list.points.find((p) => p.unit.id === a.id)!;
  pointB = list.points.find((p) => p.unit.id === b.id)!;
});
afterAll(() => t.close());

describe('rating points', () => {
  it('a unit sees its own points, not another unit’s', async () => {
    const mine = (await repA.get('/api/ratings/points')).json<{ points: { id: number }[] }>().points;
    expect(mine.map((p) => p.id)).toEqual([pointA.id]);
    // A reporter keeps no points (403); a head of A cannot even see B's (404).
    expect((await repB.patch(`/api/ratings/points/${pointA.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await headA.patch(`/api/ratings/points/${pointB.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await headA.patch(`/api/ratings/points/${pointA.id}`, {})).statusCode).toBe(400);
  });

  it('prints the posters as a PDF and the QR code as a PNG', async () => {
    const pdf = await headA.get('/api/ratings/posters.pdf?size=A5');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const png = await headA.get(`/api/ratings/points/${pointA.id}/qr.png`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('a citizen rates', () => {
  it('shows the form for a point and refuses an unknown one', async () => {
    const form = await t.app.inject({ method: 'GET', url: `/api/public/points/${pointA.code}` });
    expect(form.json()).toMatchObject({ unitName: '区行政审批局', pointName: '3号综合窗口' });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/points/AAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('评价点不存在或无权访问');
  });

  it('once per device and point a day; another device may', async () => {
    const p = await phone();
    const first = await p.rate(pointA.code, { stars: 5, tags: ['服务态度'] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().lookupCode).toMatch(/^[0-9A-Z]{10}$/);
    const again = await p.rate(pointA.code, { stars: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这台设备今天已经评价过这个评价点了，明天可以再评');
    expect((await p.rate(pointB.code, { stars: 4 })).statusCode).toBe(200);
    expect((await (await phone()).rate(pointA.code, { stars: 4 })).statusCode).toBe(200);
  });

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const before = await rowCount();
    const p = await phone();
    const cases: [object, number, RegExp][] = [
      [{ stars: 2 }, 400, /请选择不满意的原因/],
      [{ stars: 5, reason: '服务态度差' }, 400, /只有“不满意”/],
      [{ stars: 2, reason: '没有这个原因' }, 400, /不在可选范围内/],
      [{ stars: 6 }, 400, /评价等级须为 1 到 5/],
      [{ stars: 4, comment: '长'.repeat(501) }, 400, /评价意见不能超过 500 个字/],
      [{ stars: 4, tags: ['颜值'] }, 400, /评价维度“颜值”/],
      [{ stars: 1, reason: '办事效率低', phone: '12345' }, 400, /11 位手机号码/],
    ];
    for (const [body, status, message] of cases) {
      const res = await p.rate(pointA.code, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/public/points/${pointA.code}/ratings`,
      payload: { stars: 4 },
      headers: { 'x-device-token': 'abc.def' },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.message).toBe('设备标识无效，请刷新页面后重新评价');
    const unknown = await p.rate('AAAAAAAAAAAAAAAA', { stars: 4 });
    expect(unknown.statusCode).toBe(404);
    expect(await rowCount()).toBe(before);
  });

  it('binds a case number once (一事一评)', async () => {
    expect((await (await phone()).rate(pointA.code, { stars: 5, caseNo: 'SP2026-0001' })).statusCode).toBe(200);
    const twice = await (await phone()).rate(pointA.code, { stars: 4, caseNo: 'SP2026-0001' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('办件 SP2026-0001 已经评价过了（一事一评）');
  });
});

describe('a bad rating gets fixed', () => {
  let lookupCode = '';
  let itemId = 0;
  let ratingId = 0;

  it('opens a rectification item for the rated unit, due in 5 working days', async () => {
    const res = await (
      await phone()
    ).rate(pointA.code, {
      stars: 1,
      reason: '多次跑动',
      tags: ['办事效率'],
      comment: '材料一次没说清，跑了三趟',
      phone: '13812341234',
    });
    expect(res.statusCode, res.body).toBe(200);
    lookupCode = res.json().lookupCode;
    const [row] = await t.database.db.select().from(ratings).where(eq(ratings.lookupCode, lookupCode));
    expect(row!.phoneCipher).not.toContain('1381234');
    itemId = row!.ledgerItemId!;
    ratingId = row!.id;
    const [item] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, itemId));
    expect(item).toMatchObject({ leadUnitId: ids.a, source: '群众差评', createdBy: null });
    expect(item!.deadline).toBe(workCalendar({ holidays: [], workingWeekends: [] }).addWorkingDays(today, 5));
    expect(await lookup(lookupCode)).toMatchObject({ stateLabel: '整改中', canFollowUp: false, answer: null });
  });

  it('shows the phone masked to the unit only, and audits opening it', async () => {
    const mine = (await repA.get('/api/ratings/list?bad=1')).json<{
      ratings: { id: number; phone: string | null; actions: string[] }[];
    }>();
    const r = mine.ratings.find((x) => x.id === ratingId)!;
    expect(r.phone).toBe('138****1234');
    expect(r.actions).toEqual(['reveal_phone', 'callback', 'appeal']);
    const office = (await org.get('/api/ratings/list?bad=1')).json<{
      ratings: { id: number; phone: string | null }[];
    }>();
    expect(office.ratings.find((x) => x.id === ratingId)!.phone).toBeNull();
    expect((await org.post(`/api/ratings/${ratingId}/phone`)).statusCode).toBe(403);
    expect((await repB.post(`/api/ratings/${ratingId}/phone`)).statusCode).toBe(404);
    const opened = await repA.post(`/api/ratings/${ratingId}/phone`);
    expect(opened.json()).toEqual({ phone: '13812341234' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'rating.phone.reveal'))
      .orderBy(auditLog.id);
    expect(audit).toHaveLength(1);
  });

  it('the unit calls back and answers; the rater sees the answer and gives one 追评', async () => {
    const cb = await repA.post(`/api/ratings/${ratingId}/callback`, {
      caller: '王科长',
      at: new Date().toISOString(),
      outcome: '已电话致歉，说明一次性告知清单',
    });
    expect(cb.statusCode, cb.body).toBe(200);
    const act = (body: object) => repA.post(`/api/ledger/items/${itemId}/actions`, body);
    expect((await act({ action: 'acknowledge' })).statusCode).toBe(200);
    const boundary = '----leitai';
    const file = await repA.request({
      method: 'POST',
      url: '/api/files',
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="告知清单.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const answered = await act({
      action: 'request_close',
      text: '已制定一次性告知清单并张贴到窗口，回访群众表示理解',
      fileIds: [file.json<{ id: number }>().id],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const seen = await lookup(lookupCode);
    expect(seen).toMatchObject({ stateLabel: '已答复', canFollowUp: true });
    expect(seen.answer.text).toContain('一次性告知清单');
    const fu = (body: object) =>
      t.app.inject({ method: 'POST', url: `/api/public/lookup/${lookupCode}/follow-up`, payload: body });
    const unhappy = await fu({ satisfied: false, comment: '清单字太小' });
    expect(unhappy.statusCode, unhappy.body).toBe(200);
    expect(unhappy.json()).toMatchObject({ stateLabel: '追评不满意', canFollowUp: false });
    const [item] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, itemId));
    expect(item!.state).toBe('in_progress');
    const again = await fu({ satisfied: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('已经追评过了，每条评价只能追评一次');
  });

  it('an appeal is decided by the office, not the unit; upheld, the rating leaves the scores', async () => {
    const res = await (await phone()).rate(pointA.code, { stars: 2, reason: '服务态度差', comment: '无理取闹' });
    const [row] = await t.database.db.select().from(ratings).where(eq(ratings.lookupCode, res.json().lookupCode));
    const before = (await org.get(`/api/ratings/overview?from=${today}&to=${today}`)).json();
    const badBefore = before.standings.find((s: { unit: { id: number } }) => s.unit.id === ids.a).counts.bad;
    // The evidence: a file the reporter uploaded; one uploaded by someone else cannot ride along.
    const upload = async (c: Client, name: string) =>
      (await c.request({ method: 'POST', url: '/api/files', ...multipartFile(name, 'evidence') })).json<{
        id: number;
      }>().id;
    const mine = await upload(repA, '窗口监控截图.png');
    const theirs = await upload(repB, '别人的文件.pdf');
    const stolen = await repA.post(`/api/ratings/${row!.id}/appeal`, {
      reason: '监控显示该时段窗口无人办件',
      fileIds: [mine, theirs],
    });
    expect(stolen.statusCode).toBeGreaterThanOrEqual(400);
    expect(stolen.statusCode).toBeLessThan(500);
    expect((await t.database.db.select().from(ratings).where(eq(ratings.id, row!.id)))[0]!.appeal).toBe('none');
    expect(
      (await repA.post(`/api/ratings/${row!.id}/appeal`, { reason: '监控显示该时段窗口无人办件', fileIds: [mine] }))
        .statusCode,
    ).toBe(200);
    // The office sees the evidence with the appeal, and may open it.
    const pending = (await org.get('/api/ratings/list?appeal=pending')).json<{
      ratings: { id: number; appeal: { files: { id: number; name: string }[] } }[];
    }>();
    const listed = pending.ratings.find((r) => r.id === row!.id)!;
    expect(listed.appeal.files.map((f) => f.name)).toEqual(['窗口监控截图.png']);
    const opened = await org.get(`/api/files/${mine}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toBe('evidence');
    expect((await headA.post(`/api/ratings/${row!.id}/decide`, { uphold: true, reason: '自己批' })).statusCode).toBe(
      403,
    );
    const decided = await org.post(`/api/ratings/${row!.id}/decide`, { uphold: true, reason: '经核实为误评' });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = (await org.get(`/api/ratings/overview?from=${today}&to=${today}`)).json();
    expect(after.standings.find((s: { unit: { id: number } }) => s.unit.id === ids.a).counts.bad).toBe(badBefore - 1);
    const [item] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, row!.ledgerItemId!));
    expect(item!.state).toBe('closed');
    expect((await org.post(`/api/ratings/${row!.id}/decide`, { uphold: false, reason: '再审' })).statusCode).toBe(409);
  });
});

describe('honest numbers', () => {
  it('holds a burst for review, counts it only once released', async () => {
    const s = (await org.get('/api/ratings/settings')).json();
    expect((await org.put('/api/ratings/settings', { ...s, burst: { ...s.burst, minCount: 3 } })).statusCode).toBe(200);
    const [point] = (
      await org.post('/api/ratings/points', { unitId: ids.b, points: [{ name: '新开窗口', kind: 'window' }] })
    ).json<{ ids: number[] }>().ids;
    const code = (await org.get('/api/ratings/points'))
      .json<{ points: { id: number; code: string }[] }>()
      .points.find((p) => p.id === point)!.code;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await (await phone()).rate(code, { stars: 5 })).json());
    expect(answers.map((a) => a.held)).toEqual([false, false, true, true]);
    const queue = (await org.get('/api/ratings/list?review=held')).json<{
      ratings: { id: number; actions: string[] }[];
    }>();
    expect(queue.ratings).toHaveLength(2);
    expect(queue.ratings[0]!.actions).toEqual(['release', 'reject']);
    const countB = async () =>
      (await org.get(`/api/ratings/overview?from=${today}&to=${today}`))
        .json()
        .standings.find((x: { unit: { id: number } }) => x.unit.id === ids.b).counts.total;
    const n = await countB();
    expect((await repB.post(`/api/ratings/${queue.ratings[0]!.id}/review`, { release: true })).statusCode).toBe(403);
    expect((await org.post(`/api/ratings/${queue.ratings[0]!.id}/review`, { release: true })).statusCode).toBe(200);
    expect(
      (await org.post(`/api/ratings/${queue.ratings[1]!.id}/review`, { release: false, reason: '同一网段刷好评' }))
        .statusCode,
    ).toBe(200);
    expect(await countB()).toBe(n + 1);
    await org.put('/api/ratings/settings', s);
  });

  it('exports the figures as numbers: ranks as integers, rates as % numbers', async () => {
    const res = await org.get(`/api/ratings/export.xlsx?from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('单位排名')!;
    const header = ws.getRow(4).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['名次', '单位', '类别', '评价数', '满意度']);
    const first = ws.getRow(5);
    expect(typeof first.getCell(1).value).toBe('number');
    expect(Number.isInteger(first.getCell(1).value)).toBe(true);
    expect(typeof first.getCell(6).value).toBe('number');
    expect(first.getCell(6).numFmt).toBe('0.0###%');
    expect(first.getCell(6).value as number).toBeLessThanOrEqual(1);
  });
});
