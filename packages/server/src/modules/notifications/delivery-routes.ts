import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNELS } from '@leitai/core';
import { requireAccess, requireUser } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { clockNow } from '../../jobs/clock.js';
import { ZDeliverySettings, ZIdParam, ZPrefs, ZRobotCreate, ZRobotPatch } from './delivery-schema.js';
import { ZQuietRules } from './delivery-settings.js';
import {
  createRobot,
  deliverySettings,
  listDeadLetters,
  listRobots,
  myPrefs,
  patchRobot,
  removeRobot,
  retryDeadLetter,
  robotUnit,
  saveDeliverySettings,
  saveMyPrefs,
} from './delivery-service.js';

const ZRobot = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: z.enum(['wecom', 'dingtalk']),
  name: z.string(),
  /** Masked: where it points, never the key. */
  webhook: z.string(),
  hasSecret: z.boolean(),
  keywords: z.array(z.string()),
  enabled: z.boolean(),
});

const ZPrefsView = z.object({
  phone: z.string().nullable(),
  smsOn: z.boolean(),
  email: z.string().nullable(),
  emailOn: z.boolean(),
  available: z.object({ sms: z.boolean(), email: z.boolean() }),
});

const ZDeadLetter = z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  channelName: z.string(),
  to: z.string(),
  title: z.string(),
  attempts: z.number(),
  error: z.string(),
  createdAt: z.date(),
  actions: z.array(z.enum(['retry'])),
});

const tags = ['delivery'];

/**
 * Notices outside the app (docs/notifications.md): the office keeps the units' group robots, the quiet
 * hours and the dead letters; everyone keeps their own SMS and email channels.
 */
export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get(
    '/delivery/settings',
    { schema: { tags, response: { 200: z.object({ quiet: ZQuietRules }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage');
      return deliverySettings(db);
    },
  );
  app.put(
    '/delivery/settings',
    { schema: { tags, body: ZDeliverySettings, response: { 200: z.object({ quiet: ZQuietRules }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage');
      return saveDeliverySettings(db, auditActorOf(request), request.body);
    },
  );

  app.get(
    '/delivery/robots',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZRobot) }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage');
      return { items: await listRobots(db) };
    },
  );
  app.post(
    '/delivery/robots',
    { schema: { tags, body: ZRobotCreate, response: { 201: ZRobot } } },
    async (request, reply) => {
      await requireAccess(request, 'delivery.manage', { unitId: request.body.unitId });
      return reply.status(201).send(await createRobot(db, auditActorOf(request), request.body));
    },
  );
  app.patch(
    '/delivery/robots/:id',
    { schema: { tags, params: ZIdParam, body: ZRobotPatch, response: { 200: ZRobot } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage', { unitId: await robotUnit(db, request.params.id) });
      return patchRobot(db, auditActorOf(request), request.params.id, request.body);
    },
  );
  app.delete(
    '/delivery/robots/:id',
    { schema: { tags, params: ZIdParam, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage', { unitId: await robotUnit(db, request.params.id) });
      await removeRobot(db, auditActorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/delivery/dead-letters',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZDeadLetter) }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage');
      return { items: await listDeadLetters(db) };
    },
  );
  app.post(
    '/delivery/dead-letters/:id/retry',
    { schema: { tags, params: ZIdParam, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await requireAccess(request, 'delivery.manage');
      await retryDeadLetter(db, auditActorOf(request), request.params.id, clockNow());
      app.ctx.delivery.kick();
      return { ok: true as const };
    },
  );

  app.get('/notifications/channels', { schema: { tags, response: { 200: ZPrefsView } } }, async (request) => {
    const { actor } = requireUser(request);
    return myPrefs(db, actor.userId, app.ctx.channels);
  });
  app.put(
    '/notifications/channels',
    { schema: { tags, body: ZPrefs, response: { 200: ZPrefsView } } },
    async (request) => {
      const { actor } = requireUser(request);
      return saveMyPrefs(db, auditActorOf(request), actor.userId, request.body, app.ctx.channels);
    },
  );
};
