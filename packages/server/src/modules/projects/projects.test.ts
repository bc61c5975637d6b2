import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { multipartFile } from '../../../test/authz/types.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { projectSettleJob } from './index.js';

/** 重点项目 on the demo district, through HTTP: the register, the month in the monthly report, the card, the 约谈. */
let t: TestApp;
let organiser: Client;
const today = shanghaiDate();
const Y = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
// The demo's last month (a January run has no months yet: the flow below needs one).
const last = month === 1 ? null : `${Y}-${String(month - 1).padStart(2, '0')}`;

interface Row {
  id: number;
  code: string;
  name: string;
  card: string | null;
  unit: { name: string };
  planVersion: number;
}
const list = async (c: Client, query = '') =>
  (await c.get(`/api/projects?year=${Y}${query}`)).json<{ rows: Row[] }>().rows;

beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  await t.app.ctx.outbox.drain();
  organiser = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe.skipIf(last === null)('projects on the demo', () => {
  it('holds about 120 projects with cards of every colour, interviews and an approved change', async () => {
    const rows = await list(organiser);
    expect(rows.length).toBeGreaterThanOrEqual(120);
    for (const card of ['green', 'yellow', 'red', 'pending']) expect(rows.some((r) => r.card === card)).toBe(true);
    expect(rows.some((r) => r.planVersion === 2)).toBe(true);
    const dash = (await organiser.get(`/api/projects/dashboard?year=${Y}`)).json();
    expect(dash.count).toBe(rows.length);
    expect(dash.red.length).toBeGreaterThan(0);
    expect(Number(dash.rates.investment.percent)).toBeGreaterThan(0);
  });

  it('imports the register from the template: a bad row refuses the whole file, by row and column', async () => {
    const template = await organiser.get(`/api/projects/import/template?year=${Y}`);
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
    const ws = wb.worksheets[0]!;
    const good = [
      'IMP-001',
      '城阳区智能装备产业园二期',
      '产业项目',
      90000,
      '区发改局',
      '',
      '李区长',
      '',
      '',
      '',
      '',
      '',
      '',
      12000,
      '',
      '',
      '',
      `${Y}-12-31`,
    ];
    ws.getRow(2).values = good;
    ws.getRow(3).values = [
      'IMP-002',
      '夏庄街道口袋公园群',
      '城建项目',
      800,
      '区不存在局',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      300,
      '100/100',
      '',
      '',
      `${Y}-10-31`,
    ];
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await organiser.request({
      method: 'POST',
      url: `/api/projects/import?year=${Y}`,
      ...multipartFile('p.xlsx', bad),
    });
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().error.details.errors as { row: number; column: string; message: string }[];
    expect(errors).toContainEqual({ row: 3, column: '责任单位', message: '找不到单位“区不存在局”' });
    expect(errors.some((e) => e.row === 3 && e.column.startsWith('月度计划'))).toBe(true);
    expect((await list(organiser, '&q=IMP-')).length).toBe(0);
    ws.spliceRows(3, 1);
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await organiser.request({
      method: 'POST',
      url: `/api/projects/import?year=${Y}`,
      ...multipartFile('p.xlsx', fixed),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toBe(1);
    expect((await list(organiser, '&q=IMP-')).map((r) => r.name)).toEqual(['城阳区智能装备产业园二期']);
  });

  it('takes the month in the monthly report; accepted short, the card turns red and the leader is to interview', async () => {
    const reporter = await loginAs(t.app, 'reporter.gxj', DEMO_PASSWORD);
    const head = await loginAs(t.app, 'head.gxj', DEMO_PASSWORD);
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const [campaign] = (await organiser.get('/api/dispatch/campaigns')).json().campaigns;
    const gxj = (await reporter.get('/api/auth/me')).json().user.unitId as number;
    const url = `/api/dispatch/campaigns/${campaign.id}/units/${gxj}/report?period=${last}`;
    const form = (await reporter.get(url)).json();
    const plant = form.sections.projects.rows.find(
      (r: { name: string }) => r.name === '城阳区新能源汽车电驱系统生产基地',
    );
    expect(plant).toMatchObject({ investment: null, yearPlan: '60000' });
    // Submitting with a project month missing is refused, naming it.
    const values = Object.fromEntries(
      form.rows.map((r: { indicatorId: number; value: string | null; previous: string | null }) => [
        r.indicatorId,
        r.value ?? r.previous ?? '0',
      ]),
    );
    const base = {
      values,
      progress: form.report.progress,
      problems: form.report.problems,
      plans: form.report.plans,
      fileIds: [],
    };
    const rows = form.sections.projects.rows.map((r: { projectId: number; investment: string | null }) => ({
      projectId: r.projectId,
      investment: r.investment ?? '1000',
    }));
    const badInput = await reporter.put(url, {
      ...base,
      version: form.report.version,
      sections: { projects: { rows: [{ projectId: plant.projectId, investment: '-5' }] } },
    });
    expect(badInput.statusCode).toBe(400);
    expect(badInput.json().error.message).toContain('本月完成投资须为不小于 0 的数字');
    const saved = await reporter.put(url, {
      ...base,
      version: form.report.version,
      sections: {
        projects: {
          rows: rows.map((r: { projectId: number }) =>
            r.projectId === plant.projectId ? { ...r, investment: '0', problem: '设备进口清关延误' } : r,
          ),
        },
      },
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await head.post(
      `/api/dispatch/campaigns/${campaign.id}/units/${gxj}/report/submit?period=${last}`,
      { version: saved.json().version },
    );
    expect(submitted.statusCode).toBe(200);
    const review = await organiser.post(`/api/dispatch/reports/${submitted.json().id}/review`, {
      action: 'accept',
      version: submitted.json().version,
    });
    expect(review.statusCode).toBe(200);
    await t.app.ctx.outbox.drain();

    const detail = (await leader.get(`/api/projects/${plant.projectId}?year=${Y}`)).json();
    const month = detail.months.find((m: { period: string }) => m.period === last);
    expect(month).toMatchObject({ card: 'red', settled: true, investment: '0' });
    expect(month.reasons[0]).toContain('落后序时计划 40 个百分点');
    const interview = detail.interviews.find((i: { period: string }) => i.period === last);
    expect(interview).toMatchObject({ rung: 'red', interviewer: '李区长', canRecord: true });
    const items = (await leader.get('/api/ledger/items')).json().items as {
      id: number;
      title: string;
      leader: { name: string } | null;
    }[];
    const item = items.find((i) => i.id === interview.ledgerItemId)!;
    expect(item.title).toContain('【红牌约谈】城阳区新能源汽车电驱系统生产基地');
    expect(item.leader?.name).toBe('李区长');

    // The leader records the interview: its item is closed with the record.
    const tooShort = await leader.post(`/api/projects/interviews/${interview.id}/record`, {
      heldOn: today,
      record: '已约谈',
    });
    expect(tooShort.statusCode).toBe(400);
    const held = await leader.post(`/api/projects/interviews/${interview.id}/record`, {
      heldOn: today,
      record: '约谈项目负责人，议定两周内完成设备安装调试。',
    });
    expect(held.statusCode).toBe(200);
    const closed = (await leader.get(`/api/ledger/items/${interview.ledgerItemId}`)).json();
    expect(closed.state).toBe('closed');
    // Settling the month again (the report accepted twice over) opens nothing more.
    expect(
      (await leader.get(`/api/projects/${plant.projectId}?year=${Y}`))
        .json()
        .interviews.filter((i: { period: string }) => i.period === last),
    ).toHaveLength(1);
  });

  it('changes a plan only by a request another person approves; the baseline stays beside it', async () => {
    const reporter = await loginAs(t.app, 'reporter.fgj', DEMO_PASSWORD);
    const own = (await list(reporter))[0]!;
    const detail = (await reporter.get(`/api/projects/${own.id}?year=${Y}`)).json();
    const proposed = { ...detail.current, yearPlan: '1', monthly: null };
    delete proposed.version;
    const asked = await reporter.post(`/api/projects/${own.id}/plan-changes`, {
      year: Y,
      plan: proposed,
      reason: '市场变化，压减年度投资',
    });
    expect(asked.statusCode).toBe(200);
    const refuseBare = await organiser.post(`/api/projects/plan-changes/${asked.json().id}/decision`, {
      action: 'refuse',
    });
    expect(refuseBare.statusCode).toBe(400);
    expect(
      (await organiser.post(`/api/projects/plan-changes/${asked.json().id}/decision`, { action: 'approve' }))
        .statusCode,
    ).toBe(200);
    const after = (await reporter.get(`/api/projects/${own.id}?year=${Y}`)).json();
    expect(after.current.version).toBe(detail.current.version + 1);
    expect(after.baseline.yearPlan).toBe(detail.baseline.yearPlan);
    expect(after.versions.at(-1).diff).toContainEqual(expect.objectContaining({ field: 'yearPlan', after: '1' }));
  });

  it('settles a month past its deadline for units whose report was not accepted, once', async () => {
    const fgj = await loginAs(t.app, 'reporter.fgj', DEMO_PASSWORD);
    const own = (await list(fgj))[0]!;
    const month = async () =>
      (await fgj.get(`/api/projects/${own.id}?year=${Y}`))
        .json()
        .months.find((m: { period: string }) => m.period === last);
    expect((await month()).settled).toBe(false);
    // A day after every campaign's deadline for last month (the demo's is a week from today).
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const first = await t.database.db.transaction((tx) => projectSettleJob.run(tx, later));
    expect(first).toMatch(/^[1-9]\d* project months settled/);
    expect((await month()).settled).toBe(true);
    const again = await t.database.db.transaction((tx) => projectSettleJob.run(tx, later));
    expect(again).toMatch(/^0 project months settled/);
  });

  it('shows a unit its own projects only, and a leader those of the units he oversees', async () => {
    const fgj = await loginAs(t.app, 'reporter.fgj', DEMO_PASSWORD);
    const mine = await list(fgj);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.unit.name === '区发改局')).toBe(true);
    const all = await list(organiser);
    const other = all.find((r) => r.unit.name === '区住建局')!;
    expect((await fgj.get(`/api/projects/${other.id}?year=${Y}`)).statusCode).toBe(404);
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const seen = await list(leader);
    expect(seen.some((r) => r.unit.name === '区发改局')).toBe(true);
    expect(seen.some((r) => r.unit.name === '区住建局')).toBe(false);
    expect((await leader.get(`/api/projects/${other.id}?year=${Y}`)).statusCode).toBe(404);
  });

  it('derives an indicator that is a sum of the register, whatever is typed for it (最多报一次)', async () => {
    const [campaign] = (await organiser.get('/api/dispatch/campaigns')).json().campaigns;
    const reporter = await loginAs(t.app, 'reporter.fgj', DEMO_PASSWORD);
    const fgj = (await reporter.get('/api/auth/me')).json().user.unitId as number;
    const made = await organiser.post(`/api/dispatch/campaigns/${campaign.id}/indicators`, {
      name: '重点项目完成投资',
      measure: '万元',
      kind: 'cumulative',
      weight: '0',
      unitIds: [fgj],
      derivedFrom: 'projects.investment',
    });
    expect(made.statusCode).toBe(200);
    const target = await organiser.put(`/api/dispatch/campaigns/${campaign.id}/targets`, {
      year: Y,
      targets: [{ indicatorId: made.json().id, unitId: fgj, base: '100000' }],
    });
    expect(target.statusCode).toBe(200);
    const url = `/api/dispatch/campaigns/${campaign.id}/units/${fgj}/report?period=${last}`;
    const form = (await reporter.get(url)).json();
    const row = form.rows.find((r: { indicatorId: number }) => r.indicatorId === made.json().id);
    // The sum of fgj's projects' completed investment to last month, from the register's own figures.
    const sum = form.sections.projects.rows.reduce(
      (n: number, r: { completedBefore: string; investment: string | null }) =>
        n + Number(r.completedBefore) + Number(r.investment ?? 0),
      0,
    );
    expect(row.derivedFrom).toBe('projects.investment');
    expect(Number(row.value)).toBeCloseTo(sum, 2);
    const values = Object.fromEntries(
      form.rows.map((r: { indicatorId: number; value: string | null }) => [r.indicatorId, r.value ?? '1']),
    );
    values[made.json().id] = '1';
    const saved = await reporter.put(url, {
      values,
      progress: '',
      problems: '',
      plans: '',
      fileIds: [],
      version: form.report.version,
    });
    expect(saved.statusCode).toBe(200);
    const again = (await reporter.get(url)).json();
    expect(again.rows.find((r: { indicatorId: number }) => r.indicatorId === made.json().id).value).toBe(row.value);
  });
});
