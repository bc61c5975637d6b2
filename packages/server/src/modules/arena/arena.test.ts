import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { drawOrder, scoreArena } from '@leitai/core';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { openSse } from '../../realtime/sse-client.js';
import type { LiveSnapshot } from './live.js';
import { engineInput, loadArenaData } from './live.js';
import { campaigns } from '../../db/schema/index.js';
import { readDocx } from '../../documents/index.js';

let t: TestApp;
let org: Client;
let head: Client;
let reporter: Client;
let leader: Client;
let unitA: number;
let rootId = 0;
let unitB: number;
let unitC: number;
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '区' });
  rootId = root.id;
  unitA = (await buildUnit(db, { parentId: root.id, name: '甲局' })).id;
  unitB = (await buildUnit(db, { parentId: root.id, name: '乙局' })).id;
  unitC = (await buildUnit(db, { parentId: root.id, name: '丙局' })).id;
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: unitA, roles: ['unit_head'], username: 'heada' });
  await buildUser(db, { unitId: unitB, roles: ['reporter'], username: 'repb' });
  await buildUser(db, { unitId: root.id, roles: ['leader'], username: 'ld', overseenUnitIds: [unitC] });
  [org, head, reporter, leader] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'heada'),
    loginAs(t.app, 'repb'),
    loginAs(t.app, 'ld'),
  ]);
});
afterAll(() => t.close());

const judgeNames = ['领导一', '领导二', '领导三', '领导四', '领导五', '专家一', '群众一'];
const arenaBody = () => ({
  title: '第一季度局长擂台赛',
  heldOn: '2026-03-28',
  speakingSeconds: 300,
  groups: [
    { id: '领导评委', weight: 0.5 },
    { id: '专家评委', weight: 0.3 },
    { id: '群众代表', weight: 0.2 },
  ],
  contestants: [
    { unitId: unitA, presenter: '甲局长' },
    { unitId: unitB, presenter: '乙局长' },
    { unitId: unitC, presenter: '' },
  ],
  judges: judgeNames.map((name, i) => ({
    name,
    groupId: i < 5 ? '领导评委' : i === 5 ? '专家评委' : '群众代表',
    unitId: i === 0 ? unitA : null,
  })),
});

