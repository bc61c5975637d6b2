import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reviewForm, submitReview } from './review.js';
import { ZReviewCode, ZReviewSubmission } from './schema.js';

/**
 * The rater's side of 评议, without an account (registered through http/public, listed in
 * test/authz/public.ts): the form behind a one-time invitation code, and its one submission.
 */
export const reviewPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['evaluation-public'];
  // Codes are 60 bits and one-time; a tight limit still keeps guessing pointless.
  const limit = { rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get('/public/review/:code', { schema: { tags, params: ZReviewCode }, config: limit }, async (request) =>
    reviewForm(db, request.params.code),
  );
  app.post(
    '/public/review/:code',
    { schema: { tags, params: ZReviewCode, body: ZReviewSubmission }, config: limit },
    async (request) => submitReview(db, request.params.code, request.body.answers),
  );
};
