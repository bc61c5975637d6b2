import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess, requireScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { exportUnits, importUnits, unitTemplate } from './excel.js';
import { UNIT_KINDS } from './kinds.js';
import { listUnits } from './repository.js';
import { ZCategory, ZCategoryPatch, ZNewUnit, ZUnitPatch } from './schema.js';
import {
  createCategory,
  createUnit,
  deleteCategory,
  getUnit,
  listCategories,
  updateCategory,
  updateUnit,
} from './service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });

/**
 * 单位管理 and 考核类别. Reading is scoped (a unit head sees its subtree); managing is for the
 * system admin and the organiser. Moving is a PATCH of parentId; deactivating a PATCH of active.
 */
export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['units'];

  app.get(
    '/units',
    { schema: { tags, querystring: z.object({ includeInactive: z.stringbool().default(false) }) } },
    async (request) => {
      const { scope } = requireScope(request, 'unit.read');
      const rows = await listUnits(db, scope);
      return { items: request.query.includeInactive ? rows : rows.filter((u) => u.active), kinds: UNIT_KINDS };
    },
  );

  app.get('/units/:id', { schema: { tags, params: ZId } }, async (request) => {
    await requireAccess(request, 'unit.read', { kind: 'unit', id: request.params.id });
    return getUnit(db, request.params.id);
  });

  // Creating is managing the parent; a top-level unit needs the whole district (the service says so).
  app.post('/units', { schema: { tags, body: ZNewUnit } }, async (request) => {
    const { parentId } = request.body;
    const actor = await requireAccess(
      request,
      'unit.manage',
      parentId === null ? undefined : { kind: 'unit', id: parentId },
    );
    return createUnit(db, actor, auditActorOf(request), request.body);
  });

  app.patch('/units/:id', { schema: { tags, params: ZId, body: ZUnitPatch } }, async (request) => {
    const actor = await requireAccess(request, 'unit.manage', { kind: 'unit', id: request.params.id });
    return updateUnit(db, actor, auditActorOf(request), request.params.id, request.body);
  });

  app.get('/units/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'unit.manage');
    return sendFile(reply, '单位导入模板.xlsx', await unitTemplate(db));
  });

  app.post('/units/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = await requireAccess(request, 'unit.manage');
    const upload = await readUpload(request, 5 * 1024 * 1024);
    return importUnits(db, actor, auditActorOf(request), upload.buffer);
  });

  app.get('/units/export', { schema: { tags } }, async (request, reply) => {
    const { scope } = requireScope(request, 'unit.read');
    const buffer = await exportUnits(db, scope);
    return sendFile(reply, '单位.xlsx', buffer);
  });

  app.get('/categories', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'unit.read');
    return { items: await listCategories(db) };
  });
  app.post('/categories', { schema: { tags, body: ZCategory } }, async (request) => {
    await requireAccess(request, 'unit.manage');
    return createCategory(db, auditActorOf(request), request.body);
  });
  app.patch('/categories/:id', { schema: { tags, params: ZId, body: ZCategoryPatch } }, async (request) => {
    await requireAccess(request, 'unit.manage');
    return updateCategory(db, auditActorOf(request), request.params.id, request.body);
  });
  app.delete('/categories/:id', { schema: { tags, params: ZId } }, async (request) => {
    await requireAccess(request, 'unit.manage');
    await deleteCategory(db, auditActorOf(request), request.params.id);
    return { ok: true };
  });
};
