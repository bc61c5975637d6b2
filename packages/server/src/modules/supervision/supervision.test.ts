import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { BoardRow, LedgerItem, LedgerItemDetail, TodoGroup } from '@leitai/core';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { auditLog, urges } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';

let t: TestApp;
const as: Record<string, Client> = {};
beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  for (const u of ['organiser', 'organiser.liuting', 'leader', 'reporter.fgj', 'head.fgj', 'reporter.gxj'])
    as[u] = await loginAs(t.app, u, DEMO_PASSWORD);
});
afterAll(() => t.close());

const detail = async (c: Client, id: number) => (await c.get(`/api/ledger/items/${id}`)).json<LedgerItemDetail>();
const items = async (c: Client, q = '') => (await c.get(`/api/ledger/items${q}`)).json<{ items: LedgerItem[] }>().items;
const bell = async (c: Client) =>
  (await c.get('/api/notifications?limit=50')).json<{ items: { title: string; body: string; link: string }[] }>().items;

describe('催办 on a ledger item', () => {
  it('the office urges an overdue item: recorded, counted, the unit told in the bell, audited; again is counted again', async () => {
    const fgj = (await items(as['reporter.fgj']!, '?colour=red'))[0]!;
    expect(fgj).toBeDefined();
    const before = await detail(as.organiser!, fgj.id);
    expect(before.supervision.actions).toContain('urge');
    expect(before.supervision.urgeCount).toBe(0);
    expect((await as.organiser!.post(`/api/ledger/items/${fgj.id}/urge`, { message: '请本周内销号' })).statusCode).toBe(
      200,
    );
    expect((await as.organiser!.post(`/api/ledger/items/${fgj.id}/urge`, {})).statusCode).toBe(200);
    const seen = await detail(as['reporter.fgj']!, fgj.id);
    expect(seen.supervision.urgeCount).toBe(2);
    expect(seen.supervision.urges.map((u) => u.message)).toEqual(['', '请本周内销号']);
    expect(seen.supervision.actions).toEqual([]);
    const notices = (await bell(as['reporter.fgj']!)).filter(
      (n) => n.link === `/ledger/items/${fgj.id}` && n.title.startsWith('催办'),
    );
    expect(notices.map((n) => n.title)).toEqual([`催办（第 2 次）：${fgj.title}`, `催办（第 1 次）：${fgj.title}`]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'supervision.urge'), eq(auditLog.targetId, String(fgj.id))));
    expect(audit.map((a) => a.after)).toContainEqual({ urges: 2, message: '' });
    // The bulletin counts them (this month's).
    const period = shanghaiDate().slice(0, 7);
    const bulletin = (await as.organiser!.get(`/api/ledger/bulletin?period=${period}&format=json`)).json<{
      overdueItems: { id: number; urges: number }[];
      urgeSentence: string | null;
    }>();
    expect(bulletin.overdueItems.find((i) => i.id === fgj.id)?.urges).toBe(2);
    expect(bulletin.urgeSentence).toContain(`${fgj.leadUnit.name} 2 次`);
  });

  it('refuses what is not overdue (409), another office (403), a unit (403) and bad input (400)', async () => {
    const green = (await items(as.organiser!, '?colour=green'))[0]!;
    const res = await as.organiser!.post(`/api/ledger/items/${green.id}/urge`, {});
    expect([res.statusCode, res.json().error.message]).toEqual([409, '事项尚未逾期，不能催办']);
    const red = (await items(as.organiser!, '?colour=red'))[0]!;
    expect(
      (await as['organiser.liuting']!.post(`/api/ledger/items/${red.id}/urge`, {})).statusCode,
    ).toBeGreaterThanOrEqual(403);
    expect((await as['reporter.fgj']!.post(`/api/ledger/items/${red.id}/urge`, {})).statusCode).toBeGreaterThanOrEqual(
      403,
    );
    const long = await as.organiser!.post(`/api/ledger/items/${red.id}/urge`, { message: '催'.repeat(201) });
    expect(long.statusCode).toBe(400);
    const n = await t.database.db.select().from(urges).where(eq(urges.ledgerItemId, red.id));
    expect(n.length).toBe(0);
  });
});

