import { everyone, type MatrixRow } from './types.js';

/** 工作台待办: every signed-in person's own to-dos; what each module lists is scoped by that module (todos tests). */
export const rows: MatrixRow[] = [
  {
    route: 'GET /api/todos',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/todos' }),
  },
];
