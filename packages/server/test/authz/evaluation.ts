import { eq } from 'drizzle-orm';
import {
  compositeSchemeOf,
  evaluateComposite,
  linesOf,
  type EvaluationScheme,
  type EvaluationState,
  type SnapshotInputs,
} from '@leitai/core';
import {
  campaigns,
  evaluationAdjustments,
  evaluationAppeals,
  evaluationSchemes,
  evaluationSnapshots,
  evaluationVersions,
  evaluations,
} from '../../src/db/schema/index.js';
import type { Fixture, MatrixRow, Target } from './types.js';

/** 综合考核 (issue 14): the office runs it; all read what is published; a unit's own explain and appeal. */
const Y = new Date().getFullYear();
const office = { organiser: 'any' } as const;
const readers = { organiser: 'any', leader: 'any', unit_head: 'any', reporter: 'any', org_dept: 'any' } as const;
const explainers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own', org_dept: 'any' } as const;

const scheme: EvaluationScheme = {
  components: [
    {
      id: 'ledger',
      name: '督查督办',
      source: { kind: 'ledger', overduePenalty: '0.5', overdueCap: 1 },
      method: { kind: 'proportional' },
      weights: { c: 100 },
    },
  ],
};

/** With a 评议 component: for the invitation and progress rows. */
const reviewScheme: EvaluationScheme = {
  components: [
    {
      id: 'review',
      name: '评议',
      source: {
        kind: 'review',
        questionnaire: {
          items: [{ id: 'attitude', text: '服务态度', points: 100 }],
          groups: [{ id: 'peers', name: '同级部门', weight: 100 }],
          minRespondents: 1,
        },
      },
      method: { kind: 'proportional' },
      weights: { c: 100 },
    },
  ],
};

let campaign: Promise<number> | undefined;

/**
 * An evaluation in the given state, written directly: units A and B ranked in one category, frozen in a
 * snapshot (and published as version 1 from 'comment' on). `commentUntil` past or far ahead.
 */
async function evaluationIn(
  f: Fixture,
  state: EvaluationState,
  windowOpen = true,
  withScheme: EvaluationScheme = scheme,
): Promise<number> {
  campaign ??= f.db
    .insert(campaigns)
    .values({ officeUnitId: f.office, name: '矩阵考核', startYear: Y, endYear: Y, cadence: { dispatch: 'monthly' } })
    .returning()
    .then((r) => r[0]!.id);
  const [e] = await f.db
    .insert(evaluations)
    .values({
      campaignId: await campaign,
      name: `矩阵考核${f.next()}`,
      kind: 'half',
      periodFrom: `${Y}-01-01`,
      periodTo: `${Y}-06-30`,
      state,
      commentUntil:
        state === 'comment' || state === 'final' ? (windowOpen ? `${Y + 1}-12-31` : `${Y - 1}-12-31`) : null,
    })
    .returning();
  await f.db.insert(evaluationSchemes).values({ evaluationId: e!.id, version: 1, scheme: withScheme });
  if (state === 'draft') return e!.id;
  const inputs: SnapshotInputs = {
    asOf: `${Y}-06-30`,
    schemeVersion: 1,
    scheme,
    categories: [{ id: 'c', name: '矩阵类' }],
    units: [
      { id: String(f.units.a), name: '甲局', categoryId: 'c' },
      { id: String(f.units.b), name: '乙局', categoryId: 'c' },
    ],
    values: [
      { componentId: 'ledger', unitId: String(f.units.a), value: '80' },
      { componentId: 'ledger', unitId: String(f.units.b), value: '100' },
    ],
    adjustments: [],
    previous: [],
    records: [],
  };
  const lines = linesOf(
    evaluateComposite({
      scheme: compositeSchemeOf(scheme),
      units: inputs.units,
      values: inputs.values,
    }),
  );
  const [snap] = await f.db
    .insert(evaluationSnapshots)
    .values({ evaluationId: e!.id, schemeVersion: 1, inputHash: 'matrix', resultHash: 'matrix', inputs, result: lines })
    .returning();
  await f.db.update(evaluations).set({ snapshotId: snap!.id }).where(eq(evaluations.id, e!.id));
  if (state !== 'closed')
    await f.db.insert(evaluationVersions).values({ evaluationId: e!.id, version: 1, snapshotId: snap!.id, diff: [] });
  return e!.id;
}

const published = new Map<string, Promise<number>>();
/** One shared published evaluation for the read rows. */
const shared = (f: Fixture) => {
  if (!published.has('comment')) published.set('comment', evaluationIn(f, 'comment'));
  return published.get('comment')!;
};

/** A fresh appeal of unit A, filed, or decided by someone else (so any organiser may approve). */
async function appeal(f: Fixture, decided: boolean): Promise<number> {
  const evaluationId = await evaluationIn(f, 'comment');
  const [a] = await f.db
    .insert(evaluationAppeals)
    .values({
      evaluationId,
      version: 1,
      unitId: f.units.a,
      componentId: 'ledger',
      reason: '矩阵申诉理由',
      filedBy: f.victimOf('own'),
      ...(decided
        ? { state: 'decided' as const, uphold: 'refuse' as const, decision: '矩阵审核', decidedBy: f.victimOf('other') }
        : {}),
    })
    .returning();
  return a!.id;
}

