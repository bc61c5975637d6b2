import { categories } from '../../src/db/schema/index.js';
import { multipartFile, type MatrixRow } from './types.js';

/** Units, categories, users and the audit log (issue 2's administration). */
const readers = {
  sysadmin: 'any',
  organiser: 'any',
  leader: 'own',
  unit_head: 'own',
  reporter: 'own',
  org_dept: 'any',
} as const;
const managers = { sysadmin: 'any', organiser: 'any' } as const;
const userReaders = { sysadmin: 'any', secadmin: 'any', organiser: 'any' } as const;
const auditor = { auditor: 'any' } as const;
const notExcel = multipartFile('x.xlsx', 'not a spreadsheet');

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/units',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/units' }),
  },
  {
    route: 'GET /api/units/:id',
    allow: readers,
    scoped: true,
    request: (f, t) => ({ method: 'GET', url: `/api/units/${f.unitOf(t)}` }),
  },
  {
    route: 'POST /api/units',
    allow: managers,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/units',
      payload: {
        code: `m${f.next()}`,
        name: `矩阵单位${f.next()}`,
        kind: 'department',
        parentId: f.unitOf(t),
        categoryId: null,
      },
    }),
  },
  {
    route: 'PATCH /api/units/:id',
    allow: managers,
    scoped: true,
    request: (f, t) => ({ method: 'PATCH', url: `/api/units/${f.unitOf(t)}`, payload: { sortOrder: 3 } }),
  },
  {
    route: 'GET /api/units/template',
    otherOffice: 'allowed',
    allow: managers,
    request: () => ({ method: 'GET', url: '/api/units/template' }),
  },
  {
    route: 'POST /api/units/import',
    otherOffice: 'allowed',
    allow: managers,
    allowedStatus: [422],
    request: () => ({ method: 'POST', url: '/api/units/import', ...notExcel }),
  },
  {
    route: 'GET /api/units/export',
    otherOffice: 'allowed',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/units/export' }),
  },

  {
    route: 'GET /api/categories',
    otherOffice: 'tree-wide',
    allow: readers,
    request: () => ({ method: 'GET', url: '/api/categories' }),
  },
  {
    route: 'POST /api/categories',
    otherOffice: 'tree-wide',
    allow: managers,
    request: (f) => ({
      method: 'POST',
      url: '/api/categories',
      payload: { code: `c${f.next()}`, name: `类别${f.next()}` },
    }),
  },
  {
    route: 'PATCH /api/categories/:id',
    otherOffice: 'tree-wide',
    allow: managers,
    request: (f) => ({ method: 'PATCH', url: `/api/categories/${f.categoryId}`, payload: { sortOrder: 2 } }),
  },
  {
    route: 'DELETE /api/categories/:id',
    otherOffice: 'tree-wide',
    allow: managers,
    request: async (f) => {
      const [row] = await f.db
        .insert(categories)
        .values({ code: `d${f.next()}`, name: '待删类别' })
        .returning({ id: categories.id });
      return { method: 'DELETE', url: `/api/categories/${row!.id}` };
    },
  },

  {
    route: 'GET /api/users',
    otherOffice: 'allowed',
    allow: userReaders,
    request: () => ({ method: 'GET', url: '/api/users' }),
  },
  {
    route: 'GET /api/users/meta',
    otherOffice: 'allowed',
    allow: userReaders,
    request: () => ({ method: 'GET', url: '/api/users/meta' }),
  },
  {
    route: 'GET /api/users/:id',
    allow: userReaders,
    scoped: true,
    request: (f, t) => ({ method: 'GET', url: `/api/users/${f.victimOf(t)}` }),
  },
  {
    route: 'POST /api/users',
    allow: managers,
    scoped: true,
    request: (f, t) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `mx${f.next()}`, displayName: '矩阵用户', unitId: f.unitOf(t), roles: ['reporter'] },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    allow: managers,
    scoped: true,
    request: (f, t) => ({
      method: 'PATCH',
      url: `/api/users/${f.victimOf(t)}`,
      payload: { displayName: `改名${f.next()}` },
    }),
  },
  {
    route: 'POST /api/users/:id/reset-password',
    allow: managers,
    scoped: true,
    request: (f, t) => ({ method: 'POST', url: `/api/users/${f.victimOf(t)}/reset-password` }),
  },
  {
    route: 'GET /api/users/template',
    otherOffice: 'allowed',
    allow: managers,
    request: () => ({ method: 'GET', url: '/api/users/template' }),
  },
  {
    route: 'POST /api/users/import',
    otherOffice: 'allowed',
    allow: managers,
    allowedStatus: [422],
    request: () => ({ method: 'POST', url: '/api/users/import', ...notExcel }),
  },
  {
    route: 'GET /api/users/export',
    otherOffice: 'allowed',
    allow: userReaders,
    request: () => ({ method: 'GET', url: '/api/users/export' }),
  },
  {
    route: 'GET /api/users/admin-requests',
    allow: { secadmin: 'any' },
    request: () => ({ method: 'GET', url: '/api/users/admin-requests' }),
  },
  {
    route: 'POST /api/users/admin-requests/:id/decide',
    allow: { secadmin: 'any' },
    allowedStatus: [404],
    request: () => ({
      method: 'POST',
      url: '/api/users/admin-requests/999999/decide',
      payload: { approve: false, reason: '矩阵' },
    }),
  },

  { route: 'GET /api/audit', allow: auditor, request: () => ({ method: 'GET', url: '/api/audit' }) },
  { route: 'GET /api/audit/actions', allow: auditor, request: () => ({ method: 'GET', url: '/api/audit/actions' }) },
  { route: 'GET /api/audit/export', allow: auditor, request: () => ({ method: 'GET', url: '/api/audit/export' }) },
  { route: 'GET /api/audit/verify', allow: auditor, request: () => ({ method: 'GET', url: '/api/audit/verify' }) },
];
