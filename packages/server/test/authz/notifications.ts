import { everyone, type MatrixRow } from './types.js';

/** Each account's own notifications; that nobody reads or marks another's is checked in the matrix test. */
export const rows: MatrixRow[] = [
  {
    route: 'GET /api/notifications',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/notifications?limit=5' }),
  },
  {
    route: 'POST /api/notifications/read',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'POST', url: '/api/notifications/read', payload: {} }),
  },
];
