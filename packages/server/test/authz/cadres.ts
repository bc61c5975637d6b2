import { insertCadre } from '../../src/modules/cadres/index.js';
import { everyone, multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/**
 * 干部名册 and 干部实绩档案 (issue 17): the organisation department keeps the register of its office's
 * subtree (A and B both lie under the root), organisers read it; the record is the department's (and the
 * person's own: cadres.test.ts), hidden (404) from everyone else.
 */
const dept = { org_dept: 'any' } as const;
const readers = { org_dept: 'any', organiser: 'any' } as const;

const cache = new Map<Target, Promise<number>>();
const cadreIn = (f: Fixture, t: Target) => {
  if (!cache.has(t))
    cache.set(
      t,
      insertCadre(f.db, {
        name: t === 'own' ? '矩阵干部甲' : '矩阵干部乙',
        post: '局长',
        unitId: f.unitOf(t),
        since: '2024-01-01',
        userId: null,
      }).then((c) => c.id),
    );
  return cache.get(t)!;
};

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/cadres',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/cadres' }),
  },
  {
    route: 'POST /api/cadres',
    allow: dept,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/cadres',
      payload: { name: `矩阵新干部${f.next()}`, post: '副局长', unitId: f.unitOf(t), since: '2025-03-01' },
    }),
  },
  {
    route: 'PATCH /api/cadres/:id',
    allow: dept,
    scoped: true,
    request: async (f, t) => ({
      method: 'PATCH',
      url: `/api/cadres/${await cadreIn(f, t)}`,
      payload: { name: t === 'own' ? '矩阵干部甲' : '矩阵干部乙' },
    }),
  },
  {
    route: 'POST /api/cadres/:id/exemptions',
    allow: dept,
    scoped: true,
    request: async (f, t) => ({
      method: 'POST',
      url: `/api/cadres/${await cadreIn(f, t)}/exemptions`,
      payload: {
        matter: '矩阵事项',
        decision: 'exempted',
        basis: '容错纠错实施办法第五条',
        decidedBy: '区纪委监委',
        decidedOn: '2026-01-05',
      },
    }),
  },
  {
    route: 'GET /api/cadres/template',
    allow: dept,
    request: () => ({ method: 'GET', url: '/api/cadres/template' }),
  },
  {
    route: 'POST /api/cadres/import',
    allow: dept,
    allowedStatus: [422],
    request: () => ({ method: 'POST', url: '/api/cadres/import', ...multipartFile('x.xlsx', 'not a spreadsheet') }),
  },
  {
    route: 'GET /api/cadres/export',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/cadres/export' }),
  },
  {
    route: 'GET /api/cadres/mine',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/cadres/mine' }),
  },
  {
    route: 'GET /api/cadres/:id/record',
    allow: dept,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/cadres/${await cadreIn(f, t)}/record` }),
  },
  {
    route: 'GET /api/cadres/:id/record.docx',
    allow: dept,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/cadres/${await cadreIn(f, t)}/record.docx` }),
  },
];
