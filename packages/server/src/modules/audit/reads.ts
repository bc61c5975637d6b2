import type { Db } from '../../db/client.js';
import { exportSheet } from '../../excel/index.js';
import { AppError } from '../../errors.js';
import { auditActions, searchAudit, type AuditRow } from './repository.js';
import type { AuditQuery } from './schema.js';
import { recordAudit, type AuditActor } from './service.js';
import type { AuditVerifyResult } from '@leitai/core';
import { verifyAuditChain } from './verify.js';
import { sealAll } from './sealer.js';

/** One page of the log, newest first. */
export const auditPage = (db: Db, q: AuditQuery) => searchAudit(db, q);

/** The distinct actions recorded so far, for the filter's drop-down. */
export const auditActionList = (db: Db): Promise<string[]> => auditActions(db);

/** An export is one sheet; beyond this the auditor narrows the time range. */
const EXPORT_LIMIT = 50_000;

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/** The filtered log as one sheet; the export is itself recorded, since it leaves the system. */
export async function exportAudit(
  db: Db,
  who: AuditActor,
  filter: Omit<AuditQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const { items, total } = await searchAudit(db, { ...filter, page: 1, pageSize: EXPORT_LIMIT });
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
  await db.transaction((tx) =>
    recordAudit(tx, who, { action: 'audit.export', targetType: 'audit', after: { filter, rows: items.length } }),
  );
  return buffer;
}

/** Walks the chain and records that it was checked, with the outcome. */
export async function verifyAudit(db: Db, who: AuditActor): Promise<AuditVerifyResult> {
  await sealAll(db); // what has committed so far, so a fresh entry is not reported as held back
  const result = await verifyAuditChain(db);
  await db.transaction((tx) => recordAudit(tx, who, { action: 'audit.verify', targetType: 'audit', after: result }));
  return result;
}
