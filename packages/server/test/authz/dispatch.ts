import { eq } from 'drizzle-orm';
import { campaigns, dispatchPeriods, indicators, reportValues, reports, targets } from '../../src/db/schema/index.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/** 一月一调度 (issue 4): campaigns, indicators, targets, monthly reports, board and bulletin. */
const Y = new Date().getFullYear();
const office = { organiser: 'any' } as const;
/** target.read: the office everywhere, a leader on overseen units, a head on the subtree, a reporter on the unit. */
const readers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own' } as const;
const fillers = { unit_head: 'own', reporter: 'own' } as const;
const head = { unit_head: 'own' } as const;
const board = { organiser: 'any', leader: 'own' } as const;
const notExcel = multipartFile('x.xlsx', 'not a spreadsheet');

interface World {
  campaign: number;
  indicator: number;
  target: (t: Target) => number;
}

/**
 * A campaign with one cumulative indicator, targets for units A and B, and an open January with a far
 * deadline. Rows that change state build a fresh one per request, so every allowed role meets the same start.
 */
export async function world(
  f: Fixture,
  opts: { confirmed?: boolean; pendingChange?: boolean; report?: 'draft' | 'submitted'; deadline?: string } = {},
): Promise<World> {
  const [c] = await f.db
    .insert(campaigns)
    .values({
      officeUnitId: f.office,
      name: `矩阵活动${f.next()}`,
      startYear: Y,
      endYear: Y,
      cadence: { dispatch: 'monthly' },
    })
    .returning();
  const [i] = await f.db
    .insert(indicators)
    .values({
      campaignId: c!.id,
      name: '签约亿元以上项目',
      measure: '个',
      kind: 'cumulative',
      profile: { kind: 'linear' },
      rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
    })
    .returning();
  const ids = new Map<Target, number>();
  for (const t of ['own', 'other'] as Target[]) {
    const [row] = await f.db
      .insert(targets)
      .values({
        indicatorId: i!.id,
        unitId: f.unitOf(t),
        year: Y,
        base: '80',
        stretch: '100',
        confirmedAt: opts.confirmed || opts.pendingChange ? new Date() : null,
        pendingChange: opts.pendingChange
          ? { base: '70', stretch: '90', reason: '形势变化', by: 0, byName: '', at: new Date().toISOString() }
          : null,
      })
      .returning();
    ids.set(t, row!.id);
  }
  const [p] = await f.db
    .insert(dispatchPeriods)
    .values({ campaignId: c!.id, period: `${Y}-01`, deadline: opts.deadline ?? `${Y + 1}-12-31` })
    .returning();
  if (opts.report) {
    for (const t of ['own', 'other'] as Target[]) {
      const [r] = await f.db
        .insert(reports)
        .values({
          periodId: p!.id,
          unitId: f.unitOf(t),
          state: opts.report,
          version: 1,
          firstSubmittedOn: opts.report === 'submitted' ? `${Y}-01-31` : null,
        })
        .returning();
      await f.db.insert(reportValues).values({ reportId: r!.id, indicatorId: i!.id, value: '5' });
    }
  }
  return { campaign: c!.id, indicator: i!.id, target: (t) => ids.get(t)! };
}

