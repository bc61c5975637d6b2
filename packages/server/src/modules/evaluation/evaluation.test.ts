import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { EvaluationDetail, EvaluationScheme, UnitExplanation } from '@leitai/core';
import { readDocx } from '../../documents/index.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { multipartFile } from '../../../test/authz/types.js';
import {
  auditLog,
  campaigns,
  categories,
  dispatchPeriods,
  evaluationSnapshots,
  evaluationVersions,
  evaluations,
  indicators,
  ledgerItems,
  reportValues,
  reports,
  targets,
} from '../../db/schema/index.js';

/**
 * A hand-computed half-year evaluation across two categories (issue 14), through the HTTP API.
 *
 * Indicators at June (half the year's pace due), curve floor 60 % / base 80 % / stretch 100 %:
 *   甲局 I1 45 of 100 (stretch 120) reads 90 → 0.6 × 10 = 6; I2 (rate) 95 of 95 → 5: (6 + 5) / 15 = 220/3 %
 *   乙局 I1 50 of 100 → 100 → 0.8 × 10 = 8: 80 %
 *   一街道 I1 100 of 200 (no stretch) → 200 → 100 %;  二街道 90 of 200 → 180 → (180 − 120)/80 = 75 %
 * Ledger (items due by 06-30): 甲局 one on time, one late: 50 %; 乙局 one on time, one overdue: 50 % and
 * −0.5; 一街道 none (no data, 0); 二街道 one on time: 100 %.
 * Scheme: indicators 60 (percent → points), ledger 40 (percent → points).
 *   甲局 60 × 220/3 % = 44, + 20 = 64;  乙局 48 + 20 − 0.5 = 67.5;  一街道 60 + 0 = 60;  二街道 45 + 40 = 85.
 */
const Y = 2026;
let t: TestApp;
let org: Client;
let org2: Client;
let headA: Client;
let headB: Client;
const u: Record<'root' | 'a' | 'b' | 's1' | 's2', number> = { root: 0, a: 0, b: 0, s1: 0, s2: 0 };
let campaignId = 0;
let evaluationId = 0;

