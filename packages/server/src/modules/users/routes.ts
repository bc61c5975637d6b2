import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess, requireScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { exportUsers, importUsers, userTemplate } from './excel.js';
import { ZNewUser, ZUserPatch, ZUserQuery } from './schema.js';
import { createUser, getUser, listUsers, resetPassword, updateUser, userMeta } from './service.js';
import { decideAdminRequest, listAdminRequests } from './requests.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });

/** A change that waits for a second person is answered 202 Accepted, not done. */
function accepted<T extends object>(reply: FastifyReply, result: T): T {
  if ('pending' in result) void reply.code(202);
  return result;
}

/**
 * 用户管理. Reading is for the system admin, security admin and organiser; managing for the system admin
 * and organiser, each handing out only the roles core's assignableRoles allows (三员分立). Disabling and
 * enabling are a PATCH of `active`. Password hashes never leave the server, not even into the audit log.
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/users/meta', { schema: { tags: ['users'] } }, async (request) =>
    userMeta(await requireAccess(request, 'user.read')),
  );
  app.get('/users/:id', { schema: { tags: ['users'], params: ZId } }, async (request) => {
    await requireAccess(request, 'user.read', { kind: 'user', id: request.params.id });
    return getUser(db, request.params.id);
  });

  app.get('/users', { schema: { tags: ['users'], querystring: ZUserQuery } }, async (request) =>
    listUsers(db, requireScope(request, 'user.read').scope, request.query),
  );
  // The new account's unit is in the body: the service checks it with the same rule (checkAccess).
  app.post('/users', { schema: { tags: ['users'], body: ZNewUser } }, async (request, reply) => {
    const actor = await requireAccess(request, 'user.manage');
    return accepted(reply, await createUser(db, actor, auditActorOf(request), request.body));
  });
  app.patch('/users/:id', { schema: { tags: ['users'], params: ZId, body: ZUserPatch } }, async (request, reply) => {
    const actor = await requireAccess(request, 'user.manage', { kind: 'user', id: request.params.id });
    return accepted(reply, await updateUser(db, actor, auditActorOf(request), request.params.id, request.body));
  });
  app.post('/users/:id/reset-password', { schema: { tags: ['users'], params: ZId } }, async (request, reply) => {
    const actor = await requireAccess(request, 'user.manage', { kind: 'user', id: request.params.id });
    return accepted(reply, await resetPassword(db, actor, auditActorOf(request), request.params.id));
  });
  // 三员分立: changes to admin accounts wait here for the security admin.
  app.get('/users/admin-requests', { schema: { tags: ['users'] } }, async (request) => {
    await requireAccess(request, 'admin.approve');
    return { items: await listAdminRequests(db) };
  });
  app.post(
    '/users/admin-requests/:id/decide',
    {
      schema: {
        tags: ['users'],
        params: ZId,
        body: z.object({ approve: z.boolean(), reason: z.string().trim().max(500).default('') }),
      },
    },
    async (request) => {
      const actor = await requireAccess(request, 'admin.approve');
      return decideAdminRequest(db, actor.userId, auditActorOf(request), request.params.id, request.body);
    },
  );
  app.get('/users/template', { schema: { tags: ['users'] } }, async (request, reply) => {
    await requireAccess(request, 'user.manage');
    return sendFile(reply, '用户导入模板.xlsx', await userTemplate());
  });
  app.post('/users/import', { schema: { tags: ['users'], consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = await requireAccess(request, 'user.manage');
    return importUsers(db, actor, auditActorOf(request), (await readUpload(request, 5 * 1024 * 1024)).buffer);
  });
  app.get('/users/export', { schema: { tags: ['users'] } }, async (request, reply) => {
    const { scope } = requireScope(request, 'user.read');
    return sendFile(reply, '用户.xlsx', await exportUsers(db, scope));
  });
};