describe('批示 and 回复', () => {
  it('a leader instructs an item of a unit he oversees; the unit answers once; the leader sees the answer', async () => {
    const item = (await items(as['reporter.fgj']!))[0]!;
    const w = await as.leader!.post(`/api/ledger/items/${item.id}/instructions`, {
      text: '请倒排工期，月底前见底清零',
    });
    expect(w.statusCode).toBe(200);
    // The unit's home and bell say so; the unit may answer.
    const home = (await as['head.fgj']!.get('/api/todos')).json<{ groups: TodoGroup[] }>().groups;
    expect(home.find((g) => g.kind === 'supervision.to_answer')?.entries.map((e) => e.title)).toContain(item.title);
    expect((await bell(as['head.fgj']!)).some((n) => n.title === `领导批示：${item.title}`)).toBe(true);
    const leaderHome = (await as.leader!.get('/api/todos')).json<{ groups: TodoGroup[] }>().groups;
    expect(leaderHome.find((g) => g.kind === 'supervision.waiting')?.count).toBeGreaterThanOrEqual(1);
    const [ins] = (await detail(as['head.fgj']!, item.id)).supervision.instructions;
    expect(ins).toMatchObject({
      byName: '李区长(leader)',
      text: '请倒排工期，月底前见底清零',
      answer: null,
      canAnswer: true,
    });
    // Another unit cannot answer it; an empty answer is refused.
    expect((await as['reporter.gxj']!.post(`/api/instructions/${ins!.id}/answer`, { text: '好' })).statusCode).toBe(
      404,
    );
    expect((await as['head.fgj']!.post(`/api/instructions/${ins!.id}/answer`, { text: '  ' })).statusCode).toBe(400);
    expect(
      (await as['head.fgj']!.post(`/api/instructions/${ins!.id}/answer`, { text: '已制定计划，月底前完成' }))
        .statusCode,
    ).toBe(200);
    const again = await as['head.fgj']!.post(`/api/instructions/${ins!.id}/answer`, { text: '再答' });
    expect([again.statusCode, again.json().error.message]).toEqual([409, '该批示已回复，不能重复回复']);
    const seen = (await detail(as.leader!, item.id)).supervision.instructions[0]!;
    expect(seen).toMatchObject({
      answer: '已制定计划，月底前完成',
      answeredByName: '赵局长(head.fgj)',
      canAnswer: false,
    });
    expect((await bell(as.leader!)).some((n) => n.title === `批示已回复：${item.title}`)).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'supervision.answer'));
    expect(audit.length).toBe(1);
  });

  it('a leader cannot instruct outside the units he oversees', async () => {
    const outside = (await items(as.organiser!)).find((i) => i.leadUnit.name === '区住建局')!;
    const res = await as.leader!.post(`/api/ledger/items/${outside.id}/instructions`, { text: '请加快' });
    expect(res.statusCode).toBe(404);
    expect(
      (await as.organiser!.post(`/api/ledger/items/${outside.id}/instructions`, { text: '请加快' })).statusCode,
    ).toBe(403);
  });
});

describe('催报 and 批示 on a monthly report', () => {
  it('the office urges a missing report; the unit sees 已催办 on its report; the board’s bulletin counts it', async () => {
    const { campaigns } = (await as.organiser!.get('/api/dispatch/campaigns')).json<{ campaigns: { id: number }[] }>();
    const campaign = campaigns[0]!.id;
    const detailOf = (
      await as.organiser!.get(`/api/dispatch/campaigns/${campaign}?year=${new Date().getFullYear()}`)
    ).json<{
      periods: { period: string; open: boolean; deadline: string }[];
    }>();
    // A month past its deadline with a missing report, if the demo has one; else any closed month refuses nothing filed.
    for (const p of [...detailOf.periods].reverse()) {
      const board = (
        await as.organiser!.get(`/api/dispatch/campaigns/${campaign}/board?period=${p.period}&report=missing`)
      ).json<{
        rows: BoardRow[];
      }>();
      const row = board.rows[0];
      if (!row) continue;
      const url = `/api/dispatch/campaigns/${campaign}/units/${row.unit.id}`;
      expect((await as.organiser!.post(`${url}/urge?period=${p.period}`, { message: '请今天报送' })).statusCode).toBe(
        200,
      );
      const form = (await as.organiser!.get(`${url}/report?period=${p.period}`)).json<{
        supervision: { urgeCount: number; actions: string[] };
      }>();
      expect(form.supervision.urgeCount).toBe(1);
      const bulletin = (
        await as.organiser!.get(`/api/dispatch/campaigns/${campaign}/bulletin?period=${p.period}&format=json`)
      ).json<{
        late: { unit: string; urges: number }[];
      }>();
      expect(bulletin.late.find((l) => l.unit === row.unit.name)?.urges).toBe(1);
      // A submitted report is not urged.
      const sub = (
        await as.organiser!.get(`/api/dispatch/campaigns/${campaign}/board?period=${p.period}&report=submitted`)
      ).json<{
        rows: BoardRow[];
      }>().rows[0];
      if (sub)
        expect(
          (
            await as.organiser!.post(
              `/api/dispatch/campaigns/${campaign}/units/${sub.unit.id}/urge?period=${p.period}`,
              {},
            )
          ).statusCode,
        ).toBe(409);
      return;
    }
    throw new Error('the demo has no missing report');
  });
});