interface Judge {
  id: number;
  name: string;
  token: string;
}
const judgeReq = (j: Judge, method: 'GET' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse> =>
  t.app.inject({ method, url, headers: { 'x-judge-token': j.token }, ...(payload ? { payload } : {}) });
const score = (j: Judge, contestantId: number, criteria: Record<string, number>, reason: string | null = null) =>
  judgeReq(j, 'PUT', `/api/judge/scores/${contestantId}`, { criteria, reason });
const host = async (arenaId: number, action: object): Promise<LiveSnapshot> => {
  const res = await org.post(`/api/arenas/${arenaId}/host`, action);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
};

async function setUp(
  seed: string,
  body: object = arenaBody(),
): Promise<{ id: number; judges: Judge[]; contestants: { id: number; unitId: number }[] }> {
  const created = await org.post('/api/arenas', body);
  expect(created.statusCode).toBe(201);
  const { id } = created.json<{ id: number }>();
  expect((await org.post(`/api/arenas/${id}/draw`, { seed })).statusCode).toBe(200);
  const { codes } = (await org.post(`/api/arenas/${id}/codes`, {})).json<{
    codes: { judgeId: number; name: string; code: string }[];
  }>();
  const judges: Judge[] = [];
  for (const c of codes) {
    const res = await t.app.inject({ method: 'POST', url: '/api/judge/join', payload: { code: c.code } });
    expect(res.statusCode).toBe(200);
    judges.push({ id: c.judgeId, name: c.name, token: res.json<{ token: string }>().token });
  }
  const detail = (await org.get(`/api/arenas/${id}`)).json<{ contestants: { id: number; unitId: number }[] }>();
  return { id, judges, contestants: detail.contestants };
}

describe('arena set-up', () => {
  it('refuses bad set-ups and non-organisers with a message', async () => {
    expect((await head.post('/api/arenas', arenaBody())).statusCode).toBe(403);
    expect((await reporter.get('/api/arenas')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/arenas' })).statusCode).toBe(401);
    const badWeights = await org.post('/api/arenas', {
      ...arenaBody(),
      groups: [
        { id: '领导评委', weight: 0.6 },
        { id: '专家评委', weight: 0.3 },
        { id: '群众代表', weight: 0.2 },
      ],
    });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().error.message).toContain('权重之和须为 1');
    const badGroup = await org.post('/api/arenas', { ...arenaBody(), judges: [{ name: '某', groupId: '无此组' }] });
    expect(badGroup.json().error.message).toContain('评委组“无此组”不在方案中');
    const noCampaign = await org.post('/api/arenas', { ...arenaBody(), campaignId: 999_999 });
    expect(noCampaign.statusCode).toBe(400);
    expect(noCampaign.json().error.message).toContain('考核活动不存在');
  });

  it('belongs to a campaign when one is chosen, and the list names it', async () => {
    const [campaign] = await t.database.db
      .insert(campaigns)
      .values({ officeUnitId: rootId, name: '擂台测试活动', startYear: 2026, endYear: 2026, phases: [], cadence: {} })
      .returning({ id: campaigns.id });
    const created = await org.post('/api/arenas', { ...arenaBody(), title: '活动内擂台', campaignId: campaign!.id });
    expect(created.statusCode).toBe(201);
    const listed = (await org.get('/api/arenas')).json<
      { title: string; campaign: { id: number; name: string } | null }[]
    >();
    expect(listed.find((a) => a.title === '活动内擂台')?.campaign).toEqual({ id: campaign!.id, name: '擂台测试活动' });
  });

  it('draws the order from the published seed, once, and recuses a judge from their own unit', async () => {
    const { id, contestants } = await setUp('2026Q1-城阳');
    const detail = (await org.get(`/api/arenas/${id}`)).json();
    const live = (await org.get(`/api/arenas/${id}/live`)).json<LiveSnapshot>();
    expect(live.seed).toBe('2026Q1-城阳');
    expect(live.contestants.map((c) => String(c.id))).toEqual(
      drawOrder(
        '2026Q1-城阳',
        contestants.map((c) => String(c.id)),
      ),
    );
    expect((await org.post(`/api/arenas/${id}/draw`, { seed: 'again' })).json().error.message).toContain('已抽签');
    // Only managers see the big-screen link and the panel (a contestant could canvass it), and no host action is open to a unit head.
    const seen = (await head.get(`/api/arenas/${id}`)).json();
    expect([seen.screenToken, seen.judges, seen.recusals, seen.contestants.length]).toEqual([
      null,
      [],
      [],
      contestants.length,
    ]);
    expect((await head.post(`/api/arenas/${id}/host`, { type: 'start' })).statusCode).toBe(403);
    expect((await head.post(`/api/arenas/${id}/codes`, {})).statusCode).toBe(403);
    const a = contestants.find((c) => c.unitId === unitA)!;
    expect(detail.recusals).toEqual([
      { judgeId: detail.judges[0].id, contestantId: a.id, kind: 'unit', reason: '评委来自该选手所在单位，自动回避' },
    ]);
  });
});

describe('a live arena', () => {
  it('runs from the first call to the result, which is the engine computation', async () => {
    const { id, judges, contestants } = await setUp('live-1');
    const a = contestants.find((c) => c.unitId === unitA)!;
    // A code on a second phone while the first is active is refused.
    const again = await org.post(`/api/arenas/${id}/codes`, { judgeId: judges[6]!.id });
    const code = again.json<{ codes: { code: string }[] }>().codes[0]!.code;
    const first = await t.app.inject({ method: 'POST', url: '/api/judge/join', payload: { code } });
    judges[6]!.token = first.json<{ token: string }>().token;
    await judgeReq(judges[6]!, 'GET', '/api/judge/state');
    const second = await t.app.inject({ method: 'POST', url: '/api/judge/join', payload: { code } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('另一台手机');

    expect((await score(judges[1]!, a.id, { 实绩: 35, 举措: 25, 表现: 15, 作风: 8 })).json().error.message).toContain(
      '未开放',
    );
    await host(id, { type: 'start' });
    const totals = [
      [88, 90, 76, 92, 85, 80, 70],
      [91, 84, 86, 79, 95, 88, 77],
      [70, 75, 82, 78, 73, 69, 90],
    ];
    for (const [k, row] of totals.entries()) {
      let live = await host(id, { type: 'call' });
      const cur = live.current!.contestantId;
      await host(id, { type: 'timerStart' });
      live = await host(id, { type: 'open' });
      expect(live.current!.phase).toBe('scoring');
      for (const [i, j] of judges.entries()) {
        const total = row[i]!;
        const [x, y, z] = [Math.round(total * 0.4), Math.round(total * 0.3), Math.round(total * 0.2)];
        const res = await score(j, cur, { 实绩: x, 举措: y, 表现: z, 作风: total - x - y - z });
        if (i === 0 && cur === a.id) {
          expect(res.statusCode).toBe(403);
          expect(res.json().error.message).toContain('回避');
        } else expect(res.statusCode, res.body).toBe(200);
      }
      if (k === 0) {
        // Submitting twice replaces, never counts twice; bad input is refused naming the criterion.
        expect((await score(judges[1]!, cur, { 实绩: 36, 举措: 27, 表现: 18, 作风: 9 })).statusCode).toBe(200);
        const over = await score(judges[1]!, cur, { 实绩: 45, 举措: 27, 表现: 18, 作风: 9 });
        expect(over.statusCode).toBe(400);
        expect(over.json().error.message).toBe('评分项“实绩”：分数 45 超过该项满分 40');
        expect(
          (await score(judges[1]!, cur, { 实绩: 40, 举措: 30, 表现: 20, 作风: 10 })).json().error.message,
        ).toContain('须填写一句理由');
      }
      await host(id, { type: 'close' });
      expect((await score(judges[2]!, cur, { 实绩: 30, 举措: 20, 表现: 10, 作风: 5 })).json().error.message).toContain(
        '已截止',
      );
      live = await host(id, { type: 'reveal' });
      expect(live.contestants.find((c) => c.id === cur)!.score).not.toBeNull();
    }
    const reopen = await org.post(`/api/arenas/${id}/host`, { type: 'reopen', contestantId: a.id });
    expect(reopen.statusCode).toBe(400);
    // Judge codes (发放评委码, 重置) are offered until the arena finishes; then the route refuses them too.
    expect((await org.get(`/api/arenas/${id}/live`)).json<LiveSnapshot>().host.codes).toBe(true);
    expect((await host(id, { type: 'finish' })).host.codes).toBe(false);
    const reset = await org.post(`/api/arenas/${id}/codes`, { judgeId: judges[1]!.id });
    expect([reset.statusCode, reset.json().error.message]).toEqual([409, '擂台赛已结束，不再发放评委码']);
    expect(
      (await head.get(`/api/arenas/${id}`))
        .json()
        .judges.map((j: { name: string }) => j.name)
        .sort(),
    ).toEqual(judges.map((j) => j.name).sort());
    // 擂台承诺: what 甲局长 promised on stage goes on the ledger, led by 甲局, linked to this arena.
    const promise = {
      contestantId: a.id,
      title: '年内新增规上工业企业15家',
      deadline: `${Number(shanghaiDate().slice(0, 4)) + 1}-06-30`,
    };
    expect((await head.post(`/api/arenas/${id}/commitments`, promise)).statusCode).toBe(403);
    expect(
      (await org.post(`/api/arenas/${id}/commitments`, { ...promise, title: '好' })).json().error.message,
    ).toContain('表态内容至少 4 个字');
    expect(
      (await org.post(`/api/arenas/${id}/commitments`, { ...promise, contestantId: 999_999 })).json().error.message,
    ).toBe('该选手不在本场擂台赛中');
    const made = await org.post(`/api/arenas/${id}/commitments`, promise);
    expect(made.statusCode, made.body).toBe(201);
    const listed = (await head.get(`/api/arenas/${id}/commitments`)).json().items;
    expect(
      listed.map((i: { id: number; source: string; leadUnit: { id: number }; arena: { id: number } }) => [
        i.id,
        i.source,
        i.leadUnit.id,
        i.arena.id,
      ]),
    ).toEqual([[made.json().id, '擂台承诺', unitA, id]]);
    expect((await head.get('/api/notifications')).json().items[0].title).toBe('新督办事项：年内新增规上工业企业15家');
    // The next arena's brief opens with it: 甲局 has one open item, and its promise from this arena.
    expect((await head.get(`/api/arenas/${id}/brief`)).statusCode).toBe(403);
    const next = (await org.post('/api/arenas', { ...arenaBody(), title: '第二季度局长擂台赛' })).json<{ id: number }>()
      .id;
    const brief = (await org.get(`/api/arenas/${next}/brief`)).json();
    const briefA = brief.rows.find((r: { unitId: number }) => r.unitId === unitA);
    expect([
      briefA.dispatch,
      briefA.ledger,
      briefA.commitments.map((c: { title: string; arena: string; colour: string }) => [c.title, c.arena, c.colour]),
    ]).toEqual([null, { open: 1, overdue: 0 }, [['年内新增规上工业企业15家', '第一季度局长擂台赛', 'green']]]);
    expect(
      (await org.get(`/api/arenas/${id}/brief`)).json().rows.find((r: { unitId: number }) => r.unitId === unitA)
        .commitments,
    ).toEqual([]);
    const result = (await head.get(`/api/arenas/${id}/result`)).json();
    const d = await loadArenaData(t.database.db, id);
    const engine = scoreArena(
      engineInput(
        d,
        contestants.map((c) => c.id),
      ),
    );
    expect(
      result.rows.map((r: { contestantId: number; score: string; rank: number }) => [
        String(r.contestantId),
        r.score,
        r.rank,
      ]),
    ).toEqual(engine.map((r) => [r.contestantId, r.score, r.rank]));
    // A scoped reader keeps the district's ranks: a leader overseeing 丙局 sees it 3rd, as everyone does.
    const ranksOf = (rows: { unitName: string; rank: number }[]) => rows.map((r) => [r.unitName, r.rank]);
    const seenByLeader = (await leader.get(`/api/arenas/${id}/result`)).json();
    expect(ranksOf(seenByLeader.rows)).toEqual(ranksOf(result.rows));
    expect(ranksOf(seenByLeader.rows).find((r) => r[0] === '丙局')).toEqual(['丙局', 3]);
    const rowA = result.rows.find((r: { contestantId: number }) => r.contestantId === a.id);
    expect(rowA.groups[0].judges.find((x: { judgeId: number }) => x.judgeId === judges[0]!.id).status).toBe('recused');
    // The workbook and the notice carry the same ranking table, the result's numbers rounded for display.
    const xlsx = await org.get(`/api/arenas/${id}/result.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('成绩表')!;
    expect(ranking.getCell('A1').value).toMatch(/^第一季度局长擂台赛（2026-03-28）抽签种子：/);
    const sheetRow = (n: number) => (ranking.getRow(n).values as unknown[]).slice(1);
    expect(sheetRow(2).slice(0, 5)).toEqual(['名次', '出场', '单位', '陈述人', '总分']);
    const top = result.rows[0];
    // Ranks are integers and scores number cells holding the stored 6-place figure, shown with 2 places.
    expect(sheetRow(3).slice(0, 5)).toEqual([top.rank, top.position, top.unitName, top.presenter, Number(top.score)]);
    // At least two places, up to the six held: Excel shows the stored figure and never rounds it again.
    expect([ranking.getCell('A3').numFmt, ranking.getCell('E3').numFmt]).toEqual(['0', '0.00####']);
    expect(wb.getWorksheet('评委明细')!.getRow(1).values).toEqual([
      undefined,
      '单位',
      '评委组',
      '评委',
      '总分',
      '状态',
    ]);
    const docx = await readDocx((await org.get(`/api/arenas/${id}/result.docx`)).rawPayload);
    expect(docx.paragraphs[2]).toBe('第一季度局长擂台赛成绩通报');
    expect(docx.tables[0]!.slice(0, 2).map((r) => r.slice(0, 5))).toEqual([
      sheetRow(2).slice(0, 5),
      [String(top.rank), String(top.position), top.unitName, top.presenter, top.scoreShown],
    ]);
  });

  it('ties two contestants equal on paper (1307/15 each), through judges marked absent (缺席), audited', async () => {
    // Issue 12, example 1: weights 0.5/0.3/0.2; A's groups give 88, 86, 260/3 and B's 266/3, 86, 85.
    const names = ['领导甲', '领导乙', '领导丙', '专家甲', '群众甲', '群众乙', '群众丙'];
    const groupOf = (i: number) => (i < 3 ? '领导评委' : i === 3 ? '专家评委' : '群众代表');
    const body = {
      ...arenaBody(),
      title: '例一擂台赛',
      contestants: [
        { unitId: unitA, presenter: '甲局长' },
        { unitId: unitB, presenter: '乙局长' },
      ],
      judges: names.map((name, i) => ({ name, groupId: groupOf(i), unitId: null })),
    };
    const { id, judges, contestants } = await setUp('example-1', body);
    const byName = (n: string) => judges.find((j) => j.name === n)!;
    const totals: Record<number, Record<string, number>> = {
      [unitA]: { 领导甲: 88, 专家甲: 86, 群众甲: 86, 群众乙: 87, 群众丙: 87 },
      [unitB]: { 领导甲: 88, 领导乙: 89, 领导丙: 89, 专家甲: 86, 群众甲: 85 },
    };
    const split = (t: number) => ({ 实绩: (t * 4) / 10, 举措: (t * 3) / 10, 表现: (t * 2) / 10, 作风: t / 10 });
    // 领导乙 is absent for the whole arena at first, then arrives: the mark is undone.
    const buttons = (live: LiveSnapshot, n: string) => live.host.absence.find((a) => a.judgeId === byName(n).id);
    const marked = await host(id, { type: 'absent', judgeId: byName('领导乙').id });
    // The console's 缺席 buttons come with the snapshot (core decides): nobody is on stage before the start.
    expect(buttons(marked, '领导乙')).toEqual({ judgeId: byName('领导乙').id, wholeArena: 'present', onStage: null });
    expect(buttons(marked, '领导甲')).toEqual({ judgeId: byName('领导甲').id, wholeArena: 'absent', onStage: null });
    await host(id, { type: 'present', judgeId: byName('领导乙').id });
    await host(id, { type: 'start' });
    for (let k = 0; k < 2; k += 1) {
      const called = await host(id, { type: 'call' });
      expect(buttons(called, '领导甲')).toMatchObject({ wholeArena: 'absent', onStage: 'absent' });
      const cur = called.current!.contestantId;
      const unit = contestants.find((c) => c.id === cur)!.unitId;
      for (const n of names.filter((x) => !(x in totals[unit]!)))
        await host(id, { type: 'absent', judgeId: byName(n).id, contestantId: cur });
      await host(id, { type: 'open' });
      for (const [n, total] of Object.entries(totals[unit]!))
        expect((await score(byName(n), cur, split(total))).statusCode).toBe(200);
      await host(id, { type: 'close' });
      await host(id, { type: 'reveal' });
    }
    const bad = await org.post(`/api/arenas/${id}/host`, { type: 'absent', judgeId: 999_999 });
    expect(bad.statusCode).toBe(404);
    const result = (await org.get(`/api/arenas/${id}/result`)).json();
    expect(
      result.rows.map((r: { score: string; scoreShown: string; rank: number }) => [r.score, r.scoreShown, r.rank]),
    ).toEqual([
      ['87.133333', '87.13', 1],
      ['87.133333', '87.13', 1],
    ]);
    // The big screen says the same: equal scores, one rank.
    const screen = (await org.get(`/api/arenas/${id}/live`)).json<LiveSnapshot>();
    expect(screen.contestants.map((c) => [c.scoreShown, c.rank])).toEqual([
      ['87.13', 1],
      ['87.13', 1],
    ]);
    expect(result.rows[0].explanation.params.exact).toBe('1307/15');
    const rowA = result.rows.find(
      (r: { contestantId: number }) => contestants.find((c) => c.id === r.contestantId)!.unitId === unitA,
    );
    const leaders = rowA.groups.find((g: { groupId: string }) => g.groupId === '领导评委');
    expect(leaders.judges.map((j: { name: string; status: string }) => [j.name, j.status])).toEqual([
      ['领导甲', 'used'],
      ['领导乙', 'excused'],
      ['领导丙', 'excused'],
    ]);
    expect(result.excused.map((e: { name: string; contestants: string[] }) => [e.name, e.contestants])).toEqual([
      ['领导乙', ['甲局']],
      ['领导丙', ['甲局']],
      ['群众乙', ['乙局']],
      ['群众丙', ['乙局']],
    ]);
    expect(result.absences).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await org.get(`/api/arenas/${id}/result.xlsx`)).rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('成绩表')!;
    expect([3, 4].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 5).value])).toEqual([
      [1, 87.133333],
      [1, 87.133333],
    ]);
    const detail = wb.getWorksheet('评委明细')!;
    const statuses = detail.getColumn(5).values.slice(2);
    expect(statuses.filter((v) => v === '缺席')).toHaveLength(4);
    expect(typeof detail.getCell(2, 4).value === 'number' || detail.getCell(2, 4).value === null).toBe(true);
    expect((wb.getWorksheet('缺评')!.getRow(2).values as unknown[]).slice(1)).toEqual([
      '领导乙',
      '领导评委',
      '缺席',
      '甲局',
    ]);
    const audit = await t.database.db.execute<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_id = '${id}' AND action LIKE 'arena.host.%'` as never,
    );
    const actions = (audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'arena.host.absent')).toHaveLength(5);
    expect(actions).toContain('arena.host.present');
    // Published: a leader reads the organiser's ranks (the district's), equal scores sharing one.
    await host(id, { type: 'finish' });
    const ranks = async (c: Client) =>
      (await c.get(`/api/arenas/${id}/result`))
        .json()
        .rows.map((r: { unitName: string; rank: number; scoreShown: string }) => [r.unitName, r.rank, r.scoreShown]);
    expect(await ranks(leader)).toEqual(await ranks(org));
    expect((await ranks(leader)).map((r: unknown[]) => r[1])).toEqual([1, 1]);
  });

  it('lets the host close scoring without an absent judge, records who was absent, and audits a reopen', async () => {
    const { id, judges } = await setUp('absent');
    await host(id, { type: 'start' });
    await host(id, { type: 'call' });
    const live = await host(id, { type: 'open' });
    const cur = live.current!.contestantId;
    for (const j of judges.slice(1, 5))
      expect((await score(j, cur, { 实绩: 32, 举措: 24, 表现: 16, 作风: 8 })).statusCode).toBe(200);
    await host(id, { type: 'close' });
    await host(id, { type: 'reopen', contestantId: cur, reason: '专家评委网络中断' });
    expect((await score(judges[5]!, cur, { 实绩: 30, 举措: 24, 表现: 16, 作风: 8 })).statusCode).toBe(200);
    await host(id, { type: 'close' });
    const result = (await org.get(`/api/arenas/${id}/result`)).json();
    expect(result.absences.map((a: { name: string }) => a.name)).toContain('群众一');
    expect((await head.get(`/api/arenas/${id}/result`)).statusCode).toBe(403);
    const audit = await t.database.db.execute<{ action: string; after: { reason?: string } }>(
      `SELECT action, after FROM audit_log WHERE action = 'arena.host.reopen'` as never,
    );
    expect(JSON.stringify((audit as unknown as { rows: unknown[] }).rows)).toContain('专家评委网络中断');
  });

  it('keeps a judge to their own arena, and a reset code logs the old phone out', async () => {
    const one = await setUp('scope-1');
    const two = await setUp('scope-2');
    await host(two.id, { type: 'start' });
    const live = await host(two.id, { type: 'call' });
    await host(two.id, { type: 'open' });
    const res = await score(one.judges[1]!, live.current!.contestantId, { 实绩: 30, 举措: 20, 表现: 10, 作风: 5 });
    expect(res.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/judge/scores/${live.current!.contestantId}`,
          payload: { criteria: {} },
        })
      ).statusCode,
    ).toBe(401);
    await org.post(`/api/arenas/${one.id}/codes`, { judgeId: one.judges[1]!.id });
    expect((await judgeReq(one.judges[1]!, 'GET', '/api/judge/state')).statusCode).toBe(401);
  });
});

describe('live updates', () => {
  it('pushes each change to screens and judges over SSE within a second', async () => {
    const { id, judges } = await setUp('sse');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const token = (await org.get(`/api/arenas/${id}`)).json<{ screenToken: string }>().screenToken;
    const screen = await openSse(`${address}/api/screen/${token}/events`);
    const { screenToken } = (await judgeReq(judges[2]!, 'GET', '/api/judge/state')).json<{ screenToken: string }>();
    expect(screenToken).toBe(token);
    const phone = await openSse(`${address}/api/screen/${screenToken}/events`);
    await screen.waitFor((e) => e.event === 'state');
    const started = Date.now();
    await host(id, { type: 'start' });
    await host(id, { type: 'call' });
    const opened = await host(id, { type: 'open' });
    await score(judges[2]!, opened.current!.contestantId, { 实绩: 30, 举措: 20, 表现: 10, 作风: 5 });
    const seen = (e: { data: unknown }) => (e.data as LiveSnapshot).current?.submitted === 1;
    await Promise.all([screen.waitFor(seen, 1000), phone.waitFor(seen, 1000)]);
    expect(Date.now() - started).toBeLessThan(3000);
    screen.close();
    phone.close();
  });
});
