import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog } from '../../db/schema/index.js';
import { shanghaiDate } from '../../jobs/clock.js';
import ExcelJS from 'exceljs';

async function judgeSheet(template: Buffer, rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  // Over the template's two example rows, and nothing after the last row given.
  for (let i = 0; i < Math.max(rows.length, 2); i += 1) ws.getRow(i + 2).values = rows[i] ?? [];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function multipart(content: Buffer) {
  const boundary = '----leitai';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="评委.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Account judges (issue 17): picked from the office's accounts, scoring signed in without a code. */
let t: TestApp;
let org: Client;
let street: Client;
let judge: Client;
let bystander: Client;
let judgeUser: { id: number; displayName: string };
let streetUser: { id: number };
let unitA: number;
let unitB: number;
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '区' });
  unitA = (await buildUnit(db, { parentId: root.id, name: '甲局', code: 'jiaju' })).id;
  unitB = (await buildUnit(db, { parentId: root.id, name: '乙局' })).id;
  const streetUnit = await buildUnit(db, { parentId: root.id, name: '丁街道', isOffice: true });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: streetUnit.id, roles: ['organiser'], username: 'streetorg' });
  judgeUser = await buildUser(db, { unitId: root.id, roles: ['judge'], username: 'judgeu' });
  streetUser = await buildUser(db, { unitId: streetUnit.id, roles: ['reporter'], username: 'streetu' });
  await buildUser(db, { unitId: unitB, roles: ['reporter'], username: 'other' });
  [org, street, judge, bystander] = await Promise.all([
    loginAs(t.app, 'org'),
    loginAs(t.app, 'streetorg'),
    loginAs(t.app, 'judgeu'),
    loginAs(t.app, 'other'),
  ]);
});
afterAll(() => t.close());

