import { and, asc, desc, eq, gt, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import * as units from '../units/index.js';
import type { AuditQuery } from './schema.js';
import type { ChainedContent, HashAlgorithm } from './hash.js';

/** LIKE wildcards in what a person types are matched literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

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
  before: auditLog.before,
  after: auditLog.after,
  address: auditLog.address,
  hash: auditLog.hash,
};
type Entry = Awaited<ReturnType<typeof entries>>[number];
export type AuditRow = Entry & { unitName: string | null };

const entries = (db: Db, w: SQL | undefined, limit: number, offset: number) =>
  db.select(columns).from(auditLog).where(w).orderBy(desc(auditLog.seq)).limit(limit).offset(offset);

/** Newest first. */
export async function searchAudit(
  db: Db,
  q: AuditQuery,
  limit = q.pageSize,
): Promise<{ items: AuditRow[]; total: number }> {
  const w = where(q);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(w);
  const rows = await entries(db, w, limit, (q.page - 1) * q.pageSize);
  const names = await units.byIds(
    db,
    rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])),
  );
  const items = rows.map((r) => ({ ...r, unitName: r.unitId === null ? null : (names.get(r.unitId)?.name ?? null) }));
  return { items, total: count?.n ?? 0 };
}

/** The distinct actions recorded so far, for the filter's drop-down. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** Any lock key fixed for the chain: appends are serialised so each entry links to the one before. */
const CHAIN_LOCK = 7263002;

/** The last committed entry's link, without waiting for the chain's lock. */
export async function chainEnd(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last;
}

/** Takes the chain's lock for the rest of the transaction and returns its last link. */
export async function lockChainEnd(tx: Db): Promise<{ seq: number; hash: string } | undefined> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last;
}

/** Inserts the entry and returns the chained fields as the database stored them. */
export async function appendEntry(
  tx: Db,
  entry: ChainedContent & { hash: string; algorithm: HashAlgorithm },
): Promise<ChainedContent> {
  const [row] = await tx.insert(auditLog).values(entry).returning();
  const { hash: _hash, algorithm: _algorithm, ...content } = row!;
  return content;
}

/** The next entries of the chain after `seq`, in order, for verification. */
export async function entriesAfter(
  db: Db,
  seq: number,
  limit: number,
): Promise<(ChainedContent & { hash: string; algorithm: HashAlgorithm })[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).limit(limit);
  // The column holds only what appendEntry wrote.
  return rows.map((r) => ({ ...r, algorithm: r.algorithm as HashAlgorithm }));
}