const PERCENT = {
  kind: 'curve' as const,
  points: [
    { value: 0, share: 0 },
    { value: 100, share: 1 },
  ],
};
let scheme: EvaluationScheme;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const [econ, town] = await db
    .insert(categories)
    .values([
      { code: 'ev-econ', name: '经济发展类' },
      { code: 'ev-town', name: '镇街类' },
    ])
    .returning();
  const root = await buildUnit(db, { name: '考核区' });
  u.root = root.id;
  u.a = (await buildUnit(db, { parentId: root.id, name: '甲局', categoryId: econ!.id })).id;
  u.b = (await buildUnit(db, { parentId: root.id, name: '乙局', categoryId: econ!.id })).id;
  u.s1 = (await buildUnit(db, { parentId: root.id, name: '一街道', categoryId: town!.id })).id;
  u.s2 = (await buildUnit(db, { parentId: root.id, name: '二街道', categoryId: town!.id })).id;
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'eorg' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'eorg2' });
  await buildUser(db, { unitId: u.a, roles: ['unit_head'], username: 'eheada' });
  await buildUser(db, { unitId: u.b, roles: ['unit_head'], username: 'eheadb' });
  [org, org2, headA, headB] = (await Promise.all(
    ['eorg', 'eorg2', 'eheada', 'eheadb'].map((n) => loginAs(t.app, n)),
  )) as [Client, Client, Client, Client];

  const [c] = await db
    .insert(campaigns)
    .values({ officeUnitId: u.root, name: '考核测试', startYear: Y, endYear: Y, cadence: { dispatch: 'monthly' } })
    .returning();
  campaignId = c!.id;
  const ind = async (name: string, kind: 'cumulative' | 'rate', weight: string) =>
    (
      await db
        .insert(indicators)
        .values({
          campaignId,
          name,
          measure: '',
          kind,
          profile: { kind: 'linear' },
          rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
          weight,
        })
        .returning()
    )[0]!.id;
  const i1 = await ind('固定资产投资', 'cumulative', '10');
  const i2 = await ind('按时办结率', 'rate', '5');
  await db.insert(targets).values([
    { indicatorId: i1, unitId: u.a, year: Y, base: '100', stretch: '120' },
    { indicatorId: i2, unitId: u.a, year: Y, base: '95' },
    { indicatorId: i1, unitId: u.b, year: Y, base: '100', stretch: '120' },
    { indicatorId: i1, unitId: u.s1, year: Y, base: '200' },
    { indicatorId: i1, unitId: u.s2, year: Y, base: '200' },
  ]);
  const [p] = await db
    .insert(dispatchPeriods)
    .values({ campaignId, period: `${Y}-06`, deadline: `${Y}-07-05` })
    .returning();
  const report = async (unitId: number, values: [number, string][]) => {
    const [r] = await db
      .insert(reports)
      .values({ periodId: p!.id, unitId, state: 'accepted', firstSubmittedOn: `${Y}-07-01` })
      .returning();
    await db
      .insert(reportValues)
      .values(values.map(([indicatorId, value]) => ({ reportId: r!.id, indicatorId, value })));
  };
  await report(u.a, [
    [i1, '45'],
    [i2, '95'],
  ]);
  await report(u.b, [[i1, '50']]);
  await report(u.s1, [[i1, '100']]);
  await report(u.s2, [[i1, '90']]);
  const item = (leadUnitId: number, deadline: string, closedOn: string | null) => ({
    title: `考核测试事项${leadUnitId}-${deadline}`,
    source: '督查发现',
    officeUnitId: u.root,
    leadUnitId,
    deadline,
    originalDeadline: deadline,
    closedOn,
    state: closedOn ? ('closed' as const) : ('in_progress' as const),
  });
  await db
    .insert(ledgerItems)
    .values([
      item(u.a, `${Y}-03-10`, `${Y}-03-08`),
      item(u.a, `${Y}-06-10`, `${Y}-06-20`),
      item(u.b, `${Y}-04-10`, `${Y}-04-10`),
      item(u.b, `${Y}-06-10`, null),
      item(u.s2, `${Y}-05-10`, `${Y}-05-01`),
    ]);
  const cat = (id: number) => String(id);
  scheme = {
    components: [
      {
        id: 'indicators',
        name: '目标指标',
        source: { kind: 'indicators' },
        method: PERCENT,
        weights: { [cat(econ!.id)]: 60, [cat(town!.id)]: 60 },
      },
      {
        id: 'ledger',
        name: '督查督办',
        source: { kind: 'ledger', overduePenalty: '0.5', overdueCap: 1 },
        method: PERCENT,
        weights: { [cat(econ!.id)]: 40, [cat(town!.id)]: 40 },
      },
    ],
    honourCount: 1,
    warningCount: 1,
  };
});
afterAll(() => t.close());

const detail = async (c: Client) => (await c.get(`/api/evaluations/${evaluationId}`)).json<EvaluationDetail>();
const totals = (d: EvaluationDetail) =>
  d.ranking!.map((c) => c.rows.map((r) => [r.unitName, r.totalShown, r.rank, r.grade]));

