import ExcelJS from 'exceljs';
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog, ledgerItems, suggestionReviews, suggestions, users } from '../../db/schema/index.js';
import { setTestToday } from '../../jobs/clock.js';

/** 金点子 through HTTP: a round, ideas from accounts and the public, reviews, the top N, adoption, rewards. */
let t: TestApp;
let org: Client;
let rep1: Client;
let rep2: Client;
let headA: Client;
let headB: Client;
let judge1: Client;
let judge2: Client;
let outsider: Client;
const ids = { unitA: 0, unitB: 0, rep1: 0, judge1: 0, judge2: 0, headA: 0 };
let roundId = 0;
let publicCode = '';

type Idea = { id: number; rank: number | null; chosen: boolean; score: string | null; actions: string[] };

beforeAll(async () => {
  setTestToday('2026-06-15');
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  ids.unitA = (await buildUnit(db, { parentId: root.id, name: '区发改局' })).id;
  ids.unitB = (await buildUnit(db, { parentId: root.id, name: '区商务局' })).id;
  const elsewhere = await buildUnit(db, { name: '胶州市' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: elsewhere.id, roles: ['organiser'], username: 'outsider' });
  ids.rep1 = (await buildUser(db, { unitId: ids.unitA, roles: ['reporter'], username: 'rep1' })).id;
  await db.update(users).set({ displayName: '王建' }).where(eq(users.id, ids.rep1));
  await buildUser(db, { unitId: ids.unitB, roles: ['reporter'], username: 'rep2' });
  ids.headA = (await buildUser(db, { unitId: ids.unitA, roles: ['unit_head'], username: 'heada' })).id;
  await buildUser(db, { unitId: ids.unitB, roles: ['unit_head'], username: 'headb' });
  ids.judge1 = (await buildUser(db, { unitId: root.id, roles: ['leader'], username: 'judge1' })).id;
  ids.judge2 = (await buildUser(db, { unitId: ids.unitB, roles: ['unit_head'], username: 'judge2' })).id;
  const names = ['org', 'rep1', 'rep2', 'heada', 'headb', 'judge1', 'judge2', 'outsider'];
  [org, rep1, rep2, headA, headB, judge1, judge2, outsider] = (await Promise.all(
    names.map((u) => loginAs(t.app, u)),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client, Client];
});
afterAll(async () => {
  setTestToday(null);
  await t.close();
});

const audits = async (action: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
const suggestionCount = async () => (await t.database.db.select({ n: count() }).from(suggestions))[0]!.n;

describe('a round and its submissions', () => {
  it('lets the office open a round with its criteria and reward table; nobody else', async () => {
    const body = { title: '2026年度金点子征集', opensOn: '2026-06-01', closesOn: '2026-06-30', topN: 2 };
    expect((await rep1.post('/api/suggestions/rounds', body)).statusCode).toBe(403);
    expect((await org.post('/api/suggestions/rounds', { ...body, closesOn: '2026-05-01' })).body).toContain(
      '截止日期不能早于开始日期',
    );
    const res = await org.post('/api/suggestions/rounds', body);
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json<{ id: number; publicCode: string; criteria: unknown[]; maxTotal: string }>();
    expect(round.criteria).toHaveLength(3);
    expect(round.maxTotal).toBe('100');
    roundId = round.id;
    publicCode = round.publicCode;
    const [entry] = await audits('suggestion_round.create');
    expect(entry?.after).toMatchObject({ title: body.title, topN: 2 });
    // Officials of the office see it (without the public code); another city's office does not.
    const seen = (await rep1.get('/api/suggestions/rounds')).json<{ id: number; publicCode: string | null }[]>();
    expect(seen.map((r) => [r.id, r.publicCode])).toEqual([[roundId, null]]);
    expect((await outsider.get('/api/suggestions/rounds')).json()).toEqual([]);
    expect((await outsider.get(`/api/suggestions/rounds/${roundId}`)).statusCode).toBe(404);
  });

  it('takes one idea of at most 500 characters per submission, and writes nothing for bad input', async () => {
    const before = await suggestionCount();
    const long = await rep1.post('/api/suggestions', { roundId, title: '太长', body: '字'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('内容不能超过 500 个字');
    expect((await rep1.post('/api/suggestions', { roundId, title: '', body: '内容' })).statusCode).toBe(400);
    expect((await outsider.post('/api/suggestions', { roundId, title: '外市', body: '内容' })).statusCode).toBe(404);
    expect(await suggestionCount()).toBe(before);
    const ok = await rep1.post('/api/suggestions', {
      roundId,
      title: '推行“拿地即开工”审批模式',
      body: '字'.repeat(500),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const [c, title] of [
      [rep2, '商圈夜间经济错时停车'],
      [rep2, '外贸企业出口信保统保'],
    ] as const)
      expect((await c.post('/api/suggestions', { roundId, title, body: '具体做法如下。' })).statusCode).toBe(200);
    const [entry] = await audits('suggestion.submit');
    expect(entry?.after).toMatchObject({ roundId, title: '推行“拿地即开工”审批模式' });
  });

  it('takes the public’s idea through the link, without an account, and refuses outside the dates', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${publicCode}` });
    expect(page.json()).toMatchObject({ title: '2026年度金点子征集', open: true });
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/suggestions/${publicCode}`,
      payload: { title: '社区食堂引入社会力量', body: '由街道提供场地……', name: '刘女士', contact: '13900000000' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const [row] = await t.database.db.select().from(suggestions).where(eq(suggestions.channel, 'public'));
    expect(row).toMatchObject({ proposerId: null, proposerUnitId: null, proposerName: '刘女士' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/suggestions/nonexistent-code-123' })).statusCode,
    ).toBe(404);
    setTestToday('2026-07-01');
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/public/suggestions/${publicCode}`,
      payload: { title: '迟到的建议', body: '……', name: '赵先生' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('现在不能提交');
    setTestToday('2026-06-15');
  });

  it('shows a unit’s head his unit’s ideas, not another unit’s; the proposer his own', async () => {
    const a = (await headA.get(`/api/suggestions/rounds/${roundId}`)).json<{ suggestions: { title: string }[] }>();
    expect(a.suggestions.map((s) => s.title)).toEqual(['推行“拿地即开工”审批模式']);
    const b = (await headB.get(`/api/suggestions/rounds/${roundId}`)).json<{ suggestions: unknown[] }>();
    expect(b.suggestions).toHaveLength(2);
    const all = (await org.get(`/api/suggestions/rounds/${roundId}`)).json<{ suggestions: unknown[] }>();
    expect(all.suggestions).toHaveLength(4);
    const mine = (await rep1.get('/api/suggestions/mine')).json<{ mine: { title: string }[] }>();
    expect(mine.mine.map((s) => s.title)).toEqual(['推行“拿地即开工”审批模式']);
    const rep2Idea = (await t.database.db.select().from(suggestions).where(like(suggestions.title, '商圈%')))[0]!;
    expect((await headA.get(`/api/suggestions/${rep2Idea.id}`)).statusCode).toBe(404);
    expect((await headB.get(`/api/suggestions/${rep2Idea.id}`)).statusCode).toBe(200);
    // A reporter reads no one's ideas but his own (no suggestion.read at all: 403).
    expect((await rep1.get(`/api/suggestions/${rep2Idea.id}`)).statusCode).toBe(403);
  });
});

describe('reviews, the top N, adoption and rewards', () => {
  const idOf = async (prefix: string) =>
    (
      await t.database.db
        .select()
        .from(suggestions)
        .where(like(suggestions.title, `${prefix}%`))
    )[0]!.id;

  it('assigns reviewers (never the proposer) and takes only their sheets, within the maxima', async () => {
    const first = await idOf('推行');
    expect((await org.put(`/api/suggestions/${first}/reviewers`, { userIds: [ids.rep1] })).statusCode).toBe(422);
    expect((await rep2.put(`/api/suggestions/${first}/reviewers`, { userIds: [ids.judge1] })).statusCode).toBe(403);
    for (const prefix of ['推行', '商圈', '外贸', '社区']) {
      const res = await org.put(`/api/suggestions/${await idOf(prefix)}/reviewers`, {
        userIds: [ids.judge1, ids.judge2],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const [entry] = await audits('suggestion.assign');
    expect(entry).toMatchObject({ before: { status: 'submitted', reviewerIds: [] } });
    const sheet = { innovation: '28', feasibility: '36', benefit: '26' };
    const over = await judge1.put(`/api/suggestions/${first}/score`, { scores: { ...sheet, innovation: '31' } });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('“创新性”的分数须在 0 到 30 之间');
    // Not a reviewer, and not one who may read it: it does not exist for him.
    expect((await rep2.put(`/api/suggestions/${first}/score`, { scores: sheet })).statusCode).toBe(404);
    // An organiser of the office may see it, but is no reviewer either.
    expect((await org.put(`/api/suggestions/${first}/score`, { scores: sheet })).statusCode).toBe(403);
    const rows = await t.database.db.select().from(suggestionReviews).where(eq(suggestionReviews.suggestionId, first));
    expect(rows.every((r) => r.total === null)).toBe(true);
    // 推行 90 + 86 → 88; 商圈 88 + 88 → 88 (a tie on paper); 外贸 80 + 81 → 80.5; 社区 unscored.
    const score = async (c: Client, prefix: string, i: string, f: string, b: string) => {
      const res = await c.put(`/api/suggestions/${await idOf(prefix)}/score`, {
        scores: { innovation: i, feasibility: f, benefit: b },
        comment: '',
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await score(judge1, '推行', '28', '36', '26');
    await score(judge2, '推行', '26', '34', '26');
    await score(judge1, '商圈', '28', '34', '26');
    await score(judge2, '商圈', '28', '34', '26');
    await score(judge1, '外贸', '20', '35', '25');
    await score(judge2, '外贸', '20', '36', '25');
    // A correction before the decision is audited with the sheet before it.
    await score(judge2, '外贸', '20', '36', '25.5');
    const corrected = (await audits('suggestion.score')).at(-1)!;
    expect(corrected.before).toMatchObject({ total: '81' });
    expect(corrected.after).toMatchObject({ total: '81.5' });
  });

  it('chooses the top 2 by exact mean, keeping the tie together', async () => {
    const res = (await org.get(`/api/suggestions/rounds/${roundId}`)).json<{
      suggestions: (Idea & { title: string })[];
    }>();
    expect(res.suggestions.map((s) => [s.title.slice(0, 2), s.score, s.rank, s.chosen])).toEqual([
      ['推行', '88', 1, true],
      ['商圈', '88', 1, true],
      ['外贸', '80.75', 3, false],
      ['社区', null, null, false],
    ]);
    expect(res.suggestions[0]!.actions).toEqual(['assign', 'adopt', 'reject']);
    const asReviewer = (await judge1.get('/api/suggestions/mine')).json<{ toReview: Idea[] }>();
    expect(asReviewer.toReview).toHaveLength(4);
    expect(asReviewer.toReview.every((s) => s.actions.includes('score'))).toBe(true);
  });

  it('adopts an idea onto the ledger with the proposer credited, then rewards it within the quota', async () => {
    const first = await idOf('推行');
    const second = await idOf('商圈');
    expect(
      (await org.post(`/api/suggestions/${first}/adopt`, { leadUnitId: ids.unitA, deadline: '2026-01-01' })).statusCode,
    ).toBe(400);
    expect((await org.put(`/api/suggestions/${first}/reward`, { level: 'special' })).statusCode).toBe(409);
    const res = await org.post(`/api/suggestions/${first}/adopt`, {
      leadUnitId: ids.unitA,
      deadline: '2026-09-30',
      note: '纳入优化营商环境年度任务',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { ledgerItemId } = res.json<{ ledgerItemId: number }>();
    const [item] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, ledgerItemId));
    expect(item).toMatchObject({ source: '金点子', leadUnitId: ids.unitA, deadline: '2026-09-30' });
    expect(item!.content).toContain('建议人：王建，区发改局');
    expect((await headA.get(`/api/ledger/items/${ledgerItemId}`)).statusCode).toBe(200);
    expect(
      (await org.post(`/api/suggestions/${first}/adopt`, { leadUnitId: ids.unitA, deadline: '2026-09-30' })).statusCode,
    ).toBe(409);
    expect((await judge1.put(`/api/suggestions/${first}/score`, { scores: {} })).statusCode).toBe(409);

    await org.post(`/api/suggestions/${second}/adopt`, { leadUnitId: ids.unitB, deadline: '2026-09-30' });
    expect((await org.put(`/api/suggestions/${first}/reward`, { level: 'special' })).statusCode).toBe(200);
    const full = await org.put(`/api/suggestions/${second}/reward`, { level: 'special' });
    expect(full.statusCode).toBe(422);
    expect(full.body).toContain('“特等奖”名额已满（共 1 名）');
    expect((await org.put(`/api/suggestions/${second}/reward`, { level: 'first' })).statusCode).toBe(200);
    const [entry] = await audits('suggestion.reward');
    expect(entry).toMatchObject({ before: { level: null }, after: { level: 'special', amount: '5000' } });
    const mine = (await rep1.get('/api/suggestions/mine')).json<{ mine: { reward: unknown; status: string }[] }>();
    expect(mine.mine[0]).toMatchObject({ status: 'adopted', reward: { label: '特等奖', amount: '5000' } });
  });

  it('rejects with a reason, and counts by unit and month for the office and its leaders', async () => {
    const third = await idOf('外贸');
    expect((await org.post(`/api/suggestions/${third}/reject`, { note: '' })).statusCode).toBe(400);
    expect((await org.post(`/api/suggestions/${third}/reject`, { note: '已有同类政策' })).statusCode).toBe(200);
    const stats = (await judge1.get(`/api/suggestions/rounds/${roundId}/stats`)).json<{
      byUnit: { unitName: string | null; submitted: number; adopted: number }[];
      byMonth: { month: string; submitted: number }[];
    }>();
    expect(stats.byUnit).toEqual([
      { unitId: ids.unitB, unitName: '区商务局', submitted: 2, adopted: 1 },
      { unitId: ids.unitA, unitName: '区发改局', submitted: 1, adopted: 1 },
      { unitId: null, unitName: null, submitted: 1, adopted: 0 },
    ]);
    expect(stats.byMonth.reduce((n, m) => n + m.submitted, 0)).toBe(4);
    expect((await headA.get(`/api/suggestions/rounds/${roundId}/stats`)).statusCode).toBe(403);
  });

  it('exports the round’s results to Excel by rank', async () => {
    const res = await org.get(`/api/suggestions/rounds/${roundId}/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
    const ws = wb.getWorksheet('评选结果')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(rows[header + 1]?.slice(0, 3)).toEqual([1, '是', '推行“拿地即开工”审批模式']);
    expect(rows[header + 1]?.[8]).toBe('特等奖');
  });
});
