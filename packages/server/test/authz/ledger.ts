import { ledgerItems } from '../../src/db/schema/index.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/** 督查督办 (issue 5): the ledger, its workflow, views, import/export and bulletins. */
const Y = new Date().getFullYear();
const office = { organiser: 'any' } as const;
/** ledger.read: the office everywhere, a leader on overseen units, a head on the subtree, a reporter on the unit. */
const readers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own', org_dept: 'any' } as const;
/** The lead unit's people (ledger.work) sign for their own unit's items; the office and leaders do not. */
const lead = { unit_head: 'own', reporter: 'own' } as const;
const notExcel = multipartFile('x.xlsx', 'not a spreadsheet');

/** An item led by unit A or B, assigned, due next year. Rows that change state make a fresh one per request. */
export async function ledgerItem(
  f: Fixture,
  t: Target,
  opts: { coUnitIds?: number[]; deadline?: string } = {},
): Promise<number> {
  const deadline = opts.deadline ?? `${Y + 1}-12-31`;
  const [row] = await f.db
    .insert(ledgerItems)
    .values({
      officeUnitId: f.office,
      title: `矩阵督办事项${f.next()}`,
      source: '督查发现',
      leadUnitId: f.unitOf(t),
      coUnitIds: opts.coUnitIds ?? [],
      deadline,
      originalDeadline: deadline,
      createdBy: f.victimOf('own'),
    })
    .returning({ id: ledgerItems.id });
  return row!.id;
}

const shared = new Map<Target, Promise<number>>();
const readItem = (f: Fixture, t: Target) => {
  if (!shared.has(t)) shared.set(t, ledgerItem(f, t));
  return shared.get(t)!;
};

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/ledger/meta',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ledger/meta' }),
  },
  {
    route: 'GET /api/ledger/settings',
    otherOffice: 'tree-wide',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ledger/settings' }),
  },
  {
    route: 'PUT /api/ledger/settings',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({ method: 'PUT', url: '/api/ledger/settings', payload: { yellowDays: 3 } }),
  },
  {
    route: 'POST /api/ledger/schedule',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({
      method: 'POST',
      url: '/api/ledger/schedule',
      payload: {
        finalDeadline: `${Y + 1}-06-30`,
        steps: [
          { title: '制定方案', workingDays: 5 },
          { title: '组织实施', workingDays: 20 },
        ],
      },
    }),
  },
  {
    route: 'GET /api/ledger/items',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ledger/items' }),
  },
  {
    route: 'POST /api/ledger/items',
    allow: office,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/ledger/items',
      payload: {
        title: `矩阵交办${f.next()}`,
        source: '会议决定',
        leadUnitId: f.unitOf(t),
        deadline: `${Y + 1}-09-30`,
      },
    }),
  },
  {
    route: 'GET /api/ledger/items/:id',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/ledger/items/${await readItem(f, t)}` }),
  },
  {
    route: 'POST /api/ledger/items/:id/split',
    allow: office,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ledger/items/${await ledgerItem(f, t)}/split`,
      payload: { parts: [{ unitId: f.units.a1 }] },
    }),
  },
  // One action stands for the route: signing for an item belongs to its lead unit. The office's own
  // actions and the refusals across units are checked in the matrix test.
  {
    route: 'POST /api/ledger/items/:id/actions',
    allow: lead,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/ledger/items/${await ledgerItem(f, t)}/actions`,
      payload: { action: 'acknowledge', version: 1 },
    }),
  },
  {
    route: 'GET /api/ledger/counts',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ledger/counts' }),
  },
  {
    route: 'GET /api/ledger/rates',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: `/api/ledger/rates?period=${Y}` }),
  },
  {
    route: 'GET /api/ledger/export',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/ledger/export' }),
  },
  {
    route: 'GET /api/ledger/import/template',
    otherOffice: 'allowed',
    allow: office,
    request: () => ({ method: 'GET', url: '/api/ledger/import/template' }),
  },
  {
    route: 'POST /api/ledger/import',
    otherOffice: 'allowed',
    allow: office,
    allowedStatus: [422],
    request: () => ({ method: 'POST', url: '/api/ledger/import', ...notExcel }),
  },
  {
    route: 'GET /api/ledger/bulletin',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: `/api/ledger/bulletin?period=${Y}-01&format=docx` }),
  },
  {
    route: 'POST /api/ledger/jobs/colours',
    otherOffice: 'tree-wide',
    allow: office,
    request: () => ({ method: 'POST', url: '/api/ledger/jobs/colours' }),
  },
];
