import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { multipartFile } from '../../../test/authz/types.js';
import { auditLog, benchmarkFigures } from '../../db/schema/index.js';

/** 对标 through HTTP: the template, a whole-or-nothing import, the gaps and months to close, who reads them. */
let t: TestApp;
let statsBureau: number;
let org: Client;
let leader: Client;
let reporter: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: 'X区' });
  const unit = await buildUnit(db, { parentId: root.id, name: '区统计局' });
  statsBureau = unit.id;
  const elsewhere = await buildUnit(db, { name: '别的市' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: root.id, roles: ['leader'], username: 'leader' });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'rep' });
  await buildUser(db, { unitId: elsewhere.id, roles: ['organiser'], username: 'outsider' });
  [org, leader, reporter, outsider] = (await Promise.all(
    ['org', 'leader', 'rep', 'outsider'].map((u) => loginAs(t.app, u)),
  )) as [Client, Client, Client, Client];
});
afterAll(() => t.close());

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const template = await org.get('/api/benchmarks/template');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  for (let i = rows.length + 2; i <= 5; i += 1) ws.getRow(i).values = []; // the template's four examples
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (c: Client, file: Buffer) =>
  c.request({ method: 'POST', url: '/api/benchmarks/import', ...multipartFile('对标.xlsx', file) });

describe('对标', () => {
  it('refuses a sheet with bad cells whole, naming each, and writes nothing', async () => {
    const res = await upload(
      org,
      await sheet([
        ['', '地区生产总值', '亿元', '博罗县', 'abc', null, '2023-13', '公报', '', '否'],
        ['', '一般公共预算收入', '亿元', '龙海区', 50, null, '2023-12-31', '公报', '', '否'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json<{ error: { details: { errors: { column: string; message: string }[] } } }>().error.details
      .errors;
    expect(errors.map((e) => e.column)).toEqual(expect.arrayContaining(['数值', '数据日期', '对象']));
    expect(await t.database.db.select().from(benchmarkFigures)).toEqual([]);
    expect((await upload(reporter, await sheet([]))).statusCode).toBe(403);
  });

  it('imports the seed figures and shows the gap and the months to close at our pace', async () => {
    const res = await upload(
      org,
      await sheet([
        ['', '地区生产总值', '亿元', '本区', 589.23, 571.33, '2023-12-31', '区委全会讲话', '不含临空', '否'],
        ['', '地区生产总值', '亿元', '博罗县', 838.88, null, '2023-12-31', '推算', '', '否'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'benchmark.import'))
      .orderBy(auditLog.id);
    expect(entry).toMatchObject({ before: [], after: [{ subject: '本区', value: '589.23' }, { subject: '博罗县' }] });
    const board = (await leader.get('/api/benchmarks')).json<{
      indicators: {
        indicator: string;
        ours: { value: string };
        peers: { subject: string; gap: string; share: string; monthsToClose: number }[];
      }[];
    }>();
    expect(board.indicators[0]).toMatchObject({
      indicator: '地区生产总值',
      ours: { value: '589.23' },
      peers: [{ subject: '博罗县', gap: '249.65', share: '70.24%', monthsToClose: 168 }],
    });
    expect((await reporter.get('/api/benchmarks')).statusCode).toBe(403);
    expect((await outsider.get('/api/benchmarks')).json()).toEqual({ indicators: [], units: [], unit: null });
  });

  it('keeps a unit’s figures against peer units, and its 学赶对象 chosen by the office, audited', async () => {
    const bad = await upload(
      org,
      await sheet([
        ['别的局', '统计调查完成率', '%', '本单位', 90, 85, '2023-12-31', '年报', '', '否'],
        ['区统计局', '统计调查完成率', '%', '本区', 90, 85, '2023-12-31', '年报', '', '否'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('“别的局”不是本考核办所辖的单位');
    expect(bad.body).toContain('单位自己的数值填“本单位”');
    const res = await upload(
      org,
      await sheet([
        ['', '地区生产总值', '亿元', '本区', 589.23, 571.33, '2023-12-31', '讲话', '', '否'],
        ['', '地区生产总值', '亿元', '龙海区', 632.9, null, '2023-12-31', '推算', '', '否'],
        ['区统计局', '统计调查完成率', '%', '本单位', 90, 84, '2023-12-31', '年报', '', '否'],
        ['区统计局', '统计调查完成率', '%', '武昌区统计局', 96, 96, '2023-12-31', '年报', '', '否'],
        ['区统计局', '统计调查完成率', '%', '昆山市统计局', 99, 98, '2023-12-31', '年报', '', '否'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    type Board = {
      units: { id: number; name: string }[];
      indicators: {
        indicator: string;
        model: string | null;
        peers: { subject: string; isModel: boolean; monthsToClose: number | null; actions: string[] }[];
      }[];
    };
    const region = (await org.get('/api/benchmarks')).json<Board>();
    expect(region.units).toEqual([{ id: statsBureau, name: '区统计局' }]);
    expect(region.indicators.map((i) => i.indicator)).toEqual(['地区生产总值']);
    const before = (await org.get(`/api/benchmarks?unitId=${statsBureau}`)).json<Board>();
    // 90 against 96, gaining 6 a year on a peer that stands still: 12 months; against 昆山 (gaining 1): 9 / (5/12) → 22.
    expect(before.indicators[0]).toMatchObject({
      model: null,
      peers: [
        { subject: '武昌区统计局', monthsToClose: 12, isModel: false, actions: ['choose_model'] },
        { subject: '昆山市统计局', monthsToClose: 22, isModel: false },
      ],
    });
    expect(
      (await leader.get(`/api/benchmarks?unitId=${statsBureau}`)).json<Board>().indicators[0]!.peers[0]!.actions,
    ).toEqual([]);

    const choose = (c: Client, subject: string, unitId: number | null = statsBureau) =>
      c.request({ method: 'PUT', url: '/api/benchmarks/model', payload: { unitId, subject } });
    expect((await choose(leader, '昆山市统计局')).statusCode).toBe(403);
    expect((await choose(outsider, '昆山市统计局')).statusCode).toBe(404);
    expect((await choose(org, '博罗县')).statusCode).toBe(422);
    expect((await choose(org, '本单位')).statusCode).toBe(422);
    expect((await choose(org, '')).statusCode).toBe(400);
    expect((await choose(org, '昆山市统计局')).statusCode).toBe(200);
    expect((await choose(org, '武昌区统计局')).statusCode).toBe(200);
    const after = (await org.get(`/api/benchmarks?unitId=${statsBureau}`)).json<Board>();
    // The 学赶对象 first, and no action to choose it again.
    expect(after.indicators[0]).toMatchObject({
      model: '武昌区统计局',
      peers: [
        { subject: '武昌区统计局', isModel: true, actions: [] },
        { subject: '昆山市统计局', isModel: false, actions: ['choose_model'] },
      ],
    });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'benchmark.model'))
      .orderBy(auditLog.id);
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [null, { subject: '昆山市统计局' }],
      [{ subject: '昆山市统计局' }, { subject: '武昌区统计局' }],
    ]);
  });
});
