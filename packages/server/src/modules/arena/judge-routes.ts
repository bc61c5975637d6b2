import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { headerToken } from '../../http/public/index.js';
import type { RealtimeHub } from '../../realtime/hub.js';
import { openEventStream } from '../../realtime/sse.js';
import { screenSnapshot, screenTopic, withServerNow } from './live.js';
import { judgeAuditActor, judgeFromToken, judgeState, joinWithCode, submitScore } from './judge.js';
import { ZContestantParam, ZJoin, ZScore, ZScreenToken } from './schema.js';

/**
 * Judges hold no account. A one-time code binds a phone, which then sends its device token in the
 * `x-judge-token` header. A custom header cannot come from a cross-site form or a simple request, so
 * judges' writes need no CSRF token; no cookie is involved. EventSource cannot set headers, so the phone
 * follows the arena on the big screen's read-only stream (its state carries that link), and the device
 * token never appears in a URL or an access log.
 */
const tokenOf = (request: FastifyRequest): string | undefined => headerToken(request, 'x-judge-token');

/** Public routes: registered through http/public (rate limit per address), listed in test/authz/public.ts. */
export const judgeRoutes: FastifyPluginAsyncZod<{ hub: RealtimeHub }> = async (app, { hub }) => {
  const db = app.ctx.db;
  const tags = ['arena-judge'];

  // A whole hall joins from one Wi-Fi address; 32^8 codes make guessing hopeless even at this rate.
  const joinLimit = { rateLimit: { max: 600, timeWindow: '1 minute' } };
  app.post('/judge/join', { schema: { tags, body: ZJoin }, config: joinLimit }, async (request) => {
    const j = await joinWithCode(db, request.body.code, request.ip);
    return { token: j.token, arenaId: j.arenaId, judge: { id: j.judgeId, name: j.name, groupId: j.groupId } };
  });
  app.get('/judge/state', { schema: { tags } }, async (request) =>
    judgeState(db, await judgeFromToken(db, tokenOf(request))),
  );
  app.put(
    '/judge/scores/:contestantId',
    { schema: { tags, params: ZContestantParam, body: ZScore } },
    async (request) => {
      const me = await judgeFromToken(db, tokenOf(request));
      return submitScore(db, me, judgeAuditActor(me, request.ip), request.params.contestantId, request.body);
    },
  );
  // The big screen: a long random token in the URL gives read-only access to one arena's live view.
  app.get('/screen/:token/live', { schema: { tags, params: ZScreenToken } }, async (request) =>
    screenSnapshot(db, request.params.token),
  );
  app.get('/screen/:token/events', { schema: { tags, params: ZScreenToken } }, async (request, reply) => {
    await openEventStream(request, reply, hub, await screenTopic(db, request.params.token), withServerNow);
  });
};
