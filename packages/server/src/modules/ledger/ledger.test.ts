import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq, sql } from 'drizzle-orm';
import { dayNumber, fromDayNumber, LEDGER_REASON_MIN } from '@leitai/core';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, ledgerItems, notifications } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';

let t: TestApp;
let org: Client;
let a: Client;
let headA: Client;
let b: Client;
let leader: Client;
let ids: { unitA: number; unitB: number; unitC: number; leader: number; reporterA: number };
const today = shanghaiDate();
const plus = (n: number) => fromDayNumber(dayNumber(today) + n);

function multipart(name: string, content: string | Buffer, mime = 'application/pdf') {
  const boundary = '----leitai';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const payload = Buffer.concat([
    head,
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = async (c: Client, name = '整改照片.jpg') =>
  (await c.request({ method: 'POST', url: '/api/files', ...multipart(name, 'evidence') })).json<{ id: number }>().id;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  const ua = await buildUnit(db, { parentId: root.id, name: '区住建局' });
  const ub = await buildUnit(db, { parentId: root.id, name: '区城管局' });
  const uc = await buildUnit(db, { parentId: root.id, name: '流亭街道' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  const ra = await buildUser(db, { unitId: ua.id, roles: ['reporter'], username: 'ra' });
  await buildUser(db, { unitId: ua.id, roles: ['unit_head'], username: 'ha' });
  await buildUser(db, { unitId: ub.id, roles: ['reporter'], username: 'rb' });
  const ld = await buildUser(db, { unitId: root.id, roles: ['leader'], username: 'ld', overseenUnitIds: [ua.id] });
  ids = { unitA: ua.id, unitB: ub.id, unitC: uc.id, leader: ld.id, reporterA: ra.id };
  [org, a, headA, b, leader] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'ra'),
    loginAs(t.app, 'ha'),
    loginAs(t.app, 'rb'),
    loginAs(t.app, 'ld'),
  ]);
});
afterAll(() => t.close());

