/**
 * The visits module's face (万企走访 / 包保): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { defineTarget } from '../../http/access.js';
import { resolveEnterprise, resolveRequest } from './access.js';

export { visitRoutes } from './routes.js';
export { newRateCode } from './requests.js';
// For the demo seeder, which writes a lived-in year (visits and 诉求 in the past) directly.
export { insertAssignments, insertEnterprises, insertRequests, insertVisit, updateRequest } from './repository.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    enterprise: number;
    visit_request: number;
  }
}

/** An enterprise: the district and its street are its parties; the people assigned to it now its owners. */
export const enterpriseTarget = defineTarget({
  kind: 'enterprise',
  noun: '企业',
  visibleWith: ['visit.read'],
  resolve: resolveEnterprise,
});
export const requestTarget = defineTarget({
  kind: 'visit_request',
  noun: '诉求',
  visibleWith: ['visit.read'],
  resolve: resolveRequest,
});

export const accessTargets = [enterpriseTarget, requestTarget];
