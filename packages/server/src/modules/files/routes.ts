import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { readFile, storeUpload } from './service.js';

export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/files', { schema: { tags: ['files'], consumes: ['multipart/form-data'] } }, async (request) => {
    const actor = await requireAccess(request, 'file.upload');
    return storeUpload(app.ctx.db, actor, auditActorOf(request), await readUpload(request));
  });

  app.get(
    '/files/:id',
    { schema: { tags: ['files'], params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      await requireAccess(request, 'file.read', { kind: 'file', id: request.params.id });
      const file = await readFile(app.ctx.db, request.params.id);
      return sendFile(reply, file.name, file.content);
    },
  );
};
