import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gunzipSync } from 'node:zlib';
import { and, desc, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, categories, targets } from '../../db/schema/index.js';
import { readDocx } from '../../documents/index.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { chineseDate, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { remindReports as runReminders } from './reminders.js';

let t: TestApp;
let org: Client, ra: Client, ha: Client, rb: Client, hb: Client, leader: Client;
let ids: { root: number; a: number; b: number; cat: number };
let campaign: number;
let signed: number, growth: number;
const Y = Number(shanghaiDate().slice(0, 4));
const P1 = `${Y}-01`;
const P2 = `${Y}-02`;

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
async function editSheet(buffer: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const [cat] = await db.insert(categories).values({ code: 'econ', name: '经济部门' }).returning();
  const root = await buildUnit(db, { name: '城阳区' });
  const ua = await buildUnit(db, { parentId: root.id, name: '区商务局', code: 'swj', categoryId: cat!.id });
  const ub = await buildUnit(db, { parentId: root.id, name: '区发改局', code: 'fgj', categoryId: cat!.id });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: ua.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: ua.id, roles: ['unit_head'], username: 'ha' });
  await buildUser(db, { unitId: ub.id, roles: ['reporter'], username: 'rb' });
  await buildUser(db, { unitId: ub.id, roles: ['unit_head'], username: 'hb' });
  await buildUser(db, { unitId: root.id, roles: ['leader'], username: 'ld', overseenUnitIds: [ua.id] });
  ids = { root: root.id, a: ua.id, b: ub.id, cat: cat!.id };
  [org, ra, ha, rb, hb, leader] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'ra'),
    loginAs(t.app, 'ha'),
    loginAs(t.app, 'rb'),
    loginAs(t.app, 'hb'),
    loginAs(t.app, 'ld'),
  ]);
});
afterAll(() => t.close());

const report = (c: Client, unit: number, period: string) =>
  c.get(`/api/dispatch/campaigns/${campaign}/units/${unit}/report?period=${period}`);
const save = (c: Client, unit: number, period: string, body: object) =>
  c.put(`/api/dispatch/campaigns/${campaign}/units/${unit}/report?period=${period}`, body);
const submit = (c: Client, unit: number, period: string, version: number) =>
  c.post(`/api/dispatch/campaigns/${campaign}/units/${unit}/report/submit?period=${period}`, { version });

