import { multipartFile, type MatrixRow } from './types.js';

/** 对标 (issue 16): the office imports its figures; its leaders and units' heads read the gaps (their offices'). */
export const rows: MatrixRow[] = [
  {
    route: 'GET /api/benchmarks',
    otherOffice: 'allowed',
    allow: { organiser: 'any', leader: 'any', unit_head: 'any' },
    request: () => ({ method: 'GET', url: '/api/benchmarks' }),
  },
  {
    route: 'GET /api/benchmarks/template',
    otherOffice: 'allowed',
    allow: { organiser: 'any' },
    request: () => ({ method: 'GET', url: '/api/benchmarks/template' }),
  },
  {
    route: 'POST /api/benchmarks/import',
    otherOffice: 'allowed',
    allow: { organiser: 'any' },
    // Not a spreadsheet: the rule ran and refused the content (nothing written).
    allowedStatus: [422],
    request: () => ({ method: 'POST', url: '/api/benchmarks/import', ...multipartFile('x.xlsx', 'not a spreadsheet') }),
  },
  {
    route: 'PUT /api/benchmarks/model',
    otherOffice: 'allowed',
    allow: { organiser: 'any' },
    // The matrix's office has no figures: the rule ran and found no such unit's peers (nothing written).
    allowedStatus: [404],
    request: () => ({ method: 'PUT', url: '/api/benchmarks/model', payload: { unitId: null, subject: '武昌区' } }),
  },
];