let shared: Promise<World> | null = null;
const read = (f: Fixture) => (shared ??= world(f, { report: 'submitted' }));
export const unitUrl = async (f: Fixture, t: Target, tail: string, w?: World) =>
  `/api/dispatch/campaigns/${(w ?? (await read(f))).campaign}/units/${f.unitOf(t)}/${tail}`;

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/dispatch/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/dispatch/settings' }),
  },
  {
    route: 'PUT /api/dispatch/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({ method: 'PUT', url: '/api/dispatch/settings', payload: { reminderWorkingDays: 2 } }),
  },
  {
    route: 'GET /api/dispatch/campaigns',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/dispatch/campaigns' }),
  },
  {
    route: 'POST /api/dispatch/campaigns',
    otherOffice: 'allowed',
    allow: office,
    request: (f) => ({
      method: 'POST',
      url: '/api/dispatch/campaigns',
      payload: { name: `矩阵新活动${f.next()}`, startYear: Y, endYear: Y },
    }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/dispatch/campaigns/${(await read(f)).campaign}` }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/indicators',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/indicators`,
      payload: { name: `矩阵指标${f.next()}`, measure: '个', kind: 'cumulative' },
    }),
  },
  {
    route: 'PUT /api/dispatch/campaigns/:id/indicators/:indicatorId',
    allow: office,
    request: async (f) => {
      const w = await world(f);
      return {
        method: 'PUT',
        url: `/api/dispatch/campaigns/${w.campaign}/indicators/${w.indicator}`,
        payload: { name: '签约亿元以上项目', measure: '个' },
      };
    },
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/indicators/:indicatorId/retire',
    allow: office,
    request: async (f) => {
      const w = await world(f);
      return {
        method: 'POST',
        url: `/api/dispatch/campaigns/${w.campaign}/indicators/${w.indicator}/retire`,
        payload: { retiredFrom: `${Y}-06` },
      };
    },
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/targets',
    allow: readers,
    request: async (f) => ({
      method: 'GET',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/targets?year=${Y}`,
    }),
  },
  {
    route: 'PUT /api/dispatch/campaigns/:id/targets',
    allow: office,
    request: async (f) => {
      const w = await world(f);
      return {
        method: 'PUT',
        url: `/api/dispatch/campaigns/${w.campaign}/targets`,
        payload: { year: Y, targets: [{ indicatorId: w.indicator, unitId: f.units.a, base: '90' }] },
      };
    },
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/targets/template',
    allow: office,
    request: async (f) => ({
      method: 'GET',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/targets/template?year=${Y}`,
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/targets/import',
    allow: office,
    allowedStatus: [422],
    request: async (f) => ({
      method: 'POST',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/targets/import?year=${Y}`,
      ...notExcel,
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/units/:unitId/targets/confirm',
    allow: head,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: await unitUrl(f, t, 'targets/confirm', await world(f)),
      payload: { year: Y },
    }),
  },
  {
    route: 'POST /api/dispatch/targets/:id/change',
    allow: head,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/dispatch/targets/${(await world(f, { confirmed: true })).target(t)}/change`,
      payload: { base: '70', reason: '受外部形势影响' },
    }),
  },
  {
    route: 'POST /api/dispatch/targets/:id/decision',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/dispatch/targets/${(await world(f, { pendingChange: true })).target('own')}/decision`,
      payload: { approve: true },
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/periods',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/dispatch/campaigns/${(await world(f)).campaign}/periods`,
      payload: { period: `${Y}-02`, deadline: `${Y}-03-05` },
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/periods/:period/close',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/dispatch/campaigns/${(await world(f)).campaign}/periods/${Y}-01/close`,
    }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/units/:unitId/report',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await unitUrl(f, t, `report?period=${Y}-01`) }),
  },
  {
    route: 'PUT /api/dispatch/campaigns/:id/units/:unitId/report',
    allow: fillers,
    scoped: true,
    request: async (f, t) => ({
      method: 'PUT',
      url: await unitUrl(f, t, `report?period=${Y}-01`, await world(f)),
      payload: { values: {}, progress: '按计划推进', version: 0 },
    }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/units/:unitId/report/submit',
    allow: head,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: await unitUrl(f, t, `report/submit?period=${Y}-01`, await world(f, { report: 'draft' })),
      payload: { version: 1 },
    }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/units/:unitId/report/template',
    allow: fillers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await unitUrl(f, t, `report/template?period=${Y}-01`) }),
  },
  {
    route: 'POST /api/dispatch/campaigns/:id/units/:unitId/report/import',
    allow: fillers,
    scoped: true,
    allowedStatus: [422],
    request: async (f, t) => ({
      method: 'POST',
      url: await unitUrl(f, t, `report/import?period=${Y}-01`),
      ...notExcel,
    }),
  },
  {
    route: 'POST /api/dispatch/reports/:id/review',
    allow: office,
    request: async (f) => {
      const w = await world(f, { report: 'submitted' });
      const [r] = await f.db
        .select({ id: reports.id })
        .from(reports)
        .innerJoin(dispatchPeriods, eq(dispatchPeriods.id, reports.periodId))
        .where(eq(dispatchPeriods.campaignId, w.campaign))
        .limit(1);
      return {
        method: 'POST',
        url: `/api/dispatch/reports/${r!.id}/review`,
        payload: { action: 'accept', version: 1 },
      };
    },
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/units/:unitId/overview',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: await unitUrl(f, t, `overview?year=${Y}`) }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/board',
    allow: board,
    request: async (f) => ({
      method: 'GET',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/board?period=${Y}-01`,
    }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/board/export',
    allow: board,
    request: async (f) => ({
      method: 'GET',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/board/export?period=${Y}-01`,
    }),
  },
  {
    route: 'GET /api/dispatch/campaigns/:id/bulletin',
    allow: board,
    request: async (f) => ({
      method: 'GET',
      url: `/api/dispatch/campaigns/${(await read(f)).campaign}/bulletin?period=${Y}-01&format=docx`,
    }),
  },
];
