import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportSheet } from '../../excel/index.js';
import { AppError } from '../../errors.js';
import { requireAccess } from '../../http/access.js';
import { auditActorOf } from '../../http/guard.js';
import { recordAudit } from './service.js';
import { sendFile } from '../../http/upload.js';
import { auditActions, searchAudit, ZAuditQuery, type AuditRow } from './queries.js';
import { verifyAuditChain } from './verify.js';

/** An export is one sheet; beyond this the auditor narrows the time range. */
const EXPORT_LIMIT = 50_000;

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

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
    return { ...(await searchAudit(db, request.query)), retention };
  });

  app.get('/audit/actions', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'audit.read');
    return { items: await auditActions(db), retention };
  });

  app.get(
    '/audit/export',
    { schema: { tags, querystring: ZAuditQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      await requireAccess(request, 'audit.read');
      const { items, total } = await searchAudit(db, { ...request.query, page: 1, pageSize: EXPORT_LIMIT });
      if (total > EXPORT_LIMIT)
        throw new AppError(
          'VALIDATION_FAILED',
          `符合条件的记录有 ${total} 条，超过单次导出上限 ${EXPORT_LIMIT} 条，请缩小时间范围`,
        );
      const buffer = await exportSheet<AuditRow>(
        '审计日志',
        [
          { header: '序号', width: 8, value: (r) => r.seq },
          { header: '时间', width: 20, value: (r) => r.at },
          { header: '操作人', width: 20, value: (r) => r.actorName },
          { header: '操作', width: 22, value: (r) => r.action },
          { header: '对象类型', width: 10, value: (r) => r.targetType },
          { header: '对象', width: 12, value: (r) => r.targetId },
          { header: '单位', width: 20, value: (r) => r.unitName },
          { header: '地址', width: 16, value: (r) => r.address },
          { header: '变更前', width: 40, value: (r) => json(r.before) },
          { header: '变更后', width: 40, value: (r) => json(r.after) },
          { header: '哈希', width: 20, value: (r) => r.hash },
        ],
        items,
      );
      // The auditor's own reads that leave the system are themselves on the record.
      await db.transaction((tx) =>
        recordAudit(tx, auditActorOf(request), {
          action: 'audit.export',
          targetType: 'audit',
          after: { filter: request.query, rows: items.length },
        }),
      );
      return sendFile(reply, '审计日志.xlsx', buffer);
    },
  );

  app.get('/audit/verify', { schema: { tags } }, async (request) => {
    await requireAccess(request, 'audit.read');
    const result = await verifyAuditChain(db);
    await db.transaction((tx) =>
      recordAudit(tx, auditActorOf(request), { action: 'audit.verify', targetType: 'audit', after: result }),
    );
    return result;
  });
};
