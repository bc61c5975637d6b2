import {
  ledgerItems,
  projectInterviews,
  projectPlanChanges,
  projectPlans,
  projects,
} from '../../src/db/schema/index.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/** 重点项目 (issue 15): the office keeps the register; the unit reports and asks; leaders read theirs and interview. */
const Y = new Date().getFullYear();
const office = { organiser: 'any' } as const;
const readers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own' } as const;
const unitPeople = { unit_head: 'own', reporter: 'own' } as const;
// Plans are last year's, so this year's monthly reports of units A and B (dispatch rows) have no project section to fill.
const PY = Y - 1;
const plan = { yearPlan: '1200', monthly: null, milestones: { start: `${Y + 1}-06-30` } };

/** A project led by unit A or B with its baseline plan. */
async function project(f: Fixture, t: Target): Promise<number> {
  const [row] = await f.db
    .insert(projects)
    .values({
      code: `MX-${f.next()}`,
      name: `矩阵项目${f.next()}`,
      kind: 'industry',
      totalInvestment: '5000',
      unitId: f.unitOf(t),
    })
    .returning({ id: projects.id });
  await f.db.insert(projectPlans).values({ projectId: row!.id, year: PY, version: 1, plan, reason: '年初基线' });
  return row!.id;
}

const shared = new Map<Target, Promise<number>>();
const readProject = (f: Fixture, t: Target) => {
  if (!shared.has(t)) shared.set(t, project(f, t));
  return shared.get(t)!;
};

async function change(f: Fixture, t: Target): Promise<number> {
  const projectId = await project(f, t);
  const [row] = await f.db
    .insert(projectPlanChanges)
    .values({
      projectId,
      year: PY,
      fromVersion: 1,
      proposed: { ...plan, yearPlan: '1000' },
      reason: '征迁延后',
      requestedBy: f.victimOf(t),
    })
    .returning({ id: projectPlanChanges.id });
  return row!.id;
}

async function interview(f: Fixture, t: Target): Promise<number> {
  const projectId = await project(f, t);
  const [item] = await f.db
    .insert(ledgerItems)
    .values({
      officeUnitId: f.office,
      title: `约谈${f.next()}`,
      source: '项目约谈',
      leadUnitId: f.unitOf(t),
      deadline: `${Y + 1}-01-31`,
      originalDeadline: `${Y + 1}-01-31`,
    })
    .returning({ id: ledgerItems.id });
  const [row] = await f.db
    .insert(projectInterviews)
    .values({ projectId, period: `${Y}-01`, rung: 'yellow', ledgerItemId: item!.id })
    .returning({ id: projectInterviews.id });
  return row!.id;
}

const list = (path: string) => ({ method: 'GET' as const, url: `/api/projects${path}?year=${Y}` });

export const rows: MatrixRow[] = [
  { route: 'GET /api/projects', otherOffice: 'allowed', allow: readers, request: () => list('') },
  { route: 'GET /api/projects/export', otherOffice: 'allowed', allow: readers, request: () => list('/export') },
  { route: 'GET /api/projects/gantt', otherOffice: 'allowed', allow: readers, request: () => list('/gantt') },
  { route: 'GET /api/projects/dashboard', otherOffice: 'allowed', allow: readers, request: () => list('/dashboard') },
  { route: 'GET /api/projects/bulletin', otherOffice: 'allowed', allow: readers, request: () => list('/bulletin') },
  {
    route: 'GET /api/projects/settings',
    otherOffice: 'tree-wide',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/projects/settings' }),
  },
  {
    route: 'PUT /api/projects/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({
      method: 'PUT',
      url: '/api/projects/settings',
      payload: {
        rules: {
          watched: ['start'],
          milestoneRedAfterMonths: 3,
          investment: { kind: 'ratio', redBelowRatio: '0.5' },
          statsYellowAfterMonths: 1,
          statsRedAfterMonths: 2,
        },
        ladder: [
          { rung: 'yellow', interviewer: 'leader', interviewee: '项目负责人', workingDays: 10 },
          { rung: 'twoYellows', interviewer: 'deputy', interviewee: '责任单位主要负责人', workingDays: 10 },
          { rung: 'red', interviewer: 'leader', interviewee: '责任单位主要负责人', workingDays: 5 },
        ],
      },
    }),
  },
  {
    route: 'GET /api/projects/import/template',
    otherOffice: 'allowed',
    allow: office,
    request: () => list('/import/template'),
  },
  {
    route: 'GET /api/projects/choices',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/projects/choices' }),
  },
  {
    route: 'POST /api/projects/import',
    otherOffice: 'allowed',
    allow: office,
    allowedStatus: [422],
    request: () => ({
      method: 'POST',
      url: `/api/projects/import?year=${Y}`,
      ...multipartFile('x.xlsx', 'not a spreadsheet'),
    }),
  },
  {
    route: 'POST /api/projects',
    allow: office,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/projects',
      payload: {
        code: `NEW-${f.next()}`,
        name: `矩阵新项目${f.next()}`,
        kind: 'urban',
        totalInvestment: '3000',
        unitId: f.unitOf(t),
        year: PY,
        plan: { yearPlan: '600', milestones: { start: `${PY}-12-31` } },
      },
    }),
  },
  {
    route: 'GET /api/projects/:id',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/projects/${await readProject(f, t)}?year=${Y}` }),
  },
  {
    route: 'PUT /api/projects/:id',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'PUT',
      url: `/api/projects/${await project(f, t)}`,
      payload: {
        name: `矩阵项目改名${f.next()}`,
        kind: 'industry',
        totalInvestment: '6000',
        unitId: f.unitOf(t),
        version: 1,
      },
    }),
  },
  {
    route: 'POST /api/projects/:id/plan-changes',
    allow: unitPeople,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/projects/${await project(f, t)}/plan-changes`,
      payload: { year: PY, plan: { ...plan, yearPlan: '900' }, reason: '土地征收延后两个月' },
    }),
  },
  {
    route: 'POST /api/projects/plan-changes/:id/decision',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/projects/plan-changes/${await change(f, t)}/decision`,
      payload: { action: 'approve' },
    }),
  },
  {
    route: 'PUT /api/projects/:id/steps',
    allow: unitPeople,
    scoped: true,
    request: async (f, t) => ({
      method: 'PUT',
      url: `/api/projects/${await project(f, t)}/steps?year=${PY}`,
      payload: { milestone: 'start', steps: [{ title: '施工许可', workingDays: 10 }] },
    }),
  },
  {
    route: 'POST /api/projects/interviews/:id/record',
    allow: { organiser: 'any', leader: 'own' },
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/projects/interviews/${await interview(f, t)}/record`,
      payload: { heldOn: `${Y}-01-15`, record: '在区政府三楼会议室约谈，议定两周内完成施工许可。' },
    }),
  },
];
