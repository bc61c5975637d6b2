import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNELS } from '@leitai/core';
import { requireUser } from '../../http/access.js';
import { listNotifications, markRead } from './service.js';

const ZNotification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  read: z.boolean(),
  receipts: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      state: z.enum(['pending', 'sent', 'failed']),
      at: z.date().nullable(),
      digest: z.boolean(),
    }),
  ),
});

/** Each user's own notifications: nobody reads or marks another's. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(ZNotification), unread: z.number() }) },
      },
    },
    async (request) => {
      const { actor } = requireUser(request);
      return listNotifications(app.ctx.db, actor.userId, {
        limit: request.query.limit,
        ...(request.query.before ? { before: request.query.before } : {}),
      });
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (request) => {
      const { actor } = requireUser(request);
      return { marked: await markRead(app.ctx.db, actor.userId, request.body.ids) };
    },
  );
};
