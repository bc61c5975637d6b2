import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitFilter } from '@leitai/core';
import { auditActorOf, authorize } from '../../http/guard.js';
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
      const actor = authorize(request, 'unit.read');
      const rows = await listUnits(db, unitFilter(actor, 'unit.read'));
      return { items: request.query.includeInactive ? rows : rows.filter((u) => u.active), kinds: UNIT_KINDS };
    },
  );

  app.get('/units/:id', { schema: { tags, params: ZId } }, async (request) =>
    getUnit(db, authorize(request, 'unit.read'), request.params.id),
  );

  app.post('/units', { schema: { tags, body: ZNewUnit } }, async (request) =>
    createUnit(db, authorize(request, 'unit.manage'), auditActorOf(request), request.body),
  );

  app.patch('/units/:id', { schema: { tags, params: ZId, body: ZUnitPatch } }, async (request) =>
    updateUnit(db, authorize(request, 'unit.manage'), auditActorOf(request), request.params.id, request.body),
  );

  app.get('/units/template', { schema: { tags } }, async (request, reply) => {
    authorize(request, 'unit.manage');
    return sendFile(reply, '单位导入模板.xlsx', await unitTemplate(db));
  });

  app.post('/units/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = authorize(request, 'unit.manage');
    const upload = await readUpload(request, 5 * 1024 * 1024);
    return importUnits(db, actor, auditActorOf(request), upload.buffer);
  });

  app.get('/units/export', { schema: { tags } }, async (request, reply) => {
    const actor = authorize(request, 'unit.read');
    const buffer = await exportUnits(db, unitFilter(actor, 'unit.read'));
    return sendFile(reply, '单位.xlsx', buffer);
  });

  app.get('/categories', { schema: { tags } }, async (request) => {
    authorize(request, 'unit.read');
    return { items: await listCategories(db) };
  });
  app.post('/categories', { schema: { tags, body: ZCategory } }, async (request) => {
    authorize(request, 'unit.manage');
    return createCategory(db, auditActorOf(request), request.body);
  });
  app.patch('/categories/:id', { schema: { tags, params: ZId, body: ZCategoryPatch } }, async (request) => {
    authorize(request, 'unit.manage');
    return updateCategory(db, auditActorOf(request), request.params.id, request.body);
  });
  app.delete('/categories/:id', { schema: { tags, params: ZId } }, async (request) => {
    authorize(request, 'unit.manage');
    await deleteCategory(db, auditActorOf(request), request.params.id);
    return { ok: true };
  });
};
