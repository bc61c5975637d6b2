import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { lockedAccounts, unlockAccount } from '../auth/service.js';
import { securityPolicy, updateSecurityPolicy, ZSecurityPolicy } from './policy.js';

/** The security admin's work (安全管理员): the policy and unlocking accounts. Nobody else's. */
export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/security/policy', { schema: { tags: ['security'] } }, async (request) => {
    await requireAccess(request, 'security.manage');
    return securityPolicy(app.ctx.db);
  });
  app.put('/security/policy', { schema: { tags: ['security'], body: ZSecurityPolicy } }, async (request) => {
    await requireAccess(request, 'security.manage');
    return updateSecurityPolicy(app.ctx.db, auditActorOf(request), request.body);
  });
  app.get('/security/locks', { schema: { tags: ['security'] } }, async (request) => {
    await requireAccess(request, 'account.unlock');
    return { items: await lockedAccounts(app.ctx.db) };
  });
  app.post(
    '/security/unlock',
    { schema: { tags: ['security'], body: z.object({ username: z.string().trim().min(1).max(64) }) } },
    async (request) => {
      await requireAccess(request, 'account.unlock');
      await unlockAccount(app.ctx.db, auditActorOf(request), request.body.username);
      return { ok: true };
    },
  );
};
