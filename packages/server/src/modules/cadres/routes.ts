import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { cadreTemplate, exportCadres, importCadres } from './excel.js';
import { ZCadreId, ZCadrePatch, ZCadreQuery, ZExemption, ZNewCadre } from './schema.js';
import { recordExemption } from './exemptions.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { createCadre, listCadres, updateCadre } from './service.js';

/**
 * 干部名册: kept by the organisation department for its office's subtree; organisers read it to name presenters
 * and person contestants. The record (干部实绩档案) is the records module's.
 */
export const cadresRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['cadres'];

  app.get('/cadres', { schema: { tags, querystring: ZCadreQuery } }, async (request) => {
    const { actor, scope } = requireScope(request, 'cadre.read');
    return { items: await listCadres(db, actor, scope, request.query) };
  });

  app.post('/cadres', { schema: { tags, body: ZNewCadre } }, async (request, reply) => {
    const actor = await requireAccess(request, 'cadre.manage', { unitId: request.body.unitId });
    return reply.status(201).send(await createCadre(db, actor, auditActorOf(request), request.body));
  });

  app.patch('/cadres/:id', { schema: { tags, params: ZCadreId, body: ZCadrePatch } }, async (request) => {
    const actor = await requireAccess(request, 'cadre.manage', { kind: 'cadre', id: request.params.id });
    return updateCadre(db, actor, auditActorOf(request), request.params.id, request.body);
  });

  // 容错免责: recorded by the department that keeps the cadre; it shows in the record (records module).
  app.post(
    '/cadres/:id/exemptions',
    { schema: { tags, params: ZCadreId, body: ZExemption } },
    async (request, reply) => {
      await requireAccess(request, 'cadre.manage', { kind: 'cadre', id: request.params.id });
      const row = await recordExemption(db, auditActorOf(request), request.params.id, request.body, shanghaiDate());
      return reply.status(201).send(row);
    },
  );

  app.get('/cadres/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'cadre.manage');
    return sendFile(reply, '干部导入模板.xlsx', await cadreTemplate());
  });

  app.post('/cadres/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = await requireAccess(request, 'cadre.manage');
    const upload = await readUpload(request, 5 * 1024 * 1024);
    return importCadres(db, actor, auditActorOf(request), upload.buffer);
  });

  app.get('/cadres/export', { schema: { tags, querystring: ZCadreQuery } }, async (request, reply) => {
    const { actor, scope } = requireScope(request, 'cadre.read');
    return sendFile(reply, '干部名册.xlsx', await exportCadres(db, await listCadres(db, actor, scope, request.query)));
  });
};
