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
  'GET /api/public/points/:code': 'a citizen opens the QR page: the poster’s unguessable code',
  'POST /api/public/device': 'a citizen’s phone gets a signed device token (one rating per device, point and period)',
  'POST /api/public/points/:code/ratings':
    'a citizen rates; device token (x-device-token), rate-limited, burst-checked',
  'POST /api/public/phone-codes':
    'a citizen asks for the SMS code that verifies a real-name bad rating’s phone; limited per address and per number',
  'GET /api/public/rankings/latest': 'the ranking the office published for 媒体问效: public by intent',
  'GET /api/public/rankings/:id': 'one published version of that ranking: public by intent',
  'GET /api/public/lookup/:lookup': 'the rater follows the case by the lookup code given after rating',
  'POST /api/public/lookup/:lookup/follow-up': 'the rater’s one 追评, by the lookup code',
  'GET /api/public/visit-requests/:code':
    'the enterprise contact opens his 诉求 and its answer by the unguessable code in the link or QR sent to him',
  'POST /api/public/visit-requests/:code/rating': 'the contact’s rating of the answer, by that code, rate-limited',
  'GET /api/public/suggestions/:code':
    '金点子: the public opens the round by the unguessable code of the link the office gives out',
  'POST /api/public/suggestions/:code': 'one idea per submission from the public through that link, rate-limited',
  'GET /api/public/review/:code': '评议 raters hold no account: a one-time invitation code opens the form',
  'POST /api/public/review/:code': 'the rater’s one anonymous submission, by the invitation code',
};
