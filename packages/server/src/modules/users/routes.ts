import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignableRoles, can, unitFilter } from '@leitai/core';
import { units } from '../../db/schema/index.js';
import { auditActorOf, authorize } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { unitScopeSql } from '../units/scope.js';
import { exportUsers, importUsers, userTemplate } from './excel.js';
import { findUser, searchUsers } from './repository.js';
import { ZNewUser, ZUserPatch, ZUserQuery } from './schema.js';
import { createUser, resetPassword, updateUser } from './service.js';
import { notFound } from '../../errors.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });

/**
 * 用户管理. Reading is for the system admin, security admin and organiser; managing for the system admin
 * and organiser, each handing out only the roles core's assignableRoles allows (三员分立). Disabling and
 * enabling are a PATCH of `active`. Password hashes never leave the server, not even into the audit log.
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/users/meta', { schema: { tags: ['users'] } }, async (request) => {
    const actor = authorize(request, 'user.read');
    return {
      assignableRoles: assignableRoles(actor.roles),
      canManage: can(actor, 'user.manage', actor.unitPath),
      self: actor.userId,
    };
  });
  app.get('/users/:id', { schema: { tags: ['users'], params: ZId } }, async (request) => {
    const actor = authorize(request, 'user.read');
    const user = await findUser(db, request.params.id);
    if (!user || !can(actor, 'user.read', user.unitPath)) throw notFound('用户');
    const { unitPath: _p, ...view } = user;
    return view;
  });

  app.get('/users', { schema: { tags: ['users'], querystring: ZUserQuery } }, async (request) => {
    const actor = authorize(request, 'user.read');
    const { items, total } = await searchUsers(
      db,
      request.query,
      unitScopeSql(unitFilter(actor, 'user.read'), units.path),
    );
    return { items: items.map(({ unitPath: _p, ...u }) => u), total };
  });
  app.post('/users', { schema: { tags: ['users'], body: ZNewUser } }, async (request) => {
    const actor = authorize(request, 'user.manage');
    return createUser(db, actor, auditActorOf(request), request.body);
  });
  app.patch('/users/:id', { schema: { tags: ['users'], params: ZId, body: ZUserPatch } }, async (request) => {
    const actor = authorize(request, 'user.manage');
    return updateUser(db, actor, auditActorOf(request), request.params.id, request.body);
  });
  app.post('/users/:id/reset-password', { schema: { tags: ['users'], params: ZId } }, async (request) => {
    const actor = authorize(request, 'user.manage');
    return resetPassword(db, actor, auditActorOf(request), request.params.id);
  });
  app.get('/users/template', { schema: { tags: ['users'] } }, async (request, reply) => {
    authorize(request, 'user.manage');
    return sendFile(reply, '用户导入模板.xlsx', await userTemplate());
  });
  app.post('/users/import', { schema: { tags: ['users'], consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = authorize(request, 'user.manage');
    return importUsers(db, actor, auditActorOf(request), (await readUpload(request, 5 * 1024 * 1024)).buffer);
  });
  app.get('/users/export', { schema: { tags: ['users'] } }, async (request, reply) => {
    const actor = authorize(request, 'user.read');
    return sendFile(
      reply,
      '用户.xlsx',
      await exportUsers(db, unitScopeSql(unitFilter(actor, 'user.read'), units.path)),
    );
  });
};
