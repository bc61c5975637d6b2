import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { ZAnswer, ZIdParams } from './schema.js';
import { answerInstruction } from './service.js';

/** 批示's answer (回复): the unit's own. Urging and instructing are on their subject's routes (ledger, dispatch). */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  app.post(
    '/instructions/:id/answer',
    { schema: { tags: ['supervision'], params: ZIdParams, body: ZAnswer } },
    async (request) => {
      const { id } = request.params;
      const actor = await requireAccess(request, 'supervision.answer', { kind: 'instruction', id });
      const row = await answerInstruction(db, actor, auditActorOf(request), id, request.body.text);
      return { id: row.id, answeredAt: row.answeredAt };
    },
  );
};
