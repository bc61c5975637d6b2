import { like } from 'drizzle-orm';
import { CREDIT_CODE_CHARS, creditCodeCheckChar } from '@leitai/core';
import { enterpriseAssignments, enterprises, users, visitRequests } from '../../src/db/schema/index.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/**
 * 万企走访 (issue 16): the office keeps the register, the assignments and dispatches 诉求; leaders read their
 * streets; any official records visits to the enterprises assigned to him (here every matrix account is).
 */
const office = { organiser: 'any' } as const;
const readers = { organiser: 'any', leader: 'own' } as const;
const officials = { organiser: 'any', leader: 'any', unit_head: 'any', reporter: 'any' } as const;

/** A valid, fresh 统一社会信用代码. */
function creditCode(n: number): string {
  const digits = String(n).padStart(9, '0');
  const body = `91370214${digits}`.slice(0, 17);
  return body + creditCodeCheckChar([...body].map((c) => (CREDIT_CODE_CHARS.includes(c) ? c : '0')).join(''))!;
}

async function enterprise(f: Fixture, t: Target): Promise<number> {
  const [row] = await f.db
    .insert(enterprises)
    .values({
      name: `矩阵企业${f.next()}`,
      creditCode: creditCode(f.next()),
      scale: 'small',
      streetUnitId: f.unitOf(t),
    })
    .returning({ id: enterprises.id });
  return row!.id;
}

/** An enterprise assigned to every matrix account, so each official may visit it. */
async function assignedToAll(f: Fixture): Promise<number> {
  const id = await enterprise(f, 'own');
  const people = await f.db.select({ id: users.id }).from(users).where(like(users.username, 'm\\_%'));
  await f.db
    .insert(enterpriseAssignments)
    .values(people.map((p) => ({ enterpriseId: id, userId: p.id, role: 'cadre' as const, startedOn: '2026-01-01' })));
  return id;
}

async function request(f: Fixture, t: Target, enterpriseId?: number): Promise<number> {
  const [row] = await f.db
    .insert(visitRequests)
    .values({
      enterpriseId: enterpriseId ?? (await enterprise(f, t)),
      category: 'finance',
      content: '企业反映流动资金紧张',
      raisedOn: '2026-03-01',
      raisedBy: f.victimOf(t),
      rateCode: `matrixcode${f.next()}xxxxxxxx`,
    })
    .returning({ id: visitRequests.id });
  return row!.id;
}

const get = (url: string) => () => ({ method: 'GET' as const, url });

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/visits/enterprises',
    otherOffice: 'tree-wide',
    allow: readers,
    request: get('/api/visits/enterprises'),
  },
  {
    route: 'POST /api/visits/enterprises',
    otherOffice: 'tree-wide',
    allow: office,
    request: (f) => ({
      method: 'POST',
      url: '/api/visits/enterprises',
      payload: { name: `矩阵新企业${f.next()}`, creditCode: creditCode(f.next()), scale: 'above' },
    }),
  },
  {
    route: 'GET /api/visits/enterprises/export',
    otherOffice: 'tree-wide',
    allow: readers,
    request: get('/api/visits/enterprises/export'),
  },
  {
    route: 'GET /api/visits/enterprises/template',
    otherOffice: 'tree-wide',
    allow: office,
    request: get('/api/visits/enterprises/template'),
  },
  {
    route: 'POST /api/visits/enterprises/import',
    otherOffice: 'tree-wide',
    allow: office,
    allowedStatus: [422],
    request: () => ({
      method: 'POST',
      url: '/api/visits/enterprises/import',
      ...multipartFile('x.xlsx', 'not a spreadsheet'),
    }),
  },
  {
    route: 'GET /api/visits/enterprises/:id',
    otherOffice: 'tree-wide',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/visits/enterprises/${await enterprise(f, t)}` }),
  },
  { route: 'GET /api/visits/choices', otherOffice: 'tree-wide', allow: office, request: get('/api/visits/choices') },
  {
    route: 'POST /api/visits/assignments',
    otherOffice: 'tree-wide',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: '/api/visits/assignments',
      payload: { enterpriseId: await enterprise(f, 'own'), userId: f.victimOf('own'), role: 'cadre' },
    }),
  },
  { route: 'GET /api/visits/mine', otherOffice: 'tree-wide', allow: officials, request: get('/api/visits/mine') },
  {
    route: 'POST /api/visits',
    otherOffice: 'tree-wide',
    allow: officials,
    request: async (f) => ({
      method: 'POST',
      url: '/api/visits',
      payload: { enterpriseId: await assignedToAll(f), visitedOn: '2026-03-02', forms: ['service'] },
    }),
  },
  { route: 'GET /api/visits/requests', otherOffice: 'tree-wide', allow: readers, request: get('/api/visits/requests') },
  {
    route: 'GET /api/visits/requests/:id',
    otherOffice: 'tree-wide',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/visits/requests/${await request(f, t)}` }),
  },
  {
    route: 'POST /api/visits/requests/:id/dispatch',
    otherOffice: 'tree-wide',
    allow: office,
    request: async (f) => ({
      method: 'POST',
      url: `/api/visits/requests/${await request(f, 'own')}/dispatch`,
      payload: { leadUnitId: f.units.a, coUnitIds: [f.units.b] },
    }),
  },
  {
    route: 'POST /api/visits/requests/:id/merge',
    otherOffice: 'tree-wide',
    allow: office,
    request: async (f) => {
      const e = await enterprise(f, 'own');
      const into = await request(f, 'own', e);
      return {
        method: 'POST',
        url: `/api/visits/requests/${await request(f, 'own', e)}/merge`,
        payload: { intoId: into },
      };
    },
  },
  { route: 'GET /api/visits/coverage', otherOffice: 'tree-wide', allow: readers, request: get('/api/visits/coverage') },
  {
    route: 'GET /api/visits/coverage/export',
    otherOffice: 'tree-wide',
    allow: readers,
    request: get('/api/visits/coverage/export'),
  },
  { route: 'GET /api/visits/settings', otherOffice: 'tree-wide', allow: readers, request: get('/api/visits/settings') },
  {
    route: 'PUT /api/visits/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({
      method: 'PUT',
      url: '/api/visits/settings',
      payload: { coUnitDays: 3, leadDays: 7, extensionNoticeDays: 1 },
    }),
  },
];
