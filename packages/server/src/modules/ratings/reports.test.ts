import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { and, count, eq } from 'drizzle-orm';
import {
  auditLog,
  categories,
  ledgerItems,
  ratingAppeals,
  ratingPoints,
  ratingRankings,
  ratings,
} from '../../db/schema/index.js';
import { readDocx } from '../../documents/index.js';
import { encryptPhone, ratingKeys } from './index.js';
import { testConfig } from '../../../test/harness.js';

/**
 * 好差评情况通报 and the published ranking on a small district whose figures are worked out by hand below, read back from the Word
 * and the Excel as an office would.
 *
 * 区审批局 (职能部门): 5, 5, 4, 2 (服务态度差, 实名, called back, item closed), 1 (办事效率低, item open), and a
 *   held 1 that counts nowhere → 5 ratings, 3 good, 2 bad, 1 rectified, 1 real-name called back.
 * 区城管局 (职能部门): 5, 3, 2 (服务态度差, appeal pending), 1 (appeal upheld: out of the scores) → 3, 1 good, 1 bad.
 * 流亭街道 (镇街): 4, 4 → 2, 2 good.
 * District: 10 ratings, Σ stars 35, m = 3.5, C = 10: satisfaction (C·m + Σ) / (C + n) mapped to 0–100 —
 *   审批局 (35 + 17) / 15 → 61.67, 城管局 (35 + 10) / 13 → 61.54, 流亭 (35 + 8) / 12 → 64.58.
 */
let t: TestApp;
let org: Client;
let repA: Client;
let addRating: (unitId: number, stars: number) => Promise<number>;
let unitC = 0;
const Y = new Date().getFullYear() - 1;
const range = `from=${Y}-03-01&to=${Y}-03-31`;
const url = (format: string) => `/api/ratings/bulletin?${range}&format=${format}`;