const body = (judges: object[], heldOn = shanghaiDate()) => ({
  title: '账号评委擂台赛',
  heldOn,
  groups: [{ id: '领导评委', weight: 1 }],
  contestants: [{ unitId: unitA }, { unitId: unitB }],
  judges,
});
const audits = async (action: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

describe('account judges', () => {
  it('lists the office subtree accounts for the picker, not another office’s', async () => {
    const res = await org.get('/api/arenas/options/judges');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ id: number }[]>().map((a) => a.id);
    expect(ids).toContain(judgeUser.id);
    const streetIds = (await street.get('/api/arenas/options/judges')).json<{ id: number }[]>().map((a) => a.id);
    expect(streetIds).toContain(streetUser.id);
    expect(streetIds).not.toContain(judgeUser.id);
    expect((await judge.get('/api/arenas/options/judges')).statusCode).toBe(403);
  });

  it('refuses another office’s organiser adding accounts outside its subtree, and unknown accounts', async () => {
    const res = await street.post('/api/arenas', {
      ...body([{ userId: judgeUser.id, groupId: '领导评委' }]),
      contestants: [{ unitId: unitA }],
    });
    expect(res.statusCode).toBe(403);
    const unknown = await org.post('/api/arenas', body([{ userId: 999999, groupId: '领导评委' }]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('账号不存在');
    const twice = await org.post(
      '/api/arenas',
      body([
        { userId: judgeUser.id, groupId: '领导评委' },
        { userId: judgeUser.id, groupId: '领导评委' },
      ]),
    );
    expect(twice.statusCode).toBe(400);
  });

  it('sets up account and outside judges; only outside judges get codes; the account scores signed in', async () => {
    const created = await org.post(
      '/api/arenas',
      body([
        { userId: judgeUser.id, groupId: '领导评委' },
        { name: '外请专家', groupId: '领导评委' },
      ]),
    );
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: number }>();
    const [createAudit] = await audits('arena.create');
    expect(createAudit!.after).toMatchObject({
      judges: [
        { userId: judgeUser.id, name: judgeUser.displayName },
        { userId: null, name: '外请专家' },
      ],
    });

    const detail = (await org.get(`/api/arenas/${id}`)).json<{
      judges: { id: number; name: string; userId: number | null }[];
      contestants: { id: number }[];
    }>();
    expect(detail.judges.map((j) => j.userId)).toEqual([judgeUser.id, null]);
    const codes = (await org.post(`/api/arenas/${id}/codes`, {})).json<{ codes: { name: string }[] }>().codes;
    expect(codes.map((c) => c.name)).toEqual(['外请专家']);
    const accountJudge = detail.judges[0]!;
    expect((await org.post(`/api/arenas/${id}/codes`, { judgeId: accountJudge.id })).statusCode).toBe(404);

    // The judge's home lists it today, waiting.
    const home = (await judge.get('/api/judging')).json<{ arenaId: number; today: boolean; action: string }[]>();
    expect(home).toEqual([expect.objectContaining({ arenaId: id, today: true, action: 'wait' })]);
    expect((await bystander.get('/api/judging')).json()).toEqual([]);

    // A user who is not a judge of the arena is refused; a missing arena is 404.
    expect((await bystander.get(`/api/judging/${id}/state`)).statusCode).toBe(403);
    expect((await org.get(`/api/judging/${id}/state`)).statusCode).toBe(403);
    expect((await judge.get('/api/judging/999999/state')).statusCode).toBe(404);

    await org.post(`/api/arenas/${id}/draw`, { seed: 'acct' });
    for (const type of ['start', 'call', 'open']) await org.post(`/api/arenas/${id}/host`, { type });
    const state = (await judge.get(`/api/judging/${id}/state`)).json<{
      judge: { id: number; name: string };
      live: { current: { contestantId: number } | null };
    }>();
    expect(state.judge).toMatchObject({ id: accountJudge.id, name: judgeUser.displayName });
    expect((await judge.get('/api/judging')).json<{ action: string }[]>()[0]!.action).toBe('score');
    const current = state.live.current!.contestantId;
    const criteria = { 实绩: 35, 举措: 25, 表现: 16, 作风: 8 };
    const denied = await bystander.put(`/api/judging/${id}/scores/${current}`, { criteria });
    expect(denied.statusCode).toBe(403);
    // The account's own unit (the root) does not compete, so it is not recused.
    const res = await judge.put(`/api/judging/${id}/scores/${current}`, { criteria });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ total: '84' });
    const again = await judge.put(`/api/judging/${id}/scores/${current}`, { criteria: { ...criteria, 作风: 9 } });
    expect(again.statusCode).toBe(200);
    const [submit] = await audits('arena.score.submit');
    expect(submit).toMatchObject({ actorId: judgeUser.id, actorName: expect.stringContaining(judgeUser.displayName) });
    expect(submit!.before).toBeNull();
    const [correct] = await audits('arena.score.correct');
    expect(correct).toMatchObject({ actorId: judgeUser.id, before: { total: '84' }, after: { total: '85' } });
  });

  it("lists a judge's arenas today's first", async () => {
    const mk = async (heldOn: string) =>
      (await org.post('/api/arenas', body([{ userId: judgeUser.id, groupId: '领导评委' }], heldOn))).json<{
        id: number;
      }>().id;
    const future = await mk('2099-01-01');
    const past = await mk('2020-01-01');
    const list = (await judge.get('/api/judging')).json<{ arenaId: number; today: boolean }[]>();
    expect(list[0]!.today).toBe(true);
    expect(list.slice(-2).map((a) => a.arenaId)).toEqual([future, past]);
  });

  it('prints the outside judges’ codes as PDF cards, issuing the codes (audited), and only for the office', async () => {
    const { id } = (
      await org.post(
        '/api/arenas',
        body([
          { userId: judgeUser.id, groupId: '领导评委' },
          ...['甲', '乙', '丙'].map((n) => ({ name: `外请${n}`, groupId: '领导评委' })),
        ]),
      )
    ).json<{ id: number }>();
    const before = (await audits('arena.codes.issue')).length;
    const res = await org.post(`/api/arenas/${id}/codes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const issued = await audits('arena.codes.issue');
    expect(issued.length).toBe(before + 1);
    expect((issued.at(-1)!.after as { judges: number[] }).judges).toHaveLength(3);
    expect((await street.post(`/api/arenas/${id}/codes.pdf`)).statusCode).toBe(404);
    expect((await judge.post(`/api/arenas/${id}/codes.pdf`)).statusCode).toBe(403);
  });
});

// Last: the arena it sets up would be the judge's first otherwise.
describe('judges from Excel', () => {
  it('reads judges from a filled sheet into the form: accounts of the subtree, outside judges with their unit', async () => {
    const template = (await org.get('/api/arenas/options/judges/template')).rawPayload;
    const upload = async (who: Client, rows: (string | null)[][]) =>
      who.request({
        method: 'POST',
        url: '/api/arenas/options/judges/import',
        ...multipart(await judgeSheet(template, rows)),
      });
    const bad = await upload(org, [
      ['张明', '领导评委', '', 'jiaju'],
      ['', '专家评委', 'nobody', ''],
      ['', '专家评委', '', ''],
      ['李华', '群众评委', '', 'nosuchunit'],
      ['王强', '', '', ''],
    ]);
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<{ error: { details: { errors: { row: number; column: string }[] } } }>()
        .error.details.errors.map((e) => [e.row, e.column]),
    ).toEqual([
      [3, '账号'],
      [4, '姓名'],
      [5, '所在单位编码'],
      [6, '评委组'],
    ]);
    const good = await upload(org, [
      ['张明', '领导评委', '', 'JIAJU'],
      ['', '专家评委', 'judgeu', ''],
    ]);
    expect(good.statusCode).toBe(200);
    const { judges } = good.json<{ judges: object[] }>();
    expect(judges).toEqual([
      { name: '张明', groupId: '领导评委', unitId: unitA, userId: null },
      { name: judgeUser.displayName, groupId: '专家评委', unitId: expect.any(Number), userId: judgeUser.id },
    ]);
    // Another office's organiser cannot reach this office's accounts; a judge may not import at all.
    const other = await upload(street, [['', '专家评委', 'judgeu', '']]);
    expect(other.statusCode).toBe(422);
    expect((await upload(judge, [['张明', '领导评委', '', '']])).statusCode).toBe(403);
    // What the sheet gave is what the set-up takes.
    const created = await org.post('/api/arenas', {
      ...body(judges),
      groups: [
        { id: '领导评委', weight: 0.6 },
        { id: '专家评委', weight: 0.4 },
      ],
    });
    expect(created.statusCode).toBe(201);
  });
});
