import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { defaultEvaluationScheme } from '@leitai/core';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { publicRoutes } from '../../http/public/index.js';
import { sendFile } from '../../http/upload.js';
import { localDate } from '../../jobs/clock.js';
import { decideAdjustment, stepAdjustment, proposeAdjustment } from './adjustments.js';
import { evaluationBulletin } from './bulletin.js';
import { createInvites, invitesSheet, reviewProgress } from './review.js';
import { reviewPublicRoutes } from './review-routes.js';
import { evaluationWorkbook } from './excel.js';
import { evaluatedUnits } from './inputs.js';
import { evaluationDetail, listEvaluations, rankHistory, unitExplanation } from './reads.js';
import {
  ZAdjustment,
  ZAdjustmentDecision,
  ZAdjustmentStep,
  ZAppeal,
  ZDecision,
  ZInvites,
  ZIdParams,
  ZNewEvaluation,
  ZPreview,
  ZUnitParams,
} from './schema.js';
import {
  approveAppeal,
  closeEvaluation,
  createEvaluation,
  decideAppeal,
  fileAppeal,
  finaliseEvaluation,
  previewScheme,
  publishForComment,
  reopenEvaluation,
  saveScheme,
  verifyEvaluation,
} from './service.js';
import { ZScheme } from './schema.js';
import * as documents from '../documents/index.js';