interface Bulletin {
  title: string;
  totals: { counts: { total: number; good: number; bad: number } };
  categories: { category: string; units: number; counts: { total: number } }[];
  units: { unit: { name: string }; rank: number; categoryRank: number; satisfaction: { shown: string } }[];
  reasons: { reason: string; n: number; share: { shown: string } }[];
  states: { state: string; count: number }[];
  appeals: { counts: Record<string, number>; list: { unit: string; stateLabel: string; decision: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const [dept, town] = await db
    .insert(categories)
    .values([
      { code: 'dept', name: '职能部门', sortOrder: 1 },
      { code: 'town', name: '镇街', sortOrder: 2 },
    ])
    .returning();
  const root = await buildUnit(db, { name: '城阳区' });
  const a = await buildUnit(db, { parentId: root.id, name: '区审批局', categoryId: dept!.id });
  const b = await buildUnit(db, { parentId: root.id, name: '区城管局', categoryId: dept!.id });
  const c = await buildUnit(db, { parentId: root.id, name: '流亭街道', categoryId: town!.id, kind: 'township' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  const ra = await buildUser(db, { unitId: a.id, roles: ['reporter'], username: 'ra' });
  [org, repA] = await Promise.all([loginAs(t.app, 'org'), loginAs(t.app, 'ra')]);

  const keys = ratingKeys(testConfig().secret);
  let n = 0;
  const pointOf = new Map<number, number>();
  for (const [u, name] of [
    [a, '区审批局窗口'],
    [b, '区城管局窗口'],
    [c, '流亭街道窗口'],
  ] as const) {
    const [p] = await db
      .insert(ratingPoints)
      .values({ unitId: u.id, officeUnitId: root.id, name, kind: 'window', code: `bulletin${u.id}point0000` })
      .returning();
    pointOf.set(u.id, p!.id);
  }
  const item = async (unitId: number, state: 'closed' | 'assigned') =>
    (
      await db
        .insert(ledgerItems)
        .values({
          officeUnitId: root.id,
          title: '群众差评整改',
          source: '群众差评',
          leadUnitId: unitId,
          deadline: `${Y}-03-20`,
          originalDeadline: `${Y}-03-20`,
          state,
          ...(state === 'closed' ? { closedOn: `${Y}-03-15` } : {}),
        })
        .returning()
    )[0]!.id;
  const rate = async (
    unitId: number,
    stars: number,
    more: Partial<typeof ratings.$inferInsert> = {},
  ): Promise<number> => {
    n += 1;
    const day = `${Y}-03-${String(1 + (n % 28)).padStart(2, '0')}`;
    const [row] = await db
      .insert(ratings)
      .values({
        pointId: pointOf.get(unitId)!,
        unitId,
        stars,
        deviceId: `bulletin-device-${n}`,
        periodStart: day,
        ratedOn: day,
        lookupCode: `B${String(n).padStart(9, '0')}`,
        ...more,
      })
      .returning();
    return row!.id;
  };
  for (const s of [5, 5, 4]) await rate(a.id, s);
  await rate(a.id, 2, {
    reason: '服务态度差',
    phoneCipher: encryptPhone(keys, '13800001234'),
    calledBackAt: new Date(`${Y}-03-05T09:00:00+08:00`),
    callbackCaller: '张科长',
    callbackOutcome: '已说明',
    ledgerItemId: await item(a.id, 'closed'),
  });
  await rate(a.id, 1, { reason: '办事效率低', ledgerItemId: await item(a.id, 'assigned') });
  await rate(a.id, 1, { reason: '其他', review: 'held', reviewReason: '10 分钟内收到 30 条评价' });
  for (const s of [5, 3]) await rate(b.id, s);
  const pending = await rate(b.id, 2, {
    reason: '服务态度差',
    appeal: 'pending',
    ledgerItemId: await item(b.id, 'assigned'),
  });
  const upheld = await rate(b.id, 1, { reason: '材料要求不合理', appeal: 'upheld' });
  for (const s of [4, 4]) await rate(c.id, s);
  addRating = (unitId, stars) => rate(unitId, stars);
  unitC = c.id;
  await db.insert(ratingAppeals).values([
    { ratingId: pending, reason: '当事人未到窗口办理', createdBy: ra.id },
    {
      ratingId: upheld,
      reason: '同一人多次恶意差评',
      createdBy: ra.id,
      state: 'upheld',
      decidedAt: new Date(),
      decision: '经核实为恶意差评',
    },
  ]);
});
afterAll(() => t.close());

/** The sheet's data rows by header (the header row is the frozen pane's last). */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headerRow = (ws.views[0] as { ySplit?: number }).ySplit ?? 1;
  const headers = (ws.getRow(headerRow).values as unknown[]).map((h) => String(h ?? ''));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r += 1)
    out.push(Object.fromEntries(headers.map((h, col) => [h, ws.getCell(r, col).value]).slice(1)));
  return out;
}

describe('the 好差评 bulletin', () => {
  it('counts as worked out by hand: totals, categories, ranks within the category, reasons, states, appeals', async () => {
    const res = await org.get(url('json'));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Bulletin>();
    expect(d.title).toBe(`群众评价（好差评）情况通报（${Y}年3月1日至3月31日）`);
    expect(d.totals.counts).toMatchObject({ total: 10, good: 6, bad: 3 });
    expect(d.categories.map((c) => [c.category, c.units, c.counts.total])).toEqual([
      ['职能部门', 2, 8],
      ['镇街', 1, 2],
    ]);
    expect(d.units.map((u) => [u.unit.name, u.categoryRank, u.rank, u.satisfaction.shown])).toEqual([
      ['区审批局', 1, 2, '61.67'],
      ['区城管局', 2, 3, '61.54'],
      ['流亭街道', 1, 1, '64.58'],
    ]);
    expect(d.reasons.map((r) => [r.reason, r.n, r.share.shown])).toEqual([
      ['服务态度差', 2, '66.67'],
      ['办事效率低', 1, '33.33'],
    ]);
    const states = Object.fromEntries(d.states.map((s) => [s.state, s.count]));
    expect(states).toMatchObject({ held: 1, open: 1, closed: 1, appealed: 1, excluded: 1, answered: 0 });
    expect(d.appeals.counts).toEqual({ pending: 1, upheld: 1, refused: 0 });
    expect(d.appeals.list.map((a) => [a.unit, a.stateLabel, a.decision])).toEqual([
      ['区城管局', '待审核', ''],
      ['区城管局', '申诉成立', '经核实为恶意差评'],
    ]);
  });

  it('writes the Word: the figures in the text and in the tables', async () => {
    const res = await org.get(url('docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const doc = await readDocx(res.rawPayload);
    expect(doc.paragraphs[2]).toBe(`群众评价（好差评）情况通报（${Y}年3月1日至3月31日）`);
    const text = doc.paragraphs.join('');
    expect(text).toContain('共收到有效评价 10 条，好评率 60.00%；差评 3 条，差评率 30.00%，差评整改率 33.33%');
    expect(text).toContain('实名差评 1 条，回访率 100.00%，实名差评回访整改率 100.00%');
    expect(text).toContain('本期差评申诉 2 件，其中申诉成立 1 件，申诉不成立 0 件，待审核 1 件');
    const cats = doc.tables.find((tb) => tb[0]?.[0] === '考核类别')!;
    expect(cats.slice(1)).toEqual([
      ['职能部门', '2', '8', '50.00%', '3', '37.50%', '33.33%', '100.00%'],
      ['镇街', '1', '2', '100.00%', '0', '0.00%', '—', '—'],
    ]);
    const unitsTable = doc.tables.find((tb) => tb[0]?.[0] === '类别内名次')!;
    expect(unitsTable[1]).toEqual([
      '1',
      '2',
      '区审批局',
      '职能部门',
      '5',
      '61.67',
      '60.00%',
      '2',
      '40.00%',
      '50.00%',
      '100.00%',
    ]);
    expect(unitsTable[2]).toEqual([
      '2',
      '3',
      '区城管局',
      '职能部门',
      '3',
      '61.54',
      '33.33%',
      '1',
      '33.33%',
      '0.00%',
      '—',
    ]);
    const reasons = doc.tables.find((tb) => tb[0]?.join() === '原因,条数,占比')!;
    expect(reasons.slice(1)).toEqual([
      ['服务态度差', '2', '66.67%'],
      ['办事效率低', '1', '33.33%'],
    ]);
    const states = doc.tables.find((tb) => tb[0]?.join() === '状态,条数')!;
    expect(states).toContainEqual(['申诉成立', '1']);
    const appeals = doc.tables.find((tb) => tb[0]?.includes('申诉理由'))!;
    expect(appeals[2]).toEqual([
      '2',
      '区城管局',
      '区城管局窗口',
      expect.stringMatching(/^\d{4}-03-\d\d$/),
      '非常不满意',
      '材料要求不合理',
      '同一人多次恶意差评',
      '申诉成立',
      '经核实为恶意差评',
    ]);
  });

  it('writes the Excel: counts as numbers, rates as fractions with a % format', async () => {
    const res = await org.get(url('xlsx'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
    const overall = rowsOf(wb.getWorksheet('总体情况')!);
    expect(overall.find((r) => r['指标'] === '好评')).toMatchObject({ 条数: 6, 比率: 0.6 });
    expect(overall.find((r) => r['指标'] === '差评整改')).toMatchObject({ 条数: 1, 比率: 0.333333 });
    const sheet = wb.getWorksheet('单位排名')!;
    const unitsRows = rowsOf(sheet);
    expect(unitsRows.map((r) => [r['单位'], r['类别内名次'], r['全区名次'], r['满意度'], r['好评率']])).toEqual([
      ['区审批局', 1, 2, 61.666667, 0.6],
      ['区城管局', 2, 3, 61.538462, 0.333333],
      ['流亭街道', 1, 1, 64.583333, 1],
    ]);
    const header = (ws: ExcelJS.Worksheet) => (ws.views[0] as { ySplit: number }).ySplit;
    expect(sheet.getCell(header(sheet) + 1, 7).numFmt).toBe('0.0###%');
    expect(rowsOf(wb.getWorksheet('差评原因')!).map((r) => [r['原因'], r['条数'], r['占比']])).toEqual([
      ['服务态度差', 2, 0.666667],
      ['办事效率低', 1, 0.333333],
    ]);
    expect(rowsOf(wb.getWorksheet('申诉')!).map((r) => r['审核结果'])).toEqual(['待审核', '申诉成立']);
    expect(rowsOf(wb.getWorksheet('整改状态')!).find((r) => r['状态'] === '整改中')?.['条数']).toBe(1);
  });

  it('a unit’s bulletin is its own; a reversed period is refused in Chinese', async () => {
    const mine = (await repA.get(url('json'))).json<Bulletin>();
    expect(mine.units.map((u) => [u.unit.name, u.rank])).toEqual([['区审批局', 2]]);
    expect(mine.appeals.list).toEqual([]);
    const bad = await org.get(`/api/ratings/bulletin?from=${Y}-03-31&to=${Y}-03-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('开始日期不能晚于结束日期');
  });
});

interface Ranking {
  id: number;
  version: number;
  title: string;
  office: string;
  rows: { category: string; categoryRank: number; unit: string; satisfaction: string; rectifiedRate: string }[];
  versions: { id: number; version: number }[];
}

describe('the published ranking (媒体问效)', () => {
  let first: Ranking;
  it('the office publishes a snapshot: by category, ranked within it, satisfaction and 差评整改率 as shown, audited', async () => {
    const res = await org.post('/api/ratings/rankings', { from: `${Y}-03-01`, to: `${Y}-03-31` });
    expect(res.statusCode, res.body).toBe(200);
    first = res.json<Ranking>();
    expect(first.version).toBe(1);
    expect(first.title).toBe(`群众满意度排名（${Y}-03-01至${Y}-03-31）`);
    expect(first.office).toBe('城阳区');
    expect(first.rows.map((r) => [r.category, r.categoryRank, r.unit, r.satisfaction, r.rectifiedRate])).toEqual([
      ['职能部门', 1, '区审批局', '61.67', '50.00%'],
      ['职能部门', 2, '区城管局', '61.54', '0.00%'],
      ['镇街', 1, '流亭街道', '64.58', '—'],
    ]);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rating.ranking.publish'), eq(auditLog.targetId, String(first.id))))
      .orderBy(auditLog.id);
    expect(entry?.after).toMatchObject({ version: 1, units: 3 });
  });

  it('anyone reads it without an account; republishing makes version 2 and version 1 stays as it was', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/public/rankings/latest' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json<Ranking>().id).toBe(first.id);
    // New ratings change the figures; the published version does not move.
    for (const s of [1, 1, 1]) await addRating(unitC, s);
    const second = (
      await org.post('/api/ratings/rankings', { from: `${Y}-03-01`, to: `${Y}-03-31`, title: '三月群众满意度排名' })
    ).json<Ranking>();
    expect(second.version).toBe(2);
    expect(second.rows.find((r) => r.unit === '流亭街道')?.satisfaction).not.toBe('64.58');
    const latest = (await t.app.inject({ method: 'GET', url: '/api/public/rankings/latest' })).json<Ranking>();
    expect([latest.version, latest.title]).toEqual([2, '三月群众满意度排名']);
    expect(latest.versions.map((v) => v.version)).toEqual([2, 1]);
    const old = (await t.app.inject({ method: 'GET', url: `/api/public/rankings/${first.id}` })).json<Ranking>();
    expect(old.rows).toEqual(first.rows);
    const list = (await org.get('/api/ratings/rankings')).json<{ rankings: Ranking[]; canPublish: boolean }>();
    expect(list.rankings.map((r) => r.version)).toEqual([2, 1]);
    expect(list.canPublish).toBe(true);
  });

  it('refuses a unit, bad input and an unknown version in Chinese, and writes nothing', async () => {
    const n = async () => (await t.database.db.select({ n: count() }).from(ratingRankings))[0]!.n;
    const before = await n();
    expect((await repA.post('/api/ratings/rankings', { from: `${Y}-03-01`, to: `${Y}-03-31` })).statusCode).toBe(403);
    const reversed = await org.post('/api/ratings/rankings', { from: `${Y}-03-31`, to: `${Y}-03-01` });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('开始日期不能晚于结束日期');
    const long = await org.post('/api/ratings/rankings', {
      from: `${Y}-03-01`,
      to: `${Y}-03-31`,
      title: '长'.repeat(61),
    });
    expect(long.json().error.message).toContain('标题不超过 60 个字');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/rankings/999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('公开排名不存在或无权访问');
    expect(await n()).toBe(before);
  });
});