async function newItem(overrides: Record<string, unknown> = {}) {
  const res = await org.post('/api/ledger/items', {
    title: '老旧小区改造：雨污分流管网改造',
    content: '完成东城花园小区雨污分流改造并通过验收',
    source: '会议决定',
    leadUnitId: ids.unitA,
    coUnitIds: [ids.unitC],
    leaderId: ids.leader,
    deadline: plus(30),
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number }>().id;
}
const detail = async (c: Client, id: number) => (await c.get(`/api/ledger/items/${id}`)).json();
const act = (c: Client, id: number, body: object) => c.post(`/api/ledger/items/${id}/actions`, body);

describe('ledger items', () => {
  it('proposes step deadlines by reverse scheduling and keeps them with the item', async () => {
    const res = await org.post('/api/ledger/schedule', {
      finalDeadline: plus(40),
      steps: [
        { title: '方案制定', workingDays: 5 },
        { title: '施工改造', workingDays: 10 },
        { title: '验收销号', workingDays: 3 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const steps = res.json<{ steps: { title: string; deadline: string }[] }>().steps;
    expect(steps.map((s) => s.title)).toEqual(['方案制定', '施工改造', '验收销号']);
    expect(steps[0]!.deadline < steps[1]!.deadline && steps[1]!.deadline < steps[2]!.deadline).toBe(true);
    const id = await newItem({
      deadline: plus(40),
      steps: steps.map((s) => ({ title: s.title, deadline: s.deadline })),
    });
    const d = await detail(org, id);
    expect(d.steps.map((s: { deadline: string }) => s.deadline)).toEqual(steps.map((s) => s.deadline));
    expect(d.state).toBe('assigned');
    expect(d.colour).toBe('green');
  });

  it('walks assigned → acknowledged → in progress → close-out → returned → close-out → closed, with notices and audit', async () => {
    const id = await newItem();
    expect((await act(a, id, { action: 'request_close', text: '已完成', fileIds: [] })).json().error.message).toBe(
      '事项尚未签收，请先签收再申请销号',
    );
    expect((await act(a, id, { action: 'acknowledge' })).statusCode).toBe(200);
    expect(
      (await act(a, id, { action: 'progress', text: '已完成管网铺设 60%', fileIds: [await upload(a)] })).json().state,
    ).toBe('in_progress');
    const noEvidence = await act(a, id, { action: 'request_close', text: '已全部完成改造', fileIds: [] });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toBe('申请销号须上传至少一份佐证材料');
    expect(
      (
        await act(a, id, {
          action: 'request_close',
          text: '已全部完成改造',
          fileIds: [await upload(a, '验收报告.pdf')],
        })
      ).json().state,
    ).toBe('close_requested');
    // A return says why in core's minimum of characters, counted once trimmed; the schema refuses less.
    const short = await act(org, id, { action: 'return', reason: ' 缺 ' });
    expect([short.statusCode, short.json().error.message]).toEqual([
      400,
      `输入有误：body.reason 退回须说明理由（至少 ${LEDGER_REASON_MIN} 个字）`,
    ]);
    expect((await act(org, id, { action: 'return', reason: '缺少竣工验收签字页' })).json().state).toBe('in_progress');
    await act(a, id, { action: 'request_close', text: '补充竣工验收签字页', fileIds: [await upload(a, '签字页.pdf')] });
    const d = await detail(org, id);
    expect((await act(org, id, { action: 'close', version: d.version })).json().state).toBe('closed');

    const closed = await detail(a, id);
    expect(closed.closedOn).toBe(today);
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual([
      'assign',
      'acknowledge',
      'progress',
      'request_close',
      'return',
      'request_close',
      'close',
    ]);
    expect(closed.events[3].files[0].name).toBe('验收报告.pdf');
    const kinds = (await a.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ledger.assigned', 'ledger.returned', 'ledger.closed']));
    const leaderKinds = (await leader.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(leaderKinds).toContain('ledger.closed');
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(id)))
      .orderBy(auditLog.id);
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['ledger.create', 'ledger.acknowledge', 'ledger.return', 'ledger.close']),
    );
    expect((await act(a, id, { action: 'progress', text: '再报一次', fileIds: [] })).json().error.message).toBe(
      '事项已销号，不能再报送进展',
    );
  });

  it('lets exactly one of two simultaneous close-outs win; the other gets a clear 409', async () => {
    const id = await newItem();
    await act(a, id, { action: 'acknowledge' });
    await act(a, id, { action: 'request_close', text: '整改完成，附照片', fileIds: [await upload(a)] });
    const { version } = await detail(org, id);
    const org2 = await loginAs(t.app, 'org');
    const results = await Promise.all([
      act(org, id, { action: 'close', version }),
      act(org2, id, { action: 'close', version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json().error;
    expect(loser.message).toContain('刚被他人更新');
    const events = (await detail(org, id)).events.filter((e: { kind: string }) => e.kind === 'close');
    expect(events).toHaveLength(1);
  });

  it('refuses a deadline in the past and bad steps, writing nothing', async () => {
    const before = (await org.get('/api/ledger/items')).json().items.length;
    const past = await org.post('/api/ledger/items', {
      title: '过期事项',
      source: '督查发现',
      leadUnitId: ids.unitA,
      deadline: plus(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toContain('早于今天');
    const steps = await org.post('/api/ledger/items', {
      title: '节点错误',
      source: '督查发现',
      leadUnitId: ids.unitA,
      deadline: plus(10),
      steps: [{ title: '验收', deadline: plus(20) }],
    });
    expect(steps.json().error.message).toContain('晚于事项期限');
    expect((await org.get('/api/ledger/items')).json().items.length).toBe(before);
  });

  it('keeps unit B out of unit A’s items; a cooperating unit is told, may report progress but not close', async () => {
    const c = await buildUser(t.database.db, { unitId: ids.unitC, roles: ['reporter'] });
    const co = await loginAs(t.app, c.username);
    const id = await newItem({ coUnitIds: [ids.unitC] });
    expect((await co.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'ledger.co_assigned',
      title: '配合督办事项：老旧小区改造：雨污分流管网改造',
      body: `牵头单位：区住建局，完成期限 ${plus(30)}，请配合办理`,
      link: `/ledger/items/${id}`,
    });
    expect(JSON.stringify((await b.get('/api/notifications')).json())).not.toContain('配合督办事项');
    expect((await b.get(`/api/ledger/items/${id}`)).statusCode).toBe(404);
    expect((await act(b, id, { action: 'acknowledge' })).statusCode).toBe(404);
    expect((await b.get('/api/ledger/items')).json().items.some((i: { id: number }) => i.id === id)).toBe(false);
    expect(
      (
        await b.post('/api/ledger/items', {
          title: '越权交办',
          source: '其他',
          leadUnitId: ids.unitB,
          deadline: plus(5),
        })
      ).statusCode,
    ).toBe(403);
    await act(a, id, { action: 'acknowledge' });
    expect((await act(co, id, { action: 'progress', text: '配合完成管线迁改', fileIds: [] })).statusCode).toBe(200);
    const refused = await act(co, id, {
      action: 'request_close',
      text: '配合单位申请销号',
      fileIds: [await upload(co)],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('只能由牵头单位操作');
    expect((await act(a, id, { action: 'close' })).statusCode).toBe(403);
    // The leader sees items of the units they oversee, and not others'.
    const other = await newItem({ leadUnitId: ids.unitB, coUnitIds: [] });
    const seen = (await leader.get('/api/ledger/items')).json().items.map((i: { id: number }) => i.id);
    expect(seen).toContain(id);
    expect(seen).not.toContain(other);
  });

  it('handles extensions and reassignment, keeping the history', async () => {
    const id = await newItem({
      steps: [
        { title: '方案制定', deadline: plus(10) },
        { title: '施工改造', deadline: plus(20) },
        { title: '验收销号', deadline: plus(30) },
      ],
    });
    await act(headA, id, { action: 'acknowledge' });
    const [first] = (await detail(a, id)).steps;
    expect((await act(a, id, { action: 'complete_step', stepId: first.id })).statusCode).toBe(200);
    expect(
      (await act(a, id, { action: 'request_extension', deadline: plus(20), reason: '材料未到' })).json().error.message,
    ).toContain('须晚于现期限');
    expect(
      (await act(a, id, { action: 'request_extension', deadline: plus(45), reason: '延' })).json().error.message,
    ).toContain('申请延期须说明理由');
    expect(
      (await act(a, id, { action: 'request_extension', deadline: plus(45), reason: '管材供应延迟' })).statusCode,
    ).toBe(200);
    expect((await act(a, id, { action: 'request_extension', deadline: plus(50), reason: '再申请' })).statusCode).toBe(
      409,
    );
    // While it waits, the item offers no second request to the unit, and the decision to the office.
    expect((await detail(a, id)).actions).not.toContain('request_extension');
    expect((await detail(org, id)).actions).toContain('decide_extension');
    expect((await act(org, id, { action: 'decide_extension', approve: true, reason: '同意' })).statusCode).toBe(200);
    let d = await detail(org, id);
    expect(d.actions).not.toContain('decide_extension');
    expect(d.deadline).toBe(plus(45));
    expect(d.originalDeadline).toBe(plus(30));
    // The open steps moved later with it (整体顺延), none past the new deadline; the done one stays.
    const [done, build, check] = d.steps as { deadline: string; doneOn: string | null }[];
    expect(done!.deadline).toBe(plus(10));
    expect(
      build!.deadline > plus(20) &&
        check!.deadline > plus(30) &&
        check!.deadline <= plus(45) &&
        build!.deadline < check!.deadline,
    ).toBe(true);
    const approved = d.events.find((e: { kind: string }) => e.kind === 'extension_approved');
    expect(approved.data.steps.map((x: { title: string; from: string }) => [x.title, x.from])).toEqual([
      ['施工改造', plus(20)],
      ['验收销号', plus(30)],
    ]);
    expect((await a.get('/api/notifications')).json().items[0].body).toBe(
      `期限调整为 ${plus(45)}，2 个未完成节点相应顺延`,
    );
    expect(
      (await act(org, id, { action: 'reassign', leadUnitId: ids.unitB, reason: '职责调整，由城管局牵头' })).json()
        .state,
    ).toBe('assigned');
    d = await detail(b, id);
    expect(d.leadUnit.id).toBe(ids.unitB);
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual([
      'assign',
      'acknowledge',
      'complete_step',
      'request_extension',
      'extension_approved',
      'reassign',
    ]);
    expect((await b.get('/api/notifications')).json().items[0].kind).toBe('ledger.assigned');
  });

  it('splits an item into per-unit sub-items', async () => {
    const id = await newItem({ title: '包保企业诉求限期见底清零', coUnitIds: [] });
    // 分解 is offered to the office on an open item (core's rule), not to the lead unit.
    expect((await detail(org, id)).actions).toContain('split');
    expect((await detail(a, id)).actions).not.toContain('split');
    const res = await org.post(`/api/ledger/items/${id}/split`, {
      parts: [{ unitId: ids.unitB }, { unitId: ids.unitC, deadline: plus(20) }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail(org, id);
    expect(d.subItems.map((s: { leadUnit: { id: number }; deadline: string }) => [s.leadUnit.id, s.deadline])).toEqual([
      [ids.unitC, plus(20)],
      [ids.unitB, plus(30)],
    ]);
    expect((await detail(b, res.json().ids[0])).parentId).toBe(id);
    // Closing the sub-items rolls up: the parent counts them, and the last one tells the office.
    const children = res.json<{ ids: number[] }>().ids;
    const told = async () =>
      (await org.get('/api/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'ledger.children_closed').length;
    for (const [k, child] of children.entries()) {
      // As if each unit had asked to close with its evidence.
      await t.database.db.update(ledgerItems).set({ state: 'close_requested' }).where(eq(ledgerItems.id, child));
      expect((await act(org, child, { action: 'close', text: '整改到位' })).statusCode).toBe(200);
      expect([(await detail(org, id)).subItemsClosed, await told()]).toEqual([
        k + 1,
        k + 1 === children.length ? 1 : 0,
      ]);
    }
    expect((await org.get('/api/notifications')).json().items[0].title).toBe(
      '子事项已全部销号：包保企业诉求限期见底清零',
    );
    // A closed item offers no 分解, and the route refuses it by the same rule.
    expect((await detail(org, children[0]!)).actions).not.toContain('split');
    const closed = await org.post(`/api/ledger/items/${children[0]}/split`, { parts: [{ unitId: ids.unitA }] });
    expect([closed.statusCode, closed.json().error.message]).toEqual([409, '事项已销号，不能再分解']);
  });
});

describe('colours, counts, rates, bulletin', () => {
  let overdueId: number;
  beforeAll(async () => {
    const id = await newItem({
      title: '群众差评整改：小区路灯不亮',
      source: '群众差评',
      deadline: plus(1),
      coUnitIds: [],
    });
    // Time passes: move the deadline 12 days into the past, as if the item had been left open.
    await t.database.db
      .update(ledgerItems)
      .set({ deadline: plus(-12) })
      .where(eq(ledgerItems.id, id));
    overdueId = id;
  });

  it('shows red with days overdue, yellow within 3 days, and filters by colour', async () => {
    const yellow = await newItem({ title: '临期事项', deadline: plus(2), coUnitIds: [] });
    const red = (await org.get('/api/ledger/items?colour=red')).json().items;
    expect(red.find((i: { id: number }) => i.id === overdueId)).toMatchObject({ colour: 'red', daysOverdue: 12 });
    expect((await org.get('/api/ledger/items?colour=yellow')).json().items.map((i: { id: number }) => i.id)).toContain(
      yellow,
    );
    const counts = (await org.get('/api/ledger/counts'))
      .json()
      .units.find((u: { unitId: number }) => u.unitId === ids.unitA);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.closedOnTime).toBeGreaterThanOrEqual(1);
  });

  it('the office widens the yellow window; colours follow at once; bad values are refused; audited', async () => {
    const soon = await newItem({ title: '五天后到期事项', deadline: plus(5), coUnitIds: [] });
    const colour = async () => (await org.get(`/api/ledger/items/${soon}`)).json().colour;
    expect([(await a.get('/api/ledger/settings')).json(), await colour()]).toEqual([
      { yellowDays: 3, unfinishedSteps: 'flag', headConfirmsClose: false },
      'green',
    ]);
    expect((await a.put('/api/ledger/settings', { yellowDays: 7 })).statusCode).toBe(403);
    for (const bad of [-1, 31, 2.5])
      expect((await org.put('/api/ledger/settings', { yellowDays: bad })).statusCode).toBe(400);
    expect((await org.put('/api/ledger/settings', { yellowDays: 40 })).json().error.message).toContain(
      '不能超过 30 天',
    );
    expect((await org.put('/api/ledger/settings', { yellowDays: 7 })).json()).toEqual({
      yellowDays: 7,
      unfinishedSteps: 'flag',
      headConfirmsClose: false,
    });
    expect(await colour()).toBe('yellow');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, 'ledger'))
      .orderBy(auditLog.id);
    // Before the first change the default was in effect: the entry says so rather than null.
    expect([audit!.action, audit!.before, audit!.after]).toEqual([
      'settings.update',
      { yellowDays: 3, unfinishedSteps: 'flag', headConfirmsClose: false },
      { yellowDays: 7, unfinishedSteps: 'flag', headConfirmsClose: false },
    ]);
    await org.put('/api/ledger/settings', { yellowDays: 3 });
  });

  it('runs the daily job once per day however often it is started, and tells each person once', async () => {
    const { runDailyJob } = await import('../../jobs/runner.js');
    const { ledgerColourJob } = await import('./daily.js');
    const day = today;
    const runs = await Promise.all([
      runDailyJob(t.database.db, ledgerColourJob, day, 'i1'),
      runDailyJob(t.database.db, ledgerColourJob, day, 'i2'),
    ]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect((await runDailyJob(t.database.db, ledgerColourJob, day, 'i3')).ran).toBe(false);
    // The job was called directly, not through a request that delivers before answering: deliver its notices
    // (on PostgreSQL the relay's NOTIFY wake-up may not have come yet), then the manual run must find them told.
    await t.app.ctx.outbox.drain();
    // The office's manual run on the same day tells nobody again.
    expect((await org.post('/api/ledger/jobs/colours')).json().result).toMatch(/ 0 new notices/);
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(
        sql`${notifications.userId} = ${ids.reporterA} AND ${notifications.dedupeKey} LIKE ${`ledger:${overdueId}:red:%`}`,
      );
    expect(row!.n).toBe(1);
    const notice = (await a.get('/api/notifications'))
      .json()
      .items.find((n: { kind: string; title: string }) => n.kind === 'ledger.red');
    expect(notice.body).toContain('已逾期 12 天');
  });

  it('a job that fails half-way leaves no claim, so it runs again', async () => {
    const { runDailyJob } = await import('../../jobs/runner.js');
    const failing = { name: 'test.failing', atHour: 0, run: async () => Promise.reject(new Error('crash')) };
    await expect(runDailyJob(t.database.db, failing, today)).rejects.toThrow('crash');
    expect((await runDailyJob(t.database.db, { ...failing, run: async () => 'ok' }, today)).ran).toBe(true);
  });

  it('computes the on-time close-out rate per unit for a period', async () => {
    const month = today.slice(0, 7);
    const res = await org.get(`/api/ledger/rates?period=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const rowA = res.json().rows.find((r: { unitId: string }) => r.unitId === String(ids.unitA));
    expect(rowA).toBeDefined();
    expect(rowA.onTime + rowA.late + rowA.overdue).toBe(rowA.due);
    expect((await org.get('/api/ledger/rates?period=2026-13')).statusCode).toBe(400);
  });

  it('a leader sees the district ranks of the units they oversee, as the organiser does (never re-ranked)', async () => {
    // 2020: 区城管局 closed its one item on time (100 %), 区住建局 one of two (50 %), 流亭街道 none (0 %).
    const made = [
      { unit: ids.unitB, deadline: '2020-03-10', closedOn: '2020-03-01' },
      { unit: ids.unitA, deadline: '2020-04-10', closedOn: '2020-04-10' },
      { unit: ids.unitA, deadline: '2020-05-10', closedOn: '2020-06-01' },
      { unit: ids.unitC, deadline: '2020-06-10', closedOn: null },
    ];
    for (const m of made) {
      const id = await newItem({ title: `2020 年事项 ${m.deadline}`, leadUnitId: m.unit, coUnitIds: [] });
      await t.database.db
        .update(ledgerItems)
        .set({
          deadline: m.deadline,
          originalDeadline: m.deadline,
          state: m.closedOn ? 'closed' : 'in_progress',
          closedOn: m.closedOn,
        })
        .where(eq(ledgerItems.id, id));
    }
    const ranks = async (c: Client) =>
      (await c.get('/api/ledger/rates?period=2020'))
        .json()
        .rows.map((r: { unitName: string; rank: number | null; rateShown: string | null }) => [
          r.unitName,
          r.rank,
          r.rateShown,
        ]);
    const district = await ranks(org);
    expect(district).toEqual(
      expect.arrayContaining([
        ['区城管局', 1, '100.0%'],
        ['区住建局', 2, '50.0%'],
        ['流亭街道', 3, '0.0%'],
      ]),
    );
    // Ranked among his own units only, 区住建局 would be 1st.
    expect(await ranks(leader)).toEqual([['区住建局', 2, '50.0%']]);
    const bulletin = (await leader.get('/api/ledger/bulletin?period=2020&format=json')).json();
    expect(bulletin.ranking.map((r: { unitName: string; rank: number }) => [r.unitName, r.rank])).toEqual([
      ['区住建局', 2],
    ]);
  });

  it('writes the bulletin as Word and Excel naming the overdue items with units and days', async () => {
    const period = today.slice(0, 4);
    const word = await org.get(`/api/ledger/bulletin?period=${period}&format=docx`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('群众差评整改：小区路灯不亮');
    expect(xml).toContain('12 天');
    expect(xml).toContain('区住建局');
    const excel = await org.get(`/api/ledger/bulletin?period=${period}&format=xlsx`);
    expect(excel.headers['content-disposition']).toContain('.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const rank = wb.getWorksheet('按期销号排名')!;
    expect(rank.getCell('A1').value).toBe(`督查通报（${period}）`);
    expect(rank.getRow(3).values).toEqual([
      undefined,
      '名次',
      '单位',
      '到期事项',
      '按期销号',
      '逾期销号',
      '逾期未办结',
      '按期销号率',
    ]);
    // The rate is a number shown as a percentage, so it sorts and sums in Excel.
    expect(typeof rank.getCell('G4').value).toBe('number');
    expect(rank.getCell('G4').numFmt).toBe('0.0###%'); // the six-place rate whole, never rounded again
    const over = wb.getWorksheet('逾期事项')!;
    const overdueRow = over
      .getRows(2, over.rowCount - 1)!
      .find((r) => r.getCell(2).value === '群众差评整改：小区路灯不亮');
    expect(overdueRow?.getCell(3).value).toBe('区住建局');
    expect(overdueRow?.getCell(6).value).toBe(12);
    // A unit's bulletin shows only what the unit may read.
    const mine = (await b.get(`/api/ledger/bulletin?period=${period}&format=json`)).json();
    expect(mine.overdueItems.some((i: { id: number }) => i.id === overdueId)).toBe(false);
  });

  it('the bulletin of a past month lists what was overdue when that month ended, though closed since', async () => {
    const deadline = plus(-(Number(today.slice(8)) + 4)); // a few days before the end of last month
    const lastMonth = deadline.slice(0, 7);
    const id = await newItem({ title: '上月逾期、本月才销号的事项', deadline: plus(3), coUnitIds: [] });
    await t.database.db
      .update(ledgerItems)
      .set({ deadline, originalDeadline: deadline, state: 'closed', closedOn: today })
      .where(eq(ledgerItems.id, id));
    const then = (await org.get(`/api/ledger/bulletin?period=${lastMonth}&format=json`)).json();
    expect(then.overdueItems.find((i: { id: number }) => i.id === id)?.daysOverdue).toBe(
      dayNumber(then.asOf) - dayNumber(deadline),
    );
    const now = (await org.get(`/api/ledger/bulletin?period=${today.slice(0, 7)}&format=json`)).json();
    expect(now.overdueItems.some((i: { id: number }) => i.id === id)).toBe(false);
  });
});

describe('Excel import and export', () => {
  async function sheet(rows: (string | Date)[][]) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await org.get('/api/ledger/import/template')).rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('refuses the whole file with every problem by row and column, then imports a clean one', async () => {
    const before = (await org.get('/api/ledger/items')).json().items.length;
    const bad = await sheet([
      ['企业诉求：用电增容', '协调供电公司', '企业诉求', '区住建局', '', '', plus(10), '重要', '包保企业'],
      ['标题', '', '不存在的来源', '没有这个局', '', '', '明天', '', ''],
      ['过期', '', '督查发现', '区城管局', '', '', plus(-3), '', ''],
    ]);
    const res = await org.request({
      method: 'POST',
      url: '/api/ledger/import',
      ...multipart('导入.xlsx', bad, 'application/octet-stream'),
    });
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.errors as { row: number; column: string }[];
    expect(problems.map((p) => `${p.row}${p.column}`)).toEqual(
      expect.arrayContaining(['3来源', '3牵头单位', '3完成期限', '4完成期限']),
    );
    expect(problems.some((p) => p.row === 2)).toBe(false);
    expect((await org.get('/api/ledger/items')).json().items.length).toBe(before);
    const good = await sheet([
      [
        '企业诉求：用电增容',
        '协调供电公司',
        '企业诉求',
        '区住建局',
        '流亭街道',
        '',
        new Date(`${plus(10)}T00:00:00Z`),
        '重要',
        '包保企业',
      ],
      ['查摆问题：审批时限压缩', '', '查摆问题', '区城管局', '', '', plus(20), '', ''],
    ]);
    const ok = await org.request({
      method: 'POST',
      url: '/api/ledger/import',
      ...multipart('导入.xlsx', good, 'application/octet-stream'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().created).toBe(2);
    const first = await detail(org, ok.json().ids[0]);
    expect(first).toMatchObject({
      deadline: plus(10),
      priority: 'important',
      tags: ['包保企业'],
      coUnits: [{ id: ids.unitC, name: '流亭街道' }],
    });
  });

  it('exports the filtered ledger', async () => {
    const res = await org.get('/api/ledger/export?colour=red');
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const titles = wb.worksheets[0]!.getColumn(2).values;
    expect(titles).toContain('群众差评整改：小区路灯不亮');
  });
});

describe('notifications', () => {
  it('marks only the user’s own notifications read', async () => {
    const mine = (await a.get('/api/notifications')).json();
    expect(mine.unread).toBeGreaterThan(0);
    const theirs = (await b.get('/api/notifications')).json().items[0].id;
    expect((await a.post('/api/notifications/read', { ids: [theirs] })).json().marked).toBe(0);
    expect((await a.post('/api/notifications/read', {})).json().marked).toBe(mine.unread);
    expect((await a.get('/api/notifications')).json().unread).toBe(0);
    expect((await b.get('/api/notifications')).json().unread).toBeGreaterThan(0);
  });
});
