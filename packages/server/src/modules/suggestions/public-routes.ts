import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../jobs/clock.js';
import { publicRound, submitPublic } from './ideas.js';
import { ZCodeParams, ZPublicSuggestion } from './schema.js';

/**
 * The public's side, without an account (registered through http/public, listed in test/authz/public.ts):
 * the round by its link's unguessable code, and one idea per submission, rate-limited.
 */
export const suggestionsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['suggestions-public'];
  app.get('/public/suggestions/:code', { schema: { tags, params: ZCodeParams } }, async (request) =>
    publicRound(db, request.params.code, shanghaiDate()),
  );
  app.post(
    '/public/suggestions/:code',
    {
      schema: { tags, params: ZCodeParams, body: ZPublicSuggestion },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => submitPublic(db, request.params.code, request.body, shanghaiDate()),
  );
};
