import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiDate } from '../../jobs/clock.js';
import { publicRequest, rateRequest } from './public.js';
import { ZEnterpriseRating, ZRateCode } from './schema.js';

/**
 * The enterprise contact's side, without an account (registered through http/public, listed in
 * test/authz/public.ts): his 诉求 and its answer by the link's unguessable code, and his rating.
 */
export const visitsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['visits-public'];
  app.get('/public/visit-requests/:code', { schema: { tags, params: ZRateCode } }, async (request) =>
    publicRequest(db, request.params.code),
  );
  app.post(
    '/public/visit-requests/:code/rating',
    {
      schema: { tags, params: ZRateCode, body: ZEnterpriseRating },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => rateRequest(db, request.params.code, request.body, shanghaiDate()),
  );
};
