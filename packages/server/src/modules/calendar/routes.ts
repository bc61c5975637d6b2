import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireUser } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { calendarData, saveCalendar, ZCalendarData } from './service.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/calendar', { schema: { tags: ['calendar'] } }, async (request) => {
    requireUser(request);
    return calendarData(app.ctx.db);
  });
  app.put('/calendar', { schema: { tags: ['calendar'], body: ZCalendarData } }, async (request) => {
    await requireAccess(request, 'calendar.manage');
    return saveCalendar(app.ctx.db, auditActorOf(request), request.body);
  });
};
