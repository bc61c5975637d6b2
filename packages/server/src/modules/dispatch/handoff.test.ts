import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, categories } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { headTodos } from './index.js';

// 提交负责人 → the head 报送 → the office; the office's setting lets a reporter 报送 directly.
let t: TestApp;
let org: Client, ra: Client, ha: Client, hb: Client;
let a: number, campaign: number, signed: number;
const Y = Number(shanghaiDate().slice(0, 4));
const P = `${Y}-01`;
const url = (unit: number, tail = '') => `/api/dispatch/campaigns/${campaign}/units/${unit}/report${tail}?period=${P}`;
const send = (c: Client, body: object) => c.post(url(a, '/submit'), body);
const form = (value: string) => ({ values: { [signed]: value }, progress: '已签约项目', sections: {}, fileIds: [] });

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const [cat] = await db.insert(categories).values({ code: 'econ', name: '经济部门' }).returning();
  const root = await buildUnit(db, { name: '城阳区' });
  const ua = await buildUnit(db, { parentId: root.id, name: '区商务局', code: 'swj', categoryId: cat!.id });
  const ub = await buildUnit(db, { parentId: root.id, name: '区发改局', code: 'fgj', categoryId: cat!.id });
  a = ua.id;
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: ua.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: ua.id, roles: ['unit_head'], username: 'ha' });
  await buildUser(db, { unitId: ub.id, roles: ['unit_head'], username: 'hb' });
  [org, ra, ha, hb] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'ra'),
    loginAs(t.app, 'ha'),
    loginAs(t.app, 'hb'),
  ]);
  campaign = (await org.post('/api/dispatch/campaigns', { name: `${Y}年调度`, startYear: Y, endYear: Y })).json<{
    id: number;
  }>().id;
  signed = (
    await org.post(`/api/dispatch/campaigns/${campaign}/indicators`, {
      name: '签约项目',
      measure: '个',
      kind: 'cumulative',
      categoryIds: [cat!.id],
    })
  ).json<{ id: number }>().id;
  const set = await org.put(`/api/dispatch/campaigns/${campaign}/targets`, {
    year: Y,
    targets: [{ unitId: a, indicatorId: signed, base: '12' }],
  });
  expect(set.statusCode, set.body).toBe(200);
  const opened = await org.post(`/api/dispatch/campaigns/${campaign}/periods`, { period: P, deadline: `${Y}-12-31` });
  expect(opened.statusCode, opened.body).toBe(200);
});
afterAll(() => t.close());

