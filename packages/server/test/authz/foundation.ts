import { DEFAULT_SECURITY_POLICY, ROLES, type Role } from '@leitai/core';
import type { MatrixRow } from './types.js';

/** Sign-in and the security admin's work. */
const everyone = Object.fromEntries(ROLES.map((r) => [r, 'any'])) as Record<Role, 'any'>;
const secadmin = { secadmin: 'any' } as const;

export const rows: MatrixRow[] = [
  {
    route: 'GET /api/auth/me',
    otherOffice: 'allowed',
    allow: everyone,
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
  },
  // A wrong current password: the route runs (400) without changing anything.
  {
    route: 'POST /api/auth/password',
    otherOffice: 'allowed',
    allow: everyone,
    allowedStatus: [400],
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-the-password', newPassword: 'Another#2026pass' },
    }),
  },
  {
    route: 'GET /api/security/policy',
    allow: secadmin,
    request: () => ({ method: 'GET', url: '/api/security/policy' }),
  },
  {
    route: 'PUT /api/security/policy',
    allow: secadmin,
    request: () => ({ method: 'PUT', url: '/api/security/policy', payload: DEFAULT_SECURITY_POLICY }),
  },
  { route: 'GET /api/security/locks', allow: secadmin, request: () => ({ method: 'GET', url: '/api/security/locks' }) },
  {
    route: 'POST /api/security/unlock',
    allow: secadmin,
    request: () => ({ method: 'POST', url: '/api/security/unlock', payload: { username: 'nobody' } }),
  },
];
