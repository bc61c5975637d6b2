/**
 * The security module's face: the policy (password rules, lock-out, session times) and the record of
 * failed sign-ins it is applied to. auth depends on this module, never the other way round.
 */
export { securityPolicy } from './policy.js';
export { addressIn } from './addresses.js';
export {
  failuresSince as loginFailuresSince,
  insertFailure as recordLoginFailure,
  deleteFailures as clearLoginFailures,
  deleteFailuresBefore as purgeLoginFailuresBefore,
} from './repository.js';
