import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditLog, units } from '../../db/schema/index.js';

/** LIKE wildcards in what a person types are matched literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const ZAuditQuery = z.object({
  actor: z.string().trim().max(64).optional().describe('part of the actor’s name or username'),
  action: z.string().trim().max(64).optional().describe('an action or its prefix, e.g. "user." or "auth.login_failed"'),
  targetType: z.string().trim().max(32).optional(),
  targetId: z.string().trim().max(64).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

function where(q: AuditQuery): SQL | undefined {
  return and(
    q.actor ? ilike(auditLog.actorName, `%${literal(q.actor)}%`) : undefined,
    q.action ? or(eq(auditLog.action, q.action), ilike(auditLog.action, `${literal(q.action)}%`)) : undefined,
    q.targetType ? eq(auditLog.targetType, q.targetType) : undefined,
    q.targetId ? eq(auditLog.targetId, q.targetId) : undefined,
    q.unitId ? eq(auditLog.unitId, q.unitId) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
  );
}

const columns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  unitId: auditLog.unitId,
  unitName: units.name,
  before: auditLog.before,
  after: auditLog.after,
  address: auditLog.address,
  hash: auditLog.hash,
};
export type AuditRow = Awaited<ReturnType<typeof searchAudit>>['items'][number];

/** Newest first. */
export async function searchAudit(db: Db, q: AuditQuery, limit = q.pageSize) {
  const w = where(q);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(w);
  const items = await db
    .select(columns)
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(w)
    .orderBy(desc(auditLog.seq))
    .limit(limit)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: count?.n ?? 0 };
}

/** The distinct actions recorded so far, for the filter's drop-down. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