describe('an evaluation from scheme to version 2', () => {
  it('refuses a scheme whose weights do not add up, with the category named', async () => {
    const bad = structuredClone(scheme);
    bad.components[1]!.weights = Object.fromEntries(Object.keys(bad.components[1]!.weights).map((k) => [k, 30]));
    const res = await org.post('/api/evaluations', {
      campaignId,
      name: '坏方案',
      kind: 'half',
      periodFrom: `${Y}-01-01`,
      periodTo: `${Y}-06-30`,
      scheme: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('考核方案有误：类别“经济发展类”各分项权重之和须为 100，实际为 90');
  });

  it('creates, previews and closes: the hand-computed totals, exact', async () => {
    const res = await org.post('/api/evaluations', {
      campaignId,
      name: `${Y}年上半年综合考核`,
      kind: 'half',
      periodFrom: `${Y}-01-01`,
      periodTo: `${Y}-06-30`,
      appealDays: 5,
      scheme,
    });
    expect(res.statusCode, res.body).toBe(200);
    evaluationId = res.json<{ id: number }>().id;
    // A unit reads the draft's scheme (issued to all), not a ranking.
    const draft = await detail(headA);
    expect(draft.ranking).toBeNull();
    expect(draft.scheme.components.map((c) => c.name)).toEqual(['目标指标', '督查督办']);
    expect(draft.adjustFor.map((x) => x.name)).toEqual(['甲局']);
    const preview = (await org.post(`/api/evaluations/${evaluationId}/preview`, {})).json<{
      categories: { rows: { unitName: string; totalShown: string }[] }[];
    }>();
    expect(preview.categories.map((c) => c.rows.map((r) => [r.unitName, r.totalShown]))).toEqual([
      [
        ['乙局', '67.50'],
        ['甲局', '64.00'],
      ],
      [
        ['二街道', '85.00'],
        ['一街道', '60.00'],
      ],
    ]);
    expect((await org.post(`/api/evaluations/${evaluationId}/close`)).statusCode).toBe(200);
    const d = await detail(org);
    expect(d.evaluation.state).toBe('closed');
    expect(totals(d)).toEqual([
      [
        ['乙局', '67.50', 1, '一般'],
        ['甲局', '64.00', 2, '一般'],
      ],
      [
        ['二街道', '85.00', 1, '良好'],
        ['一街道', '60.00', 2, '一般'],
      ],
    ]);
    expect(d.actions.map((a) => a.action)).toEqual(['verify', 'publish', 'reopen']);
    expect(d.ranking![0]!.rows[0]!.band).not.toBeNull();
  });

  it('recomputes bit-identically, and the scheme is frozen once closed', async () => {
    const v = (await org.post(`/api/evaluations/${evaluationId}/verify`)).json();
    expect(v).toMatchObject({ identical: true, inputsUnchanged: true });
    expect(v.recomputedHash).toBe(v.resultHash);
    const res = await org.put(`/api/evaluations/${evaluationId}/scheme`, scheme);
    expect(res.statusCode).toBe(409);
  });

  it('publishes for comment: a unit sees the ranking and its own explanation, not another unit’s', async () => {
    const pub = await org.post(`/api/evaluations/${evaluationId}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    const d = await detail(headA);
    expect(d.ranking).not.toBeNull();
    expect(d.appeal?.unitId).toBe(u.a);
    // Each evaluated unit is told, with the window's end.
    const notices = (await headA.get('/api/notifications')).json<{ items: { title: string; body: string }[] }>().items;
    expect(notices[0]).toMatchObject({ title: `${Y}年上半年综合考核结果公示` });
    expect(notices[0]!.body).toContain(`公示期至 ${d.evaluation.commentUntil}`);
    expect(d.ranking![0]!.rows.find((r) => r.unitName === '乙局')!.mayExplain).toBe(false);
    expect((await headA.get(`/api/evaluations/${evaluationId}/units/${u.b}`)).statusCode).toBe(403);
    const mine = (await headA.get(`/api/evaluations/${evaluationId}/units/${u.a}`)).json<UnitExplanation>();
    expect(mine).toMatchObject({ totalShown: '64.00', rank: 2, of: 2 });
    const ind = mine.components.find((c) => c.componentId === 'indicators')!;
    expect(ind.valueExact).toBe('220/3');
    expect(ind.scoreShown).toBe('44.00');
    expect(ind.records.map((r) => (r.type === 'report' ? [r.name, r.actual, r.points] : null))).toEqual([
      ['固定资产投资', '45', '6'],
      ['按时办结率', '95', '5'],
    ]);
    const ledger = mine.components.find((c) => c.componentId === 'ledger')!;
    expect(ledger.records.map((r) => (r.type === 'ledger' ? r.outcome : null))).toEqual(['on_time', 'late']);
    const b = (await headB.get(`/api/evaluations/${evaluationId}/units/${u.b}`)).json<UnitExplanation>();
    expect(b.adjustments).toEqual([expect.objectContaining({ amount: '-0.5' })]);
  });

  it('appeals one number; decided by one organiser, approved by another', async () => {
    expect(
      (
        await headA.post(`/api/evaluations/${evaluationId}/appeals`, {
          unitId: u.b,
          componentId: 'ledger',
          reason: '替乙局申诉试试',
        })
      ).statusCode,
    ).toBe(403);
    const upload = await headA.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile('办结材料.pdf', '%PDF-1.4 办结'),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const filed = await headA.post(`/api/evaluations/${evaluationId}/appeals`, {
      unitId: u.a,
      componentId: 'ledger',
      reason: '6月10日事项已于期限前办结，系统销号滞后',
      fileIds: [upload.json<{ id: number }>().id],
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const refused = await headB.post(`/api/evaluations/${evaluationId}/appeals`, {
      unitId: u.b,
      componentId: 'indicators',
      reason: '投资统计口径有误，应计入续建项目',
    });
    const [aId, bId] = [filed.json().id as number, refused.json().id as number];
    expect(
      (await org.post(`/api/evaluation-appeals/${aId}/decide`, { uphold: true, reason: '核实属实' })).statusCode,
    ).toBe(400);
    expect(
      (
        await org.post(`/api/evaluation-appeals/${aId}/decide`, {
          uphold: true,
          correction: '100',
          reason: '核实属实，按期销号',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await org.post(`/api/evaluation-appeals/${bId}/decide`, { uphold: false, reason: '统计口径以统计局为准' }))
        .statusCode,
    ).toBe(200);
    const self = await org.post(`/api/evaluation-appeals/${aId}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/两人经手/);
    expect((await org2.post(`/api/evaluation-appeals/${aId}/approve`)).statusCode).toBe(200);
    expect((await org2.post(`/api/evaluation-appeals/${bId}/approve`)).statusCode).toBe(200);
    const told = (await headB.get('/api/notifications')).json<{ items: { title: string; body: string }[] }>().items;
    expect(told[0]).toMatchObject({ title: '考核申诉不予支持：目标指标', body: '统计口径以统计局为准' });
    const d = await detail(org);
    expect(d.appeals.map((a) => a.stateLabel)).toEqual(['申诉成立', '不予支持']);
    expect(d.appeals[0]!.evidence.map((f) => f.name)).toEqual(['办结材料.pdf']);
    // A unit sees only its own appeals.
    expect((await detail(headB)).appeals.map((a) => a.unitName)).toEqual(['乙局']);
  });

  it('finalises only after the window; version 2 carries the diff; a late appeal is refused', async () => {
    const early = await org.post(`/api/evaluations/${evaluationId}/finalise`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/期满后方可正式发布/);
    await t.database.db
      .update(evaluations)
      .set({ commentUntil: `${Y}-07-10` })
      .where(eq(evaluations.id, evaluationId));
    const fin = await org.post(`/api/evaluations/${evaluationId}/finalise`);
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json()).toEqual({ version: 2 });
    const d = await detail(headA);
    expect(d.evaluation.state).toBe('final');
    expect(totals(d)[0]).toEqual([
      ['甲局', '84.00', 1, '良好'],
      ['乙局', '67.50', 2, '一般'],
    ]);
    const v2 = d.versions.find((v) => v.version === 2)!;
    expect(v2.changes.map((c) => [c.unitName, c.before?.rank, c.after?.rank])).toEqual([
      ['甲局', 2, 1],
      ['乙局', 1, 2],
    ]);
    expect(v2.changes[0]!.components).toEqual([{ componentId: 'ledger', before: '20.00', after: '40.00' }]);
    expect(v2.changes[0]!.appeals).toHaveLength(1);
    const late = await headA.post(`/api/evaluations/${evaluationId}/appeals`, {
      unitId: u.a,
      componentId: 'indicators',
      reason: '期满后再申诉一次',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(`公示期已于 ${Y}-07-10 结束，不再受理申诉`);
    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id);
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('evaluation.'))).toEqual(
      expect.arrayContaining([
        'evaluation.close',
        'evaluation.publish',
        'evaluation.appeal.approve',
        'evaluation.finalise',
      ]),
    );
  });

  it('published snapshots and versions cannot be changed, not even by the application’s own role', async () => {
    const { db } = t.database;
    // Drizzle wraps the database's refusal; the trigger's words are in its cause.
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(db.update(evaluationSnapshots).set({ resultHash: 'forged' })).rejects.toMatchObject(refused);
    await expect(db.delete(evaluationVersions)).rejects.toMatchObject(refused);
    // And no route edits one: a second finalise is refused.
    expect((await org.post(`/api/evaluations/${evaluationId}/finalise`)).statusCode).toBe(409);
  });

  it('exports the ranking as numbers, one sheet per category, and the rank history', async () => {
    const res = await headA.get(`/api/evaluations/${evaluationId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['经济发展类', '镇街类']);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(4).values as unknown[];
    expect(header.slice(1)).toEqual(['名次', '单位', '综合得分', '目标指标', '督查督办', '等次', '较上期', '红黑榜']);
    expect(ws.getRow(5).values).toEqual([undefined, 1, '甲局', 84, 44, 40, '良好', '', '红榜']);
    // The results bulletin, read back as an office would: title, the settled appeals, the ranking, the change.
    const doc = await headA.get(`/api/evaluations/${evaluationId}/bulletin.docx`);
    expect(doc.statusCode).toBe(200);
    const { paragraphs, tables } = await readDocx(doc.rawPayload);
    expect(paragraphs).toContain(`关于${Y}年上半年综合考核正式结果的通报`);
    expect(paragraphs.join('')).toContain('共办结申诉 2 件，经审核、复核，成立 1 件，不予支持 1 件');
    expect(tables[0]![1]).toEqual(['1', '甲局', '84.00', '44.00', '40.00', '良好', '—']);
    expect(paragraphs).toContain('红榜：甲局。黑榜：乙局。');
    expect(
      tables
        .at(-1)!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['甲局', '乙局']);
    const history = (await headA.get(`/api/evaluations/history/${u.a}`)).json();
    expect(history.points).toEqual([expect.objectContaining({ rank: 1, of: 2, totalShown: '84.00' })]);
    expect((await headA.get(`/api/evaluations/history/${u.b}`)).statusCode).toBe(403);
  });
});

describe('加减分 and 容错免责', () => {
  it('a unit proposes for itself only; another organiser decides; the close counts what was approved', async () => {
    const res = await org.post('/api/evaluations', {
      campaignId,
      name: `${Y}年上半年加减分测试`,
      kind: 'range',
      periodFrom: `${Y}-01-01`,
      periodTo: `${Y}-06-30`,
      scheme,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ id: number }>().id;
    const propose = (c: Client, body: object) => c.post(`/api/evaluations/${id}/adjustments`, body);
    expect(
      (await propose(headA, { unitId: u.b, kind: 'bonus', amount: '2', reason: '替乙局申请加分' })).statusCode,
    ).toBe(403);
    const noAmount = await propose(headA, { unitId: u.a, kind: 'bonus', reason: '获省级表彰一次' });
    expect(noAmount.statusCode, noAmount.body).toBe(400);
    expect(noAmount.json().error.message).toBe('请填写分值');
    const bonus = (
      await propose(headA, { unitId: u.a, kind: 'bonus', amount: '2', reason: '获省级表彰一次（附文件）' })
    ).json().id;
    // 乙局's one overdue item was held up by a flood: 容错免责 waives its 0.5 deduction.
    const waiver = (
      await propose(headB, { unitId: u.b, kind: 'waiver', reason: '汛期抢险导致事项逾期，符合容错情形' })
    ).json().id;
    const penalty = (await propose(org, { unitId: u.b, kind: 'penalty', amount: '3', reason: '信息报送迟报' })).json()
      .id;
    const decide = (c: Client, adj: number, approve: boolean) =>
      c.post(`/api/evaluation-adjustments/${adj}/decide`, { approve, reason: approve ? '经审定属实' : '依据不足' });
    const self = await decide(org, penalty, true);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('减分须由申请人以外的人审定（两人经手）');
    expect((await decide(org, bonus, true)).statusCode).toBe(200);
    // 容错免责 walks 申请 → 受理 → 核实 → 认定 → 报备; it cannot be decided before it is verified, nor by its verifier.
    const step = (c: Client, adj: number, action: string, text: string) =>
      c.post(`/api/evaluation-adjustments/${adj}/step`, { action, text });
    expect((await decide(org, waiver, true)).statusCode).toBe(409);
    expect((await step(org, waiver, 'accept', '材料齐全，予以受理')).statusCode).toBe(200);
    expect((await step(org, waiver, 'verify', '经核实，汛期抢险属实，有应急指挥部调度记录')).statusCode).toBe(200);
    const byVerifier = await step(org, waiver, 'approve', '认定');
    expect(byVerifier.statusCode).toBe(403);
    expect(byVerifier.json().error.message).toBe('容错免责须由核实人以外的人认定（两人经手）');
    expect((await step(org2, waiver, 'approve', '符合容错情形，予以认定')).statusCode).toBe(200);
    expect((await decide(org2, penalty, false)).statusCode).toBe(200);
    expect((await decide(org2, penalty, true)).statusCode).toBe(409);
    const seen = (await headB.get(`/api/evaluations/${id}`)).json<EvaluationDetail>();
    expect(seen.adjustments.map((a) => [a.kindLabel, a.stateLabel])).toEqual([
      ['容错免责', '已审定'],
      ['减分', '不予认定'],
    ]);
    expect((await org.post(`/api/evaluations/${id}/close`)).statusCode).toBe(200);
    const d = (await org.get(`/api/evaluations/${id}`)).json<EvaluationDetail>();
    // 甲局 64 + 2 = 66; 乙局 67.5 with its deduction waived = 68; the refused penalty counts for nothing.
    expect(d.ranking![0]!.rows.map((r) => [r.unitName, r.totalShown])).toEqual([
      ['乙局', '68.00'],
      ['甲局', '66.00'],
    ]);
    // 报备 after the close: the decision is filed upward, and still counts.
    expect((await step(org, waiver, 'file', '已报区纪委监委备案')).statusCode).toBe(200);
    const filed = (await org.get(`/api/evaluations/${id}`))
      .json<EvaluationDetail>()
      .adjustments.find((a) => a.id === waiver)!;
    expect(filed.stateLabel).toBe('已认定并报备');
    expect(filed.steps.map((x) => x.label)).toEqual(['受理', '核实', '审定通过', '报备']);
    expect((await org.post(`/api/evaluations/${id}/verify`)).json().identical).toBe(true);
    const b = (await org.get(`/api/evaluations/${id}/units/${u.b}`)).json<UnitExplanation>();
    expect(b.adjustments).toEqual([]);
    expect(b.components.find((c) => c.componentId === 'ledger')!.records).toContainEqual(
      expect.objectContaining({ type: 'waiver', waived: '0.5' }),
    );
    expect(
      (await propose(headA, { unitId: u.a, kind: 'bonus', amount: '1', reason: '截止后再申请加分' })).statusCode,
    ).toBe(409);
  });
});

describe('ties equal on paper stay equal (issue 12, example 2)', () => {
  it('30 × 13/15 + 4 and 30 are one total, one rank, the same list', async () => {
    const { db } = t.database;
    // 一街道 closes 13 of its 15 items on time: 13/15 of 30 is 26 exactly (it printed 26.00001 once).
    await db.insert(ledgerItems).values(
      Array.from({ length: 15 }, (_, i) => ({
        officeUnitId: u.root,
        title: `并列测试事项${i}`,
        source: '督查发现',
        leadUnitId: u.s1,
        deadline: `${Y}-05-${String(i + 1).padStart(2, '0')}`,
        originalDeadline: `${Y}-05-${String(i + 1).padStart(2, '0')}`,
        closedOn: `${Y}-05-${String(i + (i < 13 ? 1 : 3)).padStart(2, '0')}`,
        state: 'closed' as const,
      })),
    );
    const town = Object.keys(scheme.components[0]!.weights);
    const weights = (v: number) => Object.fromEntries(town.map((c) => [c, v]));
    const tieScheme: EvaluationScheme = {
      components: [
        {
          id: 'ledger',
          name: '督查督办',
          source: { kind: 'ledger', overduePenalty: '0', overdueCap: 0 },
          method: PERCENT,
          weights: weights(30),
        },
        { id: 'ratings', name: '群众评价', source: { kind: 'ratings' }, method: PERCENT, weights: weights(70) },
      ],
      honourCount: 1,
      warningCount: 0,
    };
    const id = (
      await org.post('/api/evaluations', {
        campaignId,
        name: `${Y}年并列测试`,
        kind: 'range',
        periodFrom: `${Y}-01-01`,
        periodTo: `${Y}-06-30`,
        scheme: tieScheme,
      })
    ).json<{ id: number }>().id;
    const bonus = (
      await org.post(`/api/evaluations/${id}/adjustments`, {
        unitId: u.s1,
        kind: 'bonus',
        amount: '4',
        reason: '并列测试加分四分',
      })
    ).json<{ id: number }>().id;
    await org2.post(`/api/evaluation-adjustments/${bonus}/decide`, { approve: true, reason: '同意' });
    expect((await org.post(`/api/evaluations/${id}/close`)).statusCode).toBe(200);
    const towns = (await org.get(`/api/evaluations/${id}`))
      .json<EvaluationDetail>()
      .ranking!.find((c) => c.rows.some((r) => r.unitName === '一街道'))!;
    expect(towns.rows.map((r) => [r.unitName, r.total, r.totalShown, r.rank, r.honour])).toEqual([
      ['一街道', '30', '30.00', 1, true],
      ['二街道', '30', '30.00', 1, true],
    ]);
  });
});

describe('评议: one-time invitations, anonymous answers, a minimum before a group counts', () => {
  it('raters answer once each; the close scores each unit on the groups that reached the minimum', async () => {
    const cats = Object.keys(scheme.components[0]!.weights);
    const reviewScheme: EvaluationScheme = {
      components: [
        {
          id: 'review',
          name: '效能评议',
          source: {
            kind: 'review',
            questionnaire: {
              items: [
                { id: 'attitude', text: '服务态度', points: 20 },
                { id: 'effect', text: '工作效果', points: 80 },
              ],
              groups: [
                { id: 'clients', name: '服务对象', weight: 60 },
                { id: 'peers', name: '同级部门', weight: 40 },
              ],
              minRespondents: 2,
            },
          },
          method: PERCENT,
          weights: Object.fromEntries(cats.map((c) => [c, 100])),
        },
      ],
    };
    const id = (
      await org.post('/api/evaluations', {
        campaignId,
        name: `${Y}年效能评议测试`,
        kind: 'range',
        periodFrom: `${Y}-01-01`,
        periodTo: `${Y}-06-30`,
        scheme: reviewScheme,
      })
    ).json<{ id: number }>().id;
    const codes = async (groupId: string, count: number) => {
      const res = await org.post(`/api/evaluations/${id}/review/invites`, { groupId, count });
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return Array.from({ length: count }, (_, i) => String(ws.getRow(4 + i).getCell(2).value));
    };
    const clients = await codes('clients', 2);
    const peers = await codes('peers', 1);
    expect(clients[0]).toMatch(/^[2-9A-Z]{12}$/);
    const form = (await t.app.inject({ method: 'GET', url: `/api/public/review/${clients[0]}` })).json();
    expect(form).toMatchObject({ group: '服务对象', items: [{ text: '服务态度' }, { text: '工作效果' }] });
    expect(form.units.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['甲局', '乙局', '一街道', '二街道']),
    );
    const answer = (code: string, a: [string, string], forUnits = form.units) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/review/${code}`,
        payload: {
          answers: forUnits.map((x: { id: number }) => ({
            unitId: x.id,
            scores: x.id === u.a ? { attitude: a[0], effect: a[1] } : { attitude: '10', effect: '40' },
          })),
        },
      });
    // 甲局 from 服务对象: 18 + 72 = 90 and 16 + 64 = 80, mean 85; 同级部门 has one rater, below the minimum.
    expect((await answer(clients[0]!, ['18', '72'])).statusCode).toBe(200);
    expect((await answer(clients[1]!, ['16', '64'])).statusCode).toBe(200);
    expect((await answer(peers[0]!, ['20', '80'])).statusCode).toBe(200);
    const again = await answer(clients[0]!, ['20', '80']);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该邀请码已提交过评议，不能重复提交');
    const partial = await answer(peers[0]!, ['20', '80'], form.units.slice(0, 1));
    expect(partial.statusCode).toBe(409);
    const tooHigh = await t.app.inject({
      method: 'POST',
      url: `/api/public/review/${(await codes('peers', 1))[0]}`,
      payload: {
        answers: form.units.map((x: { id: number }) => ({ unitId: x.id, scores: { attitude: '25', effect: '40' } })),
      },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.message).toMatch(/“服务态度”的得分须在 0 到 20 之间/);
    const progress = (await org.get(`/api/evaluations/${id}/review/progress`)).json();
    expect(
      progress.groups.map((g: { name: string; issued: number; used: number; enough: boolean }) => [
        g.name,
        g.issued,
        g.used,
        g.enough,
      ]),
    ).toEqual([
      ['服务对象', 2, 2, true],
      ['同级部门', 2, 1, false],
    ]);
    expect((await org.post(`/api/evaluations/${id}/close`)).statusCode).toBe(200);
    const a = (await org.get(`/api/evaluations/${id}/units/${u.a}`)).json<UnitExplanation>();
    expect(a.totalShown).toBe('85.00');
    expect(a.components[0]!.records).toEqual([
      {
        type: 'review',
        minRespondents: 2,
        groups: [
          { name: '服务对象', respondents: 2, mean: '85' },
          { name: '同级部门', respondents: 1, mean: null },
        ],
      },
    ]);
    // The form closes with the evaluation.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/review/${peers[0]}` })).statusCode).toBe(409);
  });
});
