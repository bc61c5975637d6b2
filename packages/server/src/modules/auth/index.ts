/** The auth module's face: sign-in sessions and password hashing, for the app and the users module. */
export { hashPassword } from './passwords.js';
export { closeOtherSessions } from './sessions.js';
export { registerSessionHook } from './hook.js';
export { authHousekeepingJob } from './housekeeping.js';