describe('the report hand-off', () => {
  it('a reporter cannot 报送 while the setting forbids it, and hands off instead; the head is told', async () => {
    expect((await ra.put(url(a), { ...form('3'), version: 0 })).json()).toMatchObject({ version: 1 });
    const refused = await send(ra, { version: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch('负责人');
    expect((await ra.get(url(a))).json().report.actions).toEqual(['save', 'handoff']);
    // Another unit's head cannot touch it at all; bad input is a 400, nothing written.
    expect((await send(hb, { action: 'handoff', version: 1 })).statusCode).toBe(403);
    expect((await send(ra, { action: 'withdraw', version: 1 })).statusCode).toBe(400);
    const handed = await send(ra, { action: 'handoff', version: 1, form: form('4') });
    expect(handed.json()).toMatchObject({ state: 'handed_off', version: 2 });
    const bell = (await ha.get('/api/notifications')).json<{ items: { title: string; body: string }[] }>();
    expect(bell.items[0]).toMatchObject({
      title: '待负责人报送：区商务局 1 月调度',
      body: expect.stringContaining('已填报完成并提交'),
    });
    // The office hears nothing yet, and the head's to-do list holds it.
    expect(JSON.stringify((await org.get('/api/notifications')).json())).not.toContain('区商务局 1 月调度');
    const headUser = await buildUser(t.database.db, { unitId: a, roles: ['unit_head'] });
    const ua = (await t.database.db.query.units.findFirst({ where: (u, { eq: e }) => e(u.id, a) }))!;
    const actor = {
      userId: headUser.id,
      unitId: a,
      unitPath: ua.path,
      roles: ['unit_head'] as const,
      overseenUnitPaths: [],
      office: null,
    };
    const todos = await headTodos(t.database.db, actor, shanghaiDate());
    // A reporter has nothing to 报送, so nothing waits for them.
    expect(await headTodos(t.database.db, { ...actor, roles: ['reporter'] }, shanghaiDate())).toEqual([]);
    expect(todos.map((x) => x.period)).toEqual([P]);
    // …and the head's 工作台 shows it under 待报送的报表; the reporter's no longer lists it as due.
    const home = async (c: typeof ha) =>
      (await c.get('/api/todos')).json<{ groups: { kind: string; entries: { title: string }[] }[] }>().groups;
    const draft = (await home(ha)).find((g) => g.kind === 'dispatch.draft');
    expect(draft?.entries.map((e) => e.title)).toEqual([`区商务局 ${P} 月度调度`]);
    expect((await home(ra)).find((g) => g.kind === 'dispatch.due')).toBeUndefined();
  });

  it('the head 报送 the handed-off version as one version; the office accepts', async () => {
    expect((await ha.get(url(a))).json().report.actions).toEqual(['save', 'submit']);
    expect((await send(ha, { action: 'handoff', version: 2 })).statusCode).toBe(409);
    const sent = await send(ha, { version: 2, form: form('4') });
    expect(sent.json()).toMatchObject({ state: 'submitted', version: 3 });
    const r = (await ha.get(url(a))).json();
    expect(r.versions.map((v: { action: string }) => v.action)).toEqual(['save', 'handoff', 'submit']);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submit'), eq(auditLog.targetId, String(r.report.id))));
    expect(entry).toMatchObject({ before: { state: 'handed_off' }, after: { state: 'submitted', version: 3 } });
    const [handoff] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'report.handoff'));
    expect(handoff).toMatchObject({
      before: { state: 'draft', content: { values: { [signed]: '3' } } },
      after: { state: 'handed_off', content: { values: { [signed]: '4' } } },
    });
  });

  it('with the setting on a reporter 报送 directly; the setting is audited', async () => {
    const bad = await org.put('/api/dispatch/settings', { reminderWorkingDays: 2, reporterMaySubmit: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect((await ra.put('/api/dispatch/settings', { reporterMaySubmit: true })).statusCode).toBe(403);
    const ok = await org.put('/api/dispatch/settings', { reminderWorkingDays: 2, reporterMaySubmit: true });
    expect(ok.json()).toMatchObject({ reporterMaySubmit: true });
    const [change] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(change).toMatchObject({ before: { reporterMaySubmit: false }, after: { reporterMaySubmit: true } });
    const id = (await ra.get(url(a))).json().report.id as number;
    await org.post(`/api/dispatch/reports/${id}/review`, { action: 'return', reason: '请补充佐证材料', version: 3 });
    expect((await ra.get(url(a))).json().report.actions).toEqual(['save', 'handoff', 'submit']);
    expect((await send(ra, { version: 4, form: form('5') })).json()).toMatchObject({ state: 'submitted' });
    await org.put('/api/dispatch/settings', { reminderWorkingDays: 2, reporterMaySubmit: false });
  });

  it('a return points at indicators; evidence removed before 报送 stays in the version that had it', async () => {
    const r = (await ra.get(url(a))).json();
    const id = r.report.id as number;
    const version = r.report.version as number;
    const stray = await org.post(`/api/dispatch/reports/${id}/review`, {
      action: 'return',
      reason: '签约数与台账不符',
      fields: [signed + 999],
      version,
    });
    expect(stray.statusCode).toBe(400);
    const returned = await org.post(`/api/dispatch/reports/${id}/review`, {
      action: 'return',
      reason: '签约数与台账不符',
      fields: [signed],
      version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = (await ra.get(url(a))).json();
    expect(seen.report).toMatchObject({ state: 'returned', returnFields: [signed] });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.return'))
      .orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({ after: { fields: [signed] } });
    // Evidence: attached on save, then taken off; the version that had it still lists it.
    const boundary = '----leitai';
    const fileId = (
      await ra.request({
        method: 'POST',
        url: '/api/files',
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="协议.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--${boundary}--\r\n`,
        ),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
    ).json<{ id: number }>().id;
    const withFile = await ra.put(url(a), { ...form('5'), fileIds: [fileId], version: seen.report.version });
    expect(withFile.statusCode, withFile.body).toBe(200);
    expect((await ra.get(url(a))).json().files.map((f: { id: number }) => f.id)).toEqual([fileId]);
    const v = withFile.json<{ version: number }>().version;
    expect((await ra.put(url(a), { ...form('5'), removeFileIds: [fileId + 1], version: v })).statusCode).toBe(400);
    expect((await ra.put(url(a), { ...form('5'), removeFileIds: [fileId], version: v })).statusCode).toBe(200);
    const after = (await ra.get(url(a))).json();
    expect(after.files).toEqual([]);
    const had = after.versions.find((x: { version: number }) => x.version === v);
    expect(had.snapshot.files).toEqual([{ id: fileId, name: '协议.pdf' }]);
    expect((await ra.get(`/api/files/${fileId}`)).statusCode).toBe(200);
  });
});
