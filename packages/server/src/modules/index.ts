import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { securityRoutes } from './security/routes.js';
import { filesRoutes } from './files/routes.js';
import { arenaRoutes } from './arena/index.js';
import { ledgerRoutes } from './ledger/index.js';
import { notificationsRoutes } from './notifications/routes.js';
import { deliveryRoutes } from './notifications/delivery-routes.js';
import { dispatchRoutes } from './dispatch/index.js';
import { unitsRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';
import { auditRoutes } from './audit/routes.js';
import { ratingsRoutes } from './ratings/index.js';
import * as evaluation from './evaluation/index.js';
import { projectRoutes } from './projects/index.js';
import { visitRoutes } from './visits/index.js';
import * as cadres from './cadres/index.js';
import * as records from './records/index.js';
import { suggestionRoutes } from './suggestions/index.js';
import { benchmarkRoutes } from './benchmarks/index.js';
import { todosRoutes } from './todos/index.js';
import * as supervision from './supervision/index.js';
import type { EventConsumer } from '../events/consumer.js';
import type { ReportSection } from './dispatch/index.js';
import type { TargetType } from '../http/access.js';
import type { RealtimeTopic } from '../realtime/index.js';
import * as arena from './arena/index.js';
import * as notifications from './notifications/index.js';
import * as dispatch from './dispatch/index.js';
import * as files from './files/index.js';
import * as ledger from './ledger/index.js';
import * as projects from './projects/index.js';
import * as ratings from './ratings/index.js';
import * as units from './units/index.js';
import * as users from './users/index.js';
import * as visits from './visits/index.js';
import * as suggestions from './suggestions/index.js';

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
  deliveryRoutes,
  unitsRoutes,
  userRoutes,
  dispatchRoutes,
  ratingsRoutes,
  evaluation.evaluationRoutes,
  projectRoutes,
  visitRoutes,
  cadres.cadresRoutes,
  records.recordsRoutes,
  suggestionRoutes,
  benchmarkRoutes,
  todosRoutes,
  supervision.supervisionRoutes,
  auditRoutes,
];

/**
 * Every object kind requireAccess knows (http/access.ts), from each module's face. One line per module
 * that has objects others point at.
 */
export const accessTargets: TargetType[] = [
  ...units.accessTargets,
  ...users.accessTargets,
  ...files.accessTargets,
  ...ratings.accessTargets,
  ...ledger.accessTargets,
  ...dispatch.accessTargets,
  ...arena.accessTargets,
  ...evaluation.accessTargets,
  ...projects.accessTargets,
  ...visits.accessTargets,
  ...cadres.accessTargets,
  ...records.accessTargets,
  ...suggestions.accessTargets,
  ...supervision.accessTargets,
];

/** The live topics event streams can follow (realtime/), from each module's face. */
export const realtimeTopics: RealtimeTopic[] = [arena.arenaRealtime];

/** Consumers of the outbox besides realtime's own (events/). */
export const eventConsumers: EventConsumer[] = [notifications.noticeConsumer, projects.projectCardConsumer];

/** Other modules' parts of the monthly report (dispatch/sections.ts). */
export const reportSections: ReportSection[] = [projects.projectReportSection as ReportSection];
