import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess, requireRecordScope } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { readUpload, sendFile } from '../../http/upload.js';
import { benchmarkBoard, benchmarkTemplate, importBenchmarks } from './service.js';

/** 对标: the office imports its peers' figures; leaders and units' heads read the gaps. Schema, access, one call. */
export const benchmarkRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['benchmarks'];
  app.get('/benchmarks', { schema: { tags } }, async (request) => {
    const { scope } = requireRecordScope(request, 'benchmark.read');
    return benchmarkBoard(db, scope);
  });
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
