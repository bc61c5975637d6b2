import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireRecordScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { publicRoutes } from '../../http/public/index.js';
import { sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import { adoptSuggestion, rejectSuggestion, rewardSuggestion } from './decide.js';
import { mySuggestions, submitSuggestion, suggestionDetail } from './ideas.js';
import { suggestionsPublicRoutes } from './public-routes.js';
import { roundStats, roundXlsx } from './report.js';
import { assignReviewers, scoreSuggestion } from './review.js';
import { createRound, roundDetail, roundList } from './rounds.js';
import { ZAdopt, ZIdParams, ZNewRound, ZNewSuggestion, ZReject, ZReviewers, ZReward, ZScore } from './schema.js';

/** 金点子 / 建言献策: rounds, ideas, reviews, decisions and rewards. Each route: schema, access check, one service call. */
export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['suggestions'];
  const round = (id: number) => ({ kind: 'suggestion_round' as const, id });
  const idea = (id: number) => ({ kind: 'suggestion' as const, id });

  app.get('/suggestions/rounds', { schema: { tags } }, async (request) => {
    const { actor, scope } = requireRecordScope(request, 'suggestion.submit');
    return roundList(db, actor, scope, shanghaiDate());
  });
  app.post('/suggestions/rounds', { schema: { tags, body: ZNewRound } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.manage');
    return createRound(db, actor, auditActorOf(request), request.body, shanghaiDate());
  });
  // Every official of the office opens the round; the ideas listed are those he may read.
  app.get('/suggestions/rounds/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.submit', round(request.params.id));
    return roundDetail(db, actor, request.params.id, shanghaiDate());
  });
  app.get('/suggestions/rounds/:id/stats', { schema: { tags, params: ZIdParams } }, async (request) => {
    await requireAccess(request, 'suggestion.read', round(request.params.id));
    return roundStats(db, request.params.id);
  });
  app.get('/suggestions/rounds/:id/export', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const actor = await requireAccess(request, 'suggestion.read', round(request.params.id));
    const file = await roundXlsx(db, actor, request.params.id, shanghaiDate());
    return sendFile(reply, file.name, file.buffer);
  });

  app.get('/suggestions/choices', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'suggestion.manage');
    const all = await units.all(db);
    return {
      units: all.filter((u) => u.active && u.parentId !== null).map((u) => ({ id: u.id, name: u.name })),
      people: await users.activeOfficials(db),
    };
  });
  app.get('/suggestions/mine', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.submit');
    return mySuggestions(db, actor);
  });
  app.post('/suggestions', { schema: { tags, body: ZNewSuggestion } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.submit', round(request.body.roundId));
    return submitSuggestion(db, actor, auditActorOf(request), request.body, shanghaiDate());
  });
  // The office, the proposer's unit head, leaders of the office, the proposer and the reviewers (owners).
  app.get('/suggestions/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.read', idea(request.params.id));
    return suggestionDetail(db, actor, request.params.id);
  });
  app.put('/suggestions/:id/reviewers', { schema: { tags, params: ZIdParams, body: ZReviewers } }, async (request) => {
    await requireAccess(request, 'suggestion.manage', idea(request.params.id));
    return assignReviewers(db, auditActorOf(request), request.params.id, request.body.userIds);
  });
  // Only an assigned reviewer's sheet is taken (the service checks the assignment).
  app.put('/suggestions/:id/score', { schema: { tags, params: ZIdParams, body: ZScore } }, async (request) => {
    const actor = await requireAccess(request, 'suggestion.review', idea(request.params.id));
    return scoreSuggestion(db, actor, auditActorOf(request), request.params.id, request.body);
  });
  app.post('/suggestions/:id/adopt', { schema: { tags, params: ZIdParams, body: ZAdopt } }, async (request) => {
    await requireAccess(request, 'suggestion.manage', idea(request.params.id));
    return adoptSuggestion(db, auditActorOf(request), request.params.id, request.body, shanghaiDate());
  });
  app.post('/suggestions/:id/reject', { schema: { tags, params: ZIdParams, body: ZReject } }, async (request) => {
    await requireAccess(request, 'suggestion.manage', idea(request.params.id));
    return rejectSuggestion(db, auditActorOf(request), request.params.id, request.body.note);
  });
  app.put('/suggestions/:id/reward', { schema: { tags, params: ZIdParams, body: ZReward } }, async (request) => {
    await requireAccess(request, 'suggestion.manage', idea(request.params.id));
    return rewardSuggestion(db, auditActorOf(request), request.params.id, request.body.level);
  });

  await app.register(publicRoutes(suggestionsPublicRoutes));
};