describe('campaign, indicators and targets', () => {
  it('the office creates a campaign with phases and its indicator list', async () => {
    const res = await org.post('/api/dispatch/campaigns', {
      name: `${Y}年作风能力提升年`,
      startYear: Y,
      endYear: Y,
      phases: [
        { name: '学习动员', from: P1, to: P2 },
        { name: '查摆整改', from: `${Y}-03`, to: `${Y}-10` },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    campaign = res.json<{ id: number }>().id;
    const s = await org.post(`/api/dispatch/campaigns/${campaign}/indicators`, {
      name: '签约亿元以上项目',
      measure: '个',
      kind: 'cumulative',
      categoryIds: [ids.cat],
    });
    const g = await org.post(`/api/dispatch/campaigns/${campaign}/indicators`, {
      name: '固定资产投资增长',
      measure: '%',
      kind: 'growth',
      unitIds: [ids.a],
      rule: { kind: 'ratio', redBelowRatio: '0.5' },
    });
    expect([s.statusCode, g.statusCode]).toEqual([200, 200]);
    [signed, growth] = [s.json<{ id: number }>().id, g.json<{ id: number }>().id];
    const bad = await org.post(`/api/dispatch/campaigns/${campaign}/indicators`, {
      name: '错误进度',
      measure: '个',
      kind: 'cumulative',
      profile: { kind: 'seasonal', cumulative: ['0.1', '0.05', ...Array(9).fill('0.5'), '1'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/序时进度.*不能小于上月/);
    expect((await ra.post('/api/dispatch/campaigns', { name: '无权创建', startYear: Y, endYear: Y })).statusCode).toBe(
      403,
    );
  });

  it('imports targets by Excel all or nothing, with row and column for every bad cell', async () => {
    const template = (await org.get(`/api/dispatch/campaigns/${campaign}/targets/template?year=${Y}`)).rawPayload;
    const bad = await editSheet(template, (ws) => {
      // The template lists both units for 签约 (category) and 商务局 for 增长.
      expect(ws.rowCount).toBe(4);
      ws.getCell(2, 5).value = '八十';
      ws.getCell(3, 5).value = 60;
      ws.getCell(3, 6).value = 40;
      ws.getCell(4, 5).value = 8;
    });
    const res = await org.request({
      method: 'POST',
      url: `/api/dispatch/campaigns/${campaign}/targets/import?year=${Y}`,
      ...multipart('目标.xlsx', bad),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors).toEqual([
      { row: 2, column: '基本目标', message: expect.stringContaining('不是有效的数值') },
      { row: 3, column: '冲刺目标', message: '不能低于基本目标 60' },
    ]);
    expect(await t.database.db.select().from(targets)).toEqual([]);
    const good = await editSheet(template, (ws) => {
      const rows: Record<string, [number, number | null]> = { swj: [80, 100], fgj: [60, 70] };
      for (let r = 2; r <= 4; r += 1) {
        const growthRow = ws.getCell(r, 3).value === '固定资产投资增长';
        const [base, stretch] = growthRow ? [8, 10] : rows[String(ws.getCell(r, 1).value)]!;
        ws.getCell(r, 5).value = base;
        ws.getCell(r, 6).value = stretch;
      }
    });
    const ok = await org.request({
      method: 'POST',
      url: `/api/dispatch/campaigns/${campaign}/targets/import?year=${Y}`,
      ...multipart('目标.xlsx', good),
    });
    expect(ok.json()).toEqual({ saved: 3 });
  });

  it('the unit head confirms (立目标); afterwards a change needs the office, and is audited', async () => {
    expect(
      (await hb.post(`/api/dispatch/campaigns/${campaign}/units/${ids.a}/targets/confirm`, { year: Y })).statusCode,
    ).toBe(403);
    const conf = await ha.post(`/api/dispatch/campaigns/${campaign}/units/${ids.a}/targets/confirm`, { year: Y });
    expect(conf.json()).toEqual({ confirmed: 2 });
    const direct = await org.put(`/api/dispatch/campaigns/${campaign}`.concat('/targets'), {
      year: Y,
      targets: [{ indicatorId: signed, unitId: ids.a, base: '90', stretch: '110' }],
    });
    expect(direct.statusCode).toBe(409);
    const mine = (await ra.get(`/api/dispatch/campaigns/${campaign}/targets?year=${Y}`)).json<{
      targets: { id: number; unitId: number; indicatorId: number }[];
    }>().targets;
    expect(new Set(mine.map((x) => x.unitId))).toEqual(new Set([ids.a]));
    const target = mine.find((x) => x.indicatorId === signed)!;
    expect(
      (await hb.post(`/api/dispatch/targets/${target.id}/change`, { base: '70', reason: '外部形势变化' })).statusCode,
    ).toBe(403);
    expect(
      (
        await ha.post(`/api/dispatch/targets/${target.id}/change`, {
          base: '70',
          stretch: '90',
          reason: '受外部形势影响申请调整',
        })
      ).statusCode,
    ).toBe(200);
    expect((await org.get('/api/notifications')).json().items[0]).toMatchObject({
      title: '目标调整待审批：区商务局 · 签约亿元以上项目',
      body: '申请由 80/100 调整为 70/90：受外部形势影响申请调整',
    });
    expect((await org.post(`/api/dispatch/targets/${target.id}/decision`, { approve: true })).statusCode).toBe(200);
    expect((await ra.get('/api/notifications')).json().items[0]).toMatchObject({
      title: '目标调整已批准：签约亿元以上项目',
      body: '目标调整为 70/90',
    });
    const [row] = await t.database.db.select().from(targets).where(eq(targets.id, target.id));
    expect([row!.base, row!.stretch, row!.pendingChange]).toEqual(['70', '90', null]);
    // Put it back through the same path so the rest of the file reads 80/100.
    await ha.post(`/api/dispatch/targets/${target.id}/change`, {
      base: '80',
      stretch: '100',
      reason: '恢复原目标数值',
    });
    await org.post(`/api/dispatch/targets/${target.id}/decision`, { approve: true });
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'target.%'))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'target.set',
      'target.confirm',
      'target.change.request',
      'target.change.approve',
      'target.change.request',
      'target.change.approve',
    ]);
  });
});

describe('next year', () => {
  it('copies last year’s indicator list and assignments into a new campaign, not its targets', async () => {
    const res = await org.post('/api/dispatch/campaigns', {
      name: `${Y + 1}年作风能力提升年`,
      startYear: Y + 1,
      endYear: Y + 1,
      copyFromId: campaign,
    });
    expect(res.json()).toMatchObject({ copiedIndicators: 2 });
    const copy = (await org.get(`/api/dispatch/campaigns/${res.json().id}?year=${Y + 1}`)).json();
    expect(copy.indicators.map((i: { name: string; assignments: unknown[] }) => [i.name, i.assignments])).toEqual([
      ['签约亿元以上项目', [{ unitId: null, categoryId: ids.cat }]],
      ['固定资产投资增长', [{ unitId: ids.a, categoryId: null }]],
    ]);
    expect((await org.get(`/api/dispatch/campaigns/${res.json().id}/targets?year=${Y + 1}`)).json().targets).toEqual(
      [],
    );
  });
});

describe('monthly report', () => {
  it('the office opens a month with a deadline; only it may', async () => {
    expect(
      (await ra.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P1, deadline: `${Y}-02-05` })).statusCode,
    ).toBe(403);
    expect(
      (await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P1, deadline: `${Y}-02-05` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P1, deadline: `${Y}-02-05` }))
        .statusCode,
    ).toBe(409);
    // Both units carry targets in January: each hears it is open, with a link to its own form.
    for (const [c, unit] of [
      [ra, ids.a],
      [hb, ids.b],
    ] as const) {
      expect((await c.get('/api/notifications')).json().items[0]).toMatchObject({
        kind: 'dispatch.opened',
        title: `1 月调度已开启，请于 ${Y}-02-05 前报送`,
        link: `/dispatch/report/${unit}/${P1}`,
      });
    }
  });

  it('refuses bad figures naming the field, and saves nothing', async () => {
    const form = (await report(ra, ids.a, P1)).json();
    expect(form.rows.map((r: { name: string }) => r.name)).toEqual(['签约亿元以上项目', '固定资产投资增长']);
    const bad = await save(ra, ids.a, P1, { values: { [signed]: '十个', [growth]: '-2' }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('签约亿元以上项目（个）：“十个”不是数字，请填写数值');
    const neg = await save(ra, ids.a, P1, { values: { [signed]: '-1' }, version: 0 });
    expect(neg.json().error.message).toMatch('签约亿元以上项目（个）：不能为负数');
    expect((await report(ra, ids.a, P1)).json().report.id).toBeNull();
  });

  it('unit B can neither read nor fill unit A’s report; a reporter cannot submit', async () => {
    expect((await report(rb, ids.a, P1)).statusCode).toBe(403);
    expect((await save(rb, ids.a, P1, { values: {}, version: 0 })).statusCode).toBe(403);
    expect((await save(ra, ids.a, P1, { values: { [signed]: '5' }, version: 0 })).statusCode).toBe(200);
    expect((await submit(ra, ids.a, P1, 1)).statusCode).toBe(403);
    expect((await submit(hb, ids.a, P1, 1)).statusCode).toBe(403);
  });

  it('fills, submits, is returned with a reason, corrected, resubmitted and accepted; every version kept', async () => {
    const incomplete = await submit(ha, ids.a, P1, 1);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.message).toMatch('固定资产投资增长（%）：未填写');
    const saved = await save(ra, ids.a, P1, {
      values: { [signed]: '5', [growth]: '-2.5' },
      progress: '新签约项目 5 个',
      problems: '项目储备不足',
      plans: '加大招商力度',
      version: 1,
    });
    expect(saved.json()).toMatchObject({ version: 2, state: 'draft' });
    const stale = await save(ra, ids.a, P1, { values: { [signed]: '6' }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await submit(ha, ids.a, P1, 2)).json()).toMatchObject({ state: 'submitted', version: 3 });
    // The office hears that it waits for review; the unit's own people do not.
    expect((await org.get('/api/notifications')).json().items.map((n: { title: string }) => n.title)).toContain(
      '待审核：区商务局 1 月调度',
    );
    expect(JSON.stringify((await ra.get('/api/notifications')).json())).not.toContain('待审核');
    expect((await save(ra, ids.a, P1, { values: { [signed]: '6', [growth]: '1' }, version: 3 })).statusCode).toBe(409);
    const reportId = (await report(ra, ids.a, P1)).json().report.id as number;
    expect(
      (await ra.post(`/api/dispatch/reports/${reportId}/review`, { action: 'accept', version: 3 })).statusCode,
    ).toBe(403);
    const noReason = await org.post(`/api/dispatch/reports/${reportId}/review`, { action: 'return', version: 3 });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await org.post(`/api/dispatch/reports/${reportId}/review`, {
          action: 'return',
          reason: '固定资产投资增速与统计局口径不符',
          version: 3,
        })
      ).json(),
    ).toMatchObject({ state: 'returned' });
    const bell = (await ra.get('/api/notifications')).json();
    expect(JSON.stringify(bell)).toContain('退回原因：固定资产投资增速与统计局口径不符');
    expect(JSON.stringify((await rb.get('/api/notifications')).json())).not.toContain('月度调度');
    const returned = (await report(ra, ids.a, P1)).json();
    expect(returned.report).toMatchObject({ state: 'returned', returnReason: '固定资产投资增速与统计局口径不符' });
    const evidence = (
      await ra.request({ method: 'POST', url: '/api/files', ...multipart('签约协议.pdf', Buffer.from('%PDF-1.4')) })
    ).json<{ id: number }>().id;
    // A file the reporter did not upload is refused, and the whole save with it (the version stays 4).
    expect(
      (
        await save(ra, ids.a, P1, {
          values: { [signed]: '5', [growth]: '3.2' },
          fileIds: [evidence + 1000],
          version: 4,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await save(ra, ids.a, P1, {
          values: { [signed]: '5', [growth]: '3.2' },
          progress: '新签约项目 5 个',
          fileIds: [evidence],
          version: 4,
        })
      ).statusCode,
    ).toBe(200);
    expect((await report(org, ids.a, P1)).json().files.map((f: { name: string }) => f.name)).toEqual(['签约协议.pdf']);
    expect((await submit(ha, ids.a, P1, 5)).json().state).toBe('submitted');
    expect(
      (await org.post(`/api/dispatch/reports/${reportId}/review`, { action: 'accept', version: 6 })).json().state,
    ).toBe('accepted');
    const final = (await report(ha, ids.a, P1)).json();
    expect(final.versions.map((v: { action: string }) => v.action)).toEqual([
      'save',
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'accept',
    ]);
    expect(final.versions[1].snapshot.values).toEqual({ [signed]: '5', [growth]: '-2.5' });
    expect(final.versions[3].reason).toBe('固定资产投资增速与统计局口径不符');
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(like(auditLog.action, 'report.%'), eq(auditLog.unitId, ids.a)))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toContain('report.return');
    // The correcting save says what it replaced: the returned figures and texts, and what came instead.
    const [resave] = await t.database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.save'), eq(auditLog.unitId, ids.a)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(resave!.before).toEqual({
      version: 4,
      values: { [signed]: '5', [growth]: '-2.5' },
      progress: '新签约项目 5 个',
      problems: '项目储备不足',
      plans: '加大招商力度',
    });
    expect(resave!.after).toMatchObject({
      version: 5,
      values: { [signed]: '5', [growth]: '3.2' },
      progress: '新签约项目 5 个',
    });

    // A figure found wrong after acceptance: the office returns the accepted report; it comes back.
    expect(
      (
        await org.post(`/api/dispatch/reports/${reportId}/review`, {
          action: 'return',
          reason: '统计局反馈签约数需核减',
          version: 7,
        })
      ).json(),
    ).toMatchObject({ state: 'returned', version: 8 });
    expect((await submit(ha, ids.a, P1, 8)).json()).toMatchObject({ state: 'submitted', version: 9 });
    expect(
      (await org.post(`/api/dispatch/reports/${reportId}/review`, { action: 'accept', version: 9 })).json().state,
    ).toBe('accepted');
    const again = (await report(ha, ids.a, P1)).json();
    expect(again.versions.slice(-3).map((v: { action: string }) => v.action)).toEqual(['return', 'submit', 'accept']);
  });

  it('reminds a unit that owes the report on the deadline day and after it, once each (催报)', async () => {
    const { db } = t.database;
    // The job emits its reminders; the relay delivers them before anyone looks (as the app does after a write).
    const remindReports = async (tx: Db, day: IsoDate) => {
      const summary = await runReminders(tx, day);
      await t.app.ctx.outbox.drain();
      return summary;
    };
    const titles = async (c: Client) =>
      (await c.get('/api/notifications')).json().items.map((n: { title: string }) => n.title) as string[];
    expect(await remindReports(db, `${Y}-01-10`)).toBe('0 reports due soon or overdue, 0 new notices');
    // Unit A submitted; unit B carries 签约 too and has nothing in: its head and reporter are told.
    expect(await remindReports(db, `${Y}-02-05`)).toBe('1 reports due soon or overdue, 2 new notices');
    expect(await remindReports(db, `${Y}-02-05`)).toBe('1 reports due soon or overdue, 0 new notices');
    expect(await titles(hb)).toContain(`催报：1 月调度将于 ${Y}-02-05 截止`);
    expect(await remindReports(db, `${Y}-02-06`)).toBe('1 reports due soon or overdue, 2 new notices');
    const overdue = (await rb.get('/api/notifications')).json().items[0];
    expect(overdue).toMatchObject({
      title: '逾期未报：1 月调度',
      body: `1 月调度已过截止日期 ${Y}-02-05 1 天，尚未报送，请尽快填报并报送`,
      link: `/dispatch/report/${ids.b}/${P1}`,
    });
    expect((await titles(ha)).filter((x) => x.startsWith('催报') || x.startsWith('逾期'))).toEqual([]);
    // The office sets the lead time: with 10 working days, a late-January weekday is already within it (already told: no new notice).
    const lateJanuary = [26, 27, 28]
      .map((d) => `${Y}-01-${d}`)
      .find((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))!;
    expect(await remindReports(db, lateJanuary)).toBe('0 reports due soon or overdue, 0 new notices');
    expect((await ra.put('/api/dispatch/settings', { reminderWorkingDays: 5 })).statusCode).toBe(403);
    expect((await org.put('/api/dispatch/settings', { reminderWorkingDays: 11 })).json().error.message).toContain(
      '不能超过 10 个工作日',
    );
    expect((await org.put('/api/dispatch/settings', { reminderWorkingDays: 10 })).json()).toEqual({
      reminderWorkingDays: 10,
      reporterMaySubmit: false,
    });
    expect(await remindReports(db, lateJanuary)).toBe('1 reports due soon or overdue, 0 new notices');
    expect((await org.put('/api/dispatch/settings', { reminderWorkingDays: 2 })).statusCode).toBe(200);
  });

  it('prefills cumulative figures next month, refuses a decrease, fills by Excel', async () => {
    await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P2, deadline: `${Y}-03-05` });
    const form = (await report(ra, ids.a, P2)).json();
    expect(form.rows.map((r: { value: string | null; prefilled: boolean }) => [r.value, r.prefilled])).toEqual([
      ['5', true],
      [null, false],
    ]);
    const down = await save(ra, ids.a, P2, { values: { [signed]: '4', [growth]: '3' }, version: 0 });
    expect(down.json().error.message).toBe('签约亿元以上项目（个）：累计值 4 小于上期累计 5，累计数不能减少');
    const template = (await ra.get(`/api/dispatch/campaigns/${campaign}/units/${ids.a}/report/template?period=${P2}`))
      .rawPayload;
    const badSheet = await editSheet(template, (ws) => {
      ws.getCell(2, 5).value = 3;
      ws.getCell(3, 5).value = 'abc';
    });
    const bad = await ra.request({
      method: 'POST',
      url: `/api/dispatch/campaigns/${campaign}/units/${ids.a}/report/import?period=${P2}`,
      ...multipart('填报.xlsx', badSheet),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([
      { row: 2, column: '本期数值', message: expect.stringContaining('累计数不能减少') },
      { row: 3, column: '本期数值', message: expect.stringContaining('“abc”不是数字') },
    ]);
    const good = await editSheet(template, (ws) => {
      ws.getCell(2, 5).value = 12;
      ws.getCell(3, 5).value = 6.5;
    });
    const ok = await ra.request({
      method: 'POST',
      url: `/api/dispatch/campaigns/${campaign}/units/${ids.a}/report/import?period=${P2}`,
      ...multipart('填报.xlsx', good),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await report(ra, ids.a, P2)).json().rows.map((r: { value: string }) => r.value)).toEqual(['12', '6.5']);
  });

  it('a closed month refuses filling until the office reopens it (audited)', async () => {
    expect((await org.post(`/api/dispatch/campaigns/${campaign}/periods/${P2}/close`)).statusCode).toBe(200);
    const v = (await report(ra, ids.a, P2)).json().report.version;
    const closed = await save(ra, ids.a, P2, { values: {}, version: v });
    expect(closed.json().error.message).toMatch('已关闭');
    expect(
      (await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P2, deadline: `${Y}-03-20` })).json(),
    ).toMatchObject({ open: true, reopenCount: 1 });
    expect((await save(ra, ids.a, P2, { values: { [signed]: '12', [growth]: '6.5' }, version: v })).statusCode).toBe(
      200,
    );
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'dispatch.%'))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'dispatch.open',
      'dispatch.open',
      'dispatch.close',
      'dispatch.reopen',
    ]);
  });
});

