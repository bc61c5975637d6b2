import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { permissionsOf } from '@leitai/core';
import { units } from '../../db/schema/index.js';
import { requireUser } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { recordAudit } from '../audit/service.js';
import { changePassword, login } from './service.js';
import { closeSession, SESSION_COOKIE } from './sessions.js';

const ZLogin = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  challenge: z.object({ token: z.string().max(200), answer: z.number().int() }).optional(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.env === 'production' } as const;

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: ZLogin },
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const session = await login(app.ctx.db, config.secret, request.body, {
        address: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.id, cookieOptions);
      return { csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const user = request.user;
    if (user) {
      await app.ctx.db.transaction(async (tx) => {
        await closeSession(tx, user.sessionIdHash);
        await recordAudit(tx, auditActorOf(request), {
          action: 'auth.logout',
          targetType: 'user',
          targetId: user.actor.userId,
          unitId: user.actor.unitId,
        });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    const user = requireUser(request);
    const [unit] = await app.ctx.db.select({ name: units.name }).from(units).where(eq(units.id, user.actor.unitId));
    return {
      user: {
        id: user.actor.userId,
        username: user.username,
        displayName: user.displayName,
        unitId: user.actor.unitId,
        unitName: unit?.name ?? '',
        roles: user.actor.roles,
        mustChangePassword: user.mustChangePassword,
      },
      permissions: permissionsOf(user.actor),
      csrfToken: user.csrfToken,
    };
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          currentPassword: z.string().min(1, '请输入当前密码'),
          newPassword: z.string().min(1, '请输入新密码').max(256),
        }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      await changePassword(
        app.ctx.db,
        { ...auditActorOf(request), id: user.actor.userId },
        user.sessionIdHash,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true };
    },
  );
};
