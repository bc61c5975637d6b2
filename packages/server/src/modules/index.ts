import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { securityRoutes } from './security/routes.js';
import { filesRoutes } from './files/routes.js';
import { arenaRoutes } from './arena/index.js';
import { ledgerRoutes } from './ledger/index.js';
import { notificationsRoutes } from './notifications/routes.js';
import { dispatchRoutes } from './dispatch/index.js';
import { unitsRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';
import { auditRoutes } from './audit/routes.js';

/**
 * Every feature's routes, registered under /api. One line per feature; the authorisation matrix
 * test walks all of them.
 */
export const apiModules: FastifyPluginAsync[] = [
  authRoutes,
  securityRoutes,
  filesRoutes,
  calendarRoutes,
  arenaRoutes,
  ledgerRoutes,
  notificationsRoutes,
  unitsRoutes,
  userRoutes,
  dispatchRoutes,
  auditRoutes,
];
