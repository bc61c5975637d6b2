import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { sendFile } from '../../http/upload.js';
import { auditActionList, auditPage, exportAudit, verifyAudit } from './reads.js';
import { ZAuditQuery } from './schema.js';
/**
 * 审计日志, for the audit admin only (audit.read): read, filter, export, verify the chain. Nothing here
 * writes: the log is append-only, and the application never deletes entries — a database trigger
 * refuses UPDATE and DELETE; entries are kept at least `retentionDays` (AUDIT_RETENTION_DAYS, ≥ 184).
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx;
  const tags = ['audit'];
  const retention = {
    retentionDays: config.auditRetentionDays,
    appDeletes: false,
    note:
      '审计日志只追加，应用不删除、不修改任何记录（数据库触发器禁止），至少保存 ' + config.auditRetentionDays + ' 天',
  };

  app.get('/audit', { schema: { tags, querystring: ZAuditQuery } }, async (request) => {
    await requireAccess(request, 'audit.read');
    return { ...(await auditPage(db, request.query)), retention };
  });

  app.get('/audit/actions', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'audit.read');
    return { items: await auditActionList(db), retention };
  });

  app.get(
    '/audit/export',
    { schema: { tags, querystring: ZAuditQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      await requireAccess(request, 'audit.read');
      return sendFile(reply, '审计日志.xlsx', await exportAudit(db, auditActorOf(request), request.query));
    },
  );

  app.get('/audit/verify', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'audit.read');
    return verifyAudit(db, auditActorOf(request));
  });
};