/** A fresh proposal for unit A on a draft, by someone other than any organiser (so each may decide it). */
async function adjustment(f: Fixture): Promise<number> {
  const evaluationId = await evaluationIn(f, 'draft');
  const [a] = await f.db
    .insert(evaluationAdjustments)
    .values({
      evaluationId,
      unitId: f.units.a,
      kind: 'bonus',
      amount: '1',
      reason: '矩阵加分',
      proposedBy: f.victimOf('own'),
    })
    .returning();
  return a!.id;
}

const url = async (f: Fixture, state: EvaluationState, tail = '', windowOpen = true) =>
  `/api/evaluations/${await evaluationIn(f, state, windowOpen)}${tail}`;

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/evaluations',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/evaluations' }),
  },
  {
    route: 'GET /api/evaluations/default-scheme',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/evaluations/default-scheme' }),
  },
  {
    route: 'POST /api/evaluations',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: '/api/evaluations',
      payload: {
        campaignId: await (campaign ?? evaluationIn(f, 'draft').then(() => campaign!)),
        name: `矩阵新考核${f.next()}`,
        kind: 'year',
        periodFrom: `${Y}-01-01`,
        periodTo: `${Y}-12-31`,
      },
    }),
  },
  {
    route: 'GET /api/evaluations/:id',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/evaluations/${await shared(f)}` }),
  },
  {
    route: 'PUT /api/evaluations/:id/scheme',
    allow: office,
    request: async (f) => ({ method: 'PUT', url: await url(f, 'draft', '/scheme'), payload: scheme }),
  },
  {
    route: 'POST /api/evaluations/:id/preview',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'draft', '/preview'), payload: {} }),
  },
  {
    route: 'POST /api/evaluations/:id/close',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'draft', '/close') }),
  },
  {
    route: 'POST /api/evaluations/:id/reopen',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'closed', '/reopen') }),
  },
  {
    route: 'POST /api/evaluations/:id/verify',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'closed', '/verify') }),
  },
  {
    route: 'POST /api/evaluations/:id/publish',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'closed', '/publish') }),
  },
  {
    route: 'POST /api/evaluations/:id/finalise',
    allow: office,
    request: async (f) => ({ method: 'POST', url: await url(f, 'comment', '/finalise', false) }),
  },
  {
    route: 'GET /api/evaluations/:id/units/:unitId',
    allow: explainers,
    scoped: true,
    request: async (f, t: Target) => ({
      method: 'GET',
      url: `/api/evaluations/${await shared(f)}/units/${f.unitOf(t)}`,
    }),
  },
  {
    route: 'GET /api/evaluations/history/:id',
    allow: explainers,
    scoped: true,
    request: async (f, t: Target) => {
      await shared(f);
      return { method: 'GET', url: `/api/evaluations/history/${f.unitOf(t)}` };
    },
  },
  {
    route: 'GET /api/evaluations/:id/export.xlsx',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/evaluations/${await shared(f)}/export.xlsx` }),
  },
  {
    route: 'GET /api/evaluations/:id/bulletin.docx',
    allow: readers,
    request: async (f) => ({ method: 'GET', url: `/api/evaluations/${await shared(f)}/bulletin.docx` }),
  },
  {
    route: 'POST /api/evaluations/:id/appeals',
    allow: { unit_head: 'own' },
    scoped: true,
    request: async (f, t: Target) => ({
      method: 'POST',
      url: await url(f, 'comment', '/appeals'),
      payload: { unitId: f.unitOf(t), componentId: 'ledger', reason: '矩阵申诉：数据有误' },
    }),
  },
  {
    route: 'POST /api/evaluations/:id/review/invites',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/evaluations/${await evaluationIn(f, 'draft', true, reviewScheme)}/review/invites`,
      payload: { groupId: 'peers', count: 2 },
    }),
  },
  {
    route: 'GET /api/evaluations/:id/review/progress',
    allow: office,
    request: async (f) => ({
      method: 'GET',
      url: `/api/evaluations/${await evaluationIn(f, 'draft', true, reviewScheme)}/review/progress`,
    }),
  },
  {
    route: 'POST /api/evaluations/:id/adjustments',
    allow: { organiser: 'any', unit_head: 'own' },
    scoped: true,
    request: async (f, t: Target) => ({
      method: 'POST',
      url: await url(f, 'draft', '/adjustments'),
      payload: { unitId: f.unitOf(t), kind: 'bonus', amount: '1', reason: '矩阵加分申请理由' },
    }),
  },
  {
    route: 'POST /api/evaluation-adjustments/:id/decide',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/evaluation-adjustments/${await adjustment(f)}/decide`,
      payload: { approve: false, reason: '矩阵审定意见' },
    }),
  },
  {
    route: 'POST /api/evaluation-adjustments/:id/step',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/evaluation-adjustments/${await adjustment(f)}/step`,
      payload: { action: 'refuse', text: '矩阵审定意见' },
    }),
  },
  {
    route: 'POST /api/evaluation-appeals/:id/decide',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/evaluation-appeals/${await appeal(f, false)}/decide`,
      payload: { uphold: false, reason: '矩阵审核意见' },
    }),
  },
  {
    route: 'POST /api/evaluation-appeals/:id/approve',
    allow: office,
    request: async (f) => ({ method: 'POST', url: `/api/evaluation-appeals/${await appeal(f, true)}/approve` }),
  },
];
