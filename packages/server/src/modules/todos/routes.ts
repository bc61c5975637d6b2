import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/access.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { todosOf } from './todos.js';

/** 工作台's to-dos: every signed-in person has some or none; each module scopes its own by role and unit. */
export const todosRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  app.get('/todos', { schema: { tags: ['todos'] } }, async (request) =>
    todosOf(db, requireUser(request).actor, shanghaiDate()),
  );
};
