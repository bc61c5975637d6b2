import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireRecordScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { benchmarkBoard, benchmarkTemplate, chooseModel, importBenchmarks } from './service.js';

/** 对标: the office imports its peers' figures; leaders and units' heads read the gaps. Schema, access, one call. */
export const benchmarkRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['benchmarks'];
  app.get(
    '/benchmarks',
    { schema: { tags, querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }) } },
    async (request) => {
      const { actor, scope } = requireRecordScope(request, 'benchmark.read');
      return benchmarkBoard(db, actor, scope, request.query.unitId ?? null);
    },
  );
  app.put(
    '/benchmarks/model',
    {
      schema: {
        tags,
        body: z.object({
          unitId: z.number().int().positive().nullable(),
          subject: z.string().trim().min(1, '请选择学赶对象').max(100, '对象名称过长'),
        }),
      },
    },
    async (request) => {
      const actor = await requireAccess(request, 'benchmark.manage');
      return chooseModel(db, actor, auditActorOf(request), request.body);
    },
  );
  app.get('/benchmarks/template', { schema: { tags } }, async (request, reply) => {
    await requireAccess(request, 'benchmark.manage');
    return sendFile(reply, '对标数据导入模板.xlsx', await benchmarkTemplate());
  });
  app.post('/benchmarks/import', { schema: { tags } }, async (request) => {
    const actor = await requireAccess(request, 'benchmark.manage');
    const upload = await readUpload(request, 10 * 1024 * 1024);
    return importBenchmarks(db, actor, auditActorOf(request), upload.buffer);
  });
};