describe('board, unit page and bulletin', () => {
  it('shows accepted figures against pace; a unit without a report past the deadline is overdue', async () => {
    const board = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=${P1}`)).json();
    const a = board.rows.find((r: { unit: { id: number } }) => r.unit.id === ids.a);
    const b = board.rows.find((r: { unit: { id: number } }) => r.unit.id === ids.b);
    // 签约: 5 of 80, January pace 1/12 exactly → 6.666667 expected (not 80 × 0.083333 = 6.66664), 8.333… points
    // due, 6.25 achieved, 2.083333 behind → green. 增长: 3.2 of 8 → ratio 0.4 → red.
    expect(
      a.cells.map((c: { state: string; actual: string; expected: string }) => [c.state, c.actual, c.expected]),
    ).toEqual([
      ['green', '5', '6.666667'],
      ['red', '3.2', '8'],
    ]);
    expect(a.cells[0].gapPoints).toBe('2.083333');
    expect(b.cells.map((c: { state: string }) => c.state)).toEqual(['overdue']);
    expect(b.report.timing).toBe('missing');
    expect(board.totals).toMatchObject({ green: 1, red: 1, overdue: 1 });

    // A browser takes the same board gzipped; the leader's view is compressed on its own.
    const zipped = await org.request({
      method: 'GET',
      url: `/api/dispatch/campaigns/${campaign}/board?period=${P1}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect([zipped.headers['content-encoding'], zipped.headers['vary']]).toEqual(['gzip', 'accept-encoding']);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(board);
    const led = await leader.request({
      method: 'GET',
      url: `/api/dispatch/campaigns/${campaign}/board?period=${P1}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(
      JSON.parse(gunzipSync(led.rawPayload).toString('utf8')).rows.map((r: { unit: { id: number } }) => r.unit.id),
    ).toEqual([ids.a]);
  });

  it('an indicator edited by the office colours every month by its new rule at once, audited; its kind stays', async () => {
    const url = `/api/dispatch/campaigns/${campaign}/indicators/${signed}`;
    const stricter = {
      name: '签约亿元以上项目',
      measure: '个',
      rule: { kind: 'pointsBehind', yellowFromPoints: '2', redFromPoints: '30' },
      categoryIds: [ids.cat],
    };
    expect((await ha.put(url, stricter)).statusCode).toBe(403);
    expect((await org.put(url, { ...stricter, name: '固定资产投资增长' })).json().error.message).toBe(
      '本活动已有指标“固定资产投资增长”',
    );
    expect(
      (
        await org.put(url, { ...stricter, rule: { kind: 'pointsBehind', yellowFromPoints: '20', redFromPoints: '10' } })
      ).json().error.message,
    ).toBe('预警规则.redFromPoints：红灯阈值不能小于黄灯阈值');
    expect((await org.put(url, { ...stricter, kind: 'rate' })).statusCode).toBe(200);
    const cell = async () =>
      (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=${P1}`))
        .json()
        .rows.find((r: { unit: { id: number } }) => r.unit.id === ids.a).cells[0];
    expect(await cell()).toMatchObject({ state: 'yellow', gapPoints: '2.083333' }); // 2.08 points behind is now past the yellow line
    const info = (await org.get(`/api/dispatch/campaigns/${campaign}?year=${Y}`))
      .json()
      .indicators.find((i: { id: number }) => i.id === signed);
    expect([info.kind, info.rule.yellowFromPoints, info.assignments]).toEqual([
      'cumulative',
      '2',
      [{ unitId: null, categoryId: ids.cat }],
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'indicator.edit'))
      .orderBy(auditLog.id);
    expect((audit!.before as { rule: { yellowFromPoints: string } }).rule.yellowFromPoints).toBe('10');
    expect(
      (await org.put(url, { ...stricter, rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' } }))
        .statusCode,
    ).toBe(200);
    expect((await cell()).state).toBe('green');
  });

  it('a leader sees only overseen units; a reporter has no board; unit pages stay within scope', async () => {
    const board = (await leader.get(`/api/dispatch/campaigns/${campaign}/board?period=${P1}`)).json();
    expect(board.rows.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([ids.a]);
    expect((await ra.get(`/api/dispatch/campaigns/${campaign}/board?period=${P1}`)).statusCode).toBe(403);
    expect((await rb.get(`/api/dispatch/campaigns/${campaign}/units/${ids.a}/overview?year=${Y}`)).statusCode).toBe(
      403,
    );
    const page = (await ra.get(`/api/dispatch/campaigns/${campaign}/units/${ids.a}/overview?year=${Y}`)).json();
    // February's deadline has passed and its report is still a draft: overdue on the unit's own page, and due.
    expect(page.latest.period).toBe(P2);
    expect(page.warnings.map((w: { name: string; state: string }) => [w.name, w.state])).toEqual([
      ['签约亿元以上项目', 'overdue'],
      ['固定资产投资增长', 'overdue'],
    ]);
    expect(page.due).toEqual([expect.objectContaining({ period: P2, state: 'draft', timing: 'missing' })]);
    expect(page.trend[1].points.map((p: { state: string }) => p.state)).toEqual(['red', 'overdue']);
    expect(page.trend[0].points.map((p: { period: string }) => p.period)).toEqual([P1, P2]);
  });

  it('a unit added in February carries its indicator from February on, not before', async () => {
    const late = await buildUnit(t.database.db, {
      name: '新设功能区',
      code: 'xsgnq',
      categoryId: ids.cat,
      parentId: ids.root,
    });
    expect(
      (
        await org.put(`/api/dispatch/campaigns/${campaign}/targets`, {
          year: Y,
          targets: [{ indicatorId: signed, unitId: late.id, base: '10', fromPeriod: P2 }],
        })
      ).statusCode,
    ).toBe(200);
    const unitsIn = async (p: string) =>
      (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=${p}`))
        .json()
        .rows.map((r: { unit: { id: number } }) => r.unit.id);
    expect(await unitsIn(P1)).not.toContain(late.id);
    expect(await unitsIn(P2)).toContain(late.id);
  });

  it('a figure far outside the unit history is saved with a note the reviewer sees', async () => {
    const P3 = `${Y}-03`;
    const P4 = `${Y}-04`;
    for (const [p, v] of [
      [P3, '18'],
      [P4, '24'],
    ] as const) {
      await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: p, deadline: `${Y}-12-31` });
      const version = (await report(ra, ids.a, p)).json().report.version;
      expect((await save(ra, ids.a, p, { values: { [signed]: v, [growth]: '7' }, version })).statusCode).toBe(200);
    }
    const P5 = `${Y}-05`;
    await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P5, deadline: `${Y}-12-31` });
    // History 5, 12, 18, 24: six a month on average; 90 more in one month is flagged, not refused.
    const res = await save(ra, ids.a, P5, { values: { [signed]: '114', [growth]: '7' }, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(Object.values(res.json().flags)).toEqual([
      '签约亿元以上项目（个）：本期新增 90，超过此前月均新增 6 的 4 倍，请核实',
    ]);
    const seen = (await report(org, ids.a, P5))
      .json()
      .rows.find((r: { indicatorId: number }) => r.indicatorId === signed);
    expect(seen).toMatchObject({ value: '114', flag: expect.stringContaining('本期新增 90') });
  });

  it('an indicator retired from February drops out of February only', async () => {
    expect(
      (await org.post(`/api/dispatch/campaigns/${campaign}/indicators/${growth}/retire`, { retiredFrom: P2 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=${P2}`))
        .json()
        .indicators.map((i: { name: string }) => i.name),
    ).toEqual(['签约亿元以上项目']);
    expect((await org.get(`/api/dispatch/campaigns/${campaign}/board?period=${P1}`)).json().indicators).toHaveLength(2);
    await org.post(`/api/dispatch/campaigns/${campaign}/indicators/${growth}/retire`, { retiredFrom: null });
  });

  it('the Word bulletin says what the board shows: standings, red items, missing units', async () => {
    const res = await org.get(`/api/dispatch/campaigns/${campaign}/bulletin?period=${P1}&format=docx`);
    expect(res.headers['content-type']).toMatch('wordprocessingml');
    const doc = await readDocx(res.rawPayload);
    expect(doc.paragraphs[2]).toBe(`${Y}年1月重点工作调度通报`);
    expect(doc.paragraphs.join('\n')).toMatch('绿灯 1 项、黄灯 0 项、红灯 1 项，逾期未报 1 项');
    const [standings, red, late] = doc.tables;
    expect(standings![0]).toEqual(['名次', '单位', '绿灯', '黄灯', '红灯', '逾期未报', '报送情况']);
    expect(standings!.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['1', '区商务局'],
      ['2', '区发改局'],
    ]);
    expect(red!.slice(1)).toEqual([['区商务局', '固定资产投资增长', '%', '3.2', '8', '为序时进度的 40.0%']]);
    // 区商务局 first submitted today, after the 5 February deadline: late (逾期); 区发改局 never: missing.
    expect(late!.slice(1)).toEqual([
      ['区商务局', '逾期', chineseDate(shanghaiDate()), '0'],
      ['区发改局', '未报', '未报送', '0'],
    ]);
    const xlsx = await org.get(`/api/dispatch/campaigns/${campaign}/bulletin?period=${P1}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    // The Excel's red sheet holds numbers: the figures, and the ratio to pace as a fraction shown in %.
    const redSheet = wb.getWorksheet('红灯指标')!;
    expect(redSheet.getRow(2).values).toEqual([undefined, '区商务局', '固定资产投资增长', '%', 3.2, 8, undefined, 0.4]);
    expect(redSheet.getCell('G2').numFmt).toBe('0.0###%');
    const exported = await org.get(`/api/dispatch/campaigns/${campaign}/board/export?period=${P1}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getRow(3).values).toEqual([
      undefined,
      '经济部门',
      '区商务局',
      1,
      5,
      6.666667, // 80 × 1/12, rounded once (not 80 × 0.083333)
      '绿灯',
      3.2,
      8,
      '红灯',
    ]);
  });
});
