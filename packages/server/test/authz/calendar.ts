import { everyone, type MatrixRow } from './types.js';

/** The working-day calendar (DESIGN §3.6): everyone counts deadlines on it, the office keeps it. */
const Y = new Date().getFullYear();

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/calendar',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/calendar' }),
  },
  {
    route: 'PUT /api/calendar',
    otherOffice: 'tree-wide',
    allow: { organiser: 'any' },
    request: () => ({
      method: 'PUT',
      url: '/api/calendar',
      payload: { holidays: [`${Y}-10-01`, `${Y}-10-02`], workingWeekends: [] },
    }),
  },
];
