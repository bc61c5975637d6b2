/**
 * Routes that need no session, and why. Everything else under /api answers an anonymous caller 401, and
 * has a row in a feature's table (test/authz/<feature>.ts): a route with neither fails the matrix.
 */
export const publicRoutes: Record<string, string> = {
  'POST /api/auth/login': 'signing in',
  'POST /api/auth/logout': 'idempotent: ends the session if there is one',
  'POST /api/judge/join': 'judges hold no account; a one-time code binds a phone',
  'GET /api/judge/state': 'judge device token (x-judge-token), 401 without it',
  'PUT /api/judge/scores/:contestantId': 'judge device token',
  'GET /api/screen/:token/live': 'big screen by its unguessable token',
  'GET /api/screen/:token/events': 'big screen by its unguessable token',
};