/** The site's own address, for the invitation links (behind a proxy, as TRUST_PROXY lets the request tell it). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** 综合考核: schemes, close, 公示 and appeals, versions, the explanation and the documents. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['evaluation'];
  await app.register(publicRoutes(reviewPublicRoutes));

  app.get('/evaluations', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.read');
    return { evaluations: await listEvaluations(db, actor) };
  });
  app.get('/evaluations/default-scheme', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'evaluation.manage');
    const { categories } = await evaluatedUnits(db);
    return { scheme: defaultEvaluationScheme(categories.map((c) => c.id)), categories };
  });
  app.post('/evaluations', { schema: { tags, body: ZNewEvaluation } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage');
    const { categories } = await evaluatedUnits(db);
    const scheme = request.body.scheme ?? defaultEvaluationScheme(categories.map((c) => c.id));
    const e = await createEvaluation(db, actor, auditActorOf(request), { ...request.body, scheme });
    return { id: e.id };
  });
  app.get('/evaluations/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.read', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return evaluationDetail(db, actor, request.params.id, localDate());
  });
  app.put('/evaluations/:id/scheme', { schema: { tags, params: ZIdParams, body: ZScheme } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return saveScheme(db, actor, auditActorOf(request), request.params.id, request.body);
  });
  app.post('/evaluations/:id/preview', { schema: { tags, params: ZIdParams, body: ZPreview } }, async (request) => {
    await requireAccess(request, 'evaluation.manage', { kind: 'evaluation' as const, id: request.params.id });
    const { inputs, lines } = await previewScheme(db, request.params.id, request.body.scheme, localDate());
    const names = new Map(inputs.units.map((u) => [u.id, u.name]));
    return {
      categories: lines.map((c) => ({
        categoryId: c.categoryId,
        categoryName: inputs.categories.find((x) => x.id === c.categoryId)?.name ?? c.categoryId,
        rows: c.units.map((u) => ({
          unitId: Number(u.unitId),
          unitName: names.get(u.unitId) ?? u.unitId,
          totalShown: u.totalShown,
          rank: u.rank,
          grade: u.grade,
          components: u.components.map((x) => ({ componentId: x.componentId, scoreShown: x.scoreShown })),
        })),
      })),
    };
  });
  app.post('/evaluations/:id/close', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return closeEvaluation(db, actor, auditActorOf(request), request.params.id, localDate());
  });
  app.post('/evaluations/:id/reopen', { schema: { tags, params: ZIdParams } }, async (request) => {
    await requireAccess(request, 'evaluation.manage', { kind: 'evaluation' as const, id: request.params.id });
    await reopenEvaluation(db, auditActorOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/evaluations/:id/verify', { schema: { tags, params: ZIdParams } }, async (request) => {
    await requireAccess(request, 'evaluation.manage', { kind: 'evaluation' as const, id: request.params.id });
    return verifyEvaluation(db, request.params.id, localDate());
  });
  app.post('/evaluations/:id/publish', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return publishForComment(db, actor, auditActorOf(request), request.params.id, localDate());
  });
  app.post('/evaluations/:id/finalise', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return finaliseEvaluation(db, actor, auditActorOf(request), request.params.id, localDate());
  });
  app.get('/evaluations/:id/units/:unitId', { schema: { tags, params: ZUnitParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.read', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    return unitExplanation(db, actor, request.params.id, request.params.unitId);
  });
  app.get('/evaluations/history/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.read');
    return { points: await rankHistory(db, actor, request.params.id) };
  });
  app.get('/evaluations/:id/export.xlsx', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const actor = await requireAccess(request, 'evaluation.read', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    const d = await evaluationDetail(db, actor, request.params.id, localDate());
    return sendFile(reply, `${d.evaluation.name}.xlsx`, await evaluationWorkbook(d));
  });

  app.post(
    '/evaluations/:id/review/invites',
    { schema: { tags, params: ZIdParams, body: ZInvites } },
    async (request, reply) => {
      await requireAccess(request, 'evaluation.manage', { kind: 'evaluation' as const, id: request.params.id });
      const { groupId, count } = request.body;
      const issued = await createInvites(db, auditActorOf(request), request.params.id, groupId, count);
      return sendFile(reply, `评议邀请码-${issued.group}.xlsx`, await invitesSheet(issued, originOf(request)));
    },
  );
  app.get('/evaluations/:id/review/progress', { schema: { tags, params: ZIdParams } }, async (request) => {
    await requireAccess(request, 'evaluation.manage', { kind: 'evaluation' as const, id: request.params.id });
    return reviewProgress(db, request.params.id);
  });

  app.get('/evaluations/:id/bulletin.docx', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const actor = await requireAccess(request, 'evaluation.read', {
      kind: 'evaluation' as const,
      id: request.params.id,
    });
    const today = localDate();
    const d = await evaluationDetail(db, actor, request.params.id, today);
    return sendFile(
      reply,
      `${d.evaluation.name}结果通报.docx`,
      await evaluationBulletin(
        d,
        await documents.letterhead(db, actor, { kind: 'evaluation', subject: String(request.params.id), today }),
      ),
    );
  });

  app.post('/evaluations/:id/appeals', { schema: { tags, params: ZIdParams, body: ZAppeal } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.appeal', { unitId: request.body.unitId });
    const a = await fileAppeal(db, actor, auditActorOf(request), request.params.id, request.body, localDate());
    return { id: a.id };
  });
  app.post(
    '/evaluations/:id/adjustments',
    { schema: { tags, params: ZIdParams, body: ZAdjustment } },
    async (request) => {
      const actor = await requireAccess(request, 'evaluation.adjust', { unitId: request.body.unitId });
      const a = await proposeAdjustment(db, actor, auditActorOf(request), request.params.id, request.body);
      return { id: a.id };
    },
  );
  app.post(
    '/evaluation-adjustments/:id/decide',
    { schema: { tags, params: ZIdParams, body: ZAdjustmentDecision } },
    async (request) => {
      const actor = await requireAccess(request, 'evaluation.manage', {
        kind: 'evaluation_adjustment' as const,
        id: request.params.id,
      });
      await decideAdjustment(db, actor, auditActorOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.post(
    '/evaluation-adjustments/:id/step',
    { schema: { tags, params: ZIdParams, body: ZAdjustmentStep } },
    async (request) => {
      const actor = await requireAccess(request, 'evaluation.manage', {
        kind: 'evaluation_adjustment' as const,
        id: request.params.id,
      });
      const row = await stepAdjustment(db, actor, auditActorOf(request), request.params.id, request.body);
      return { state: row.state };
    },
  );
  app.post(
    '/evaluation-appeals/:id/decide',
    { schema: { tags, params: ZIdParams, body: ZDecision } },
    async (request) => {
      const actor = await requireAccess(request, 'evaluation.manage', {
        kind: 'evaluation_appeal' as const,
        id: request.params.id,
      });
      await decideAppeal(db, actor, auditActorOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.post('/evaluation-appeals/:id/approve', { schema: { tags, params: ZIdParams } }, async (request) => {
    const actor = await requireAccess(request, 'evaluation.manage', {
      kind: 'evaluation_appeal' as const,
      id: request.params.id,
    });
    await approveAppeal(db, actor, auditActorOf(request), request.params.id);
    return { ok: true };
  });
};
