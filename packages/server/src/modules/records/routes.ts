import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess, requireUser } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { sendFile } from '../../http/upload.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { mine, readRecord, recordDocument } from './service.js';

const params = z.object({ id: z.coerce.number().int().positive() });

/**
 * 干部实绩档案: the organisation department of the cadre's subtree and the person themself (the target's
 * owner) open it; to everyone else it does not exist (404). Every opening is audited.
 */
export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['cadres'];

  app.get('/cadres/mine', { schema: { tags } }, async (request) => mine(db, requireUser(request).actor.userId));

  app.get('/cadres/:id/record', { schema: { tags, params } }, async (request) => {
    const actor = await requireAccess(request, 'cadre.record', { kind: 'cadre_record', id: request.params.id });
    return readRecord(db, actor, auditActorOf(request), request.params.id, shanghaiDate());
  });

  app.get('/cadres/:id/record.docx', { schema: { tags, params } }, async (request, reply) => {
    const actor = await requireAccess(request, 'cadre.record', { kind: 'cadre_record', id: request.params.id });
    const doc = await recordDocument(db, actor, auditActorOf(request), request.params.id, shanghaiDate());
    return sendFile(reply, doc.name, doc.body);
  });
};
