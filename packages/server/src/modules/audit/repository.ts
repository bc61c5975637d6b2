import { and, asc, desc, eq, gt, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import * as units from '../units/index.js';
import type { AuditQuery } from './schema.js';
import type { ChainedContent, EntryContent, HashAlgorithm } from './hash.js';

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
  db.select(columns).from(auditLog).where(w).orderBy(desc(auditLog.id)).limit(limit).offset(offset);

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

/** Any lock key fixed for the chain: one sealer at a time, across instances. */
export const CHAIN_LOCK = 7263002;

/** The last sealed entry's link. */
export async function chainEnd(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ? { seq: last.seq!, hash: last.hash! } : undefined;
}

/** Inserts the entry, without its links, and returns its content as the database stored it. */
export async function appendEntry(
  tx: Db,
  entry: EntryContent & { algorithm: HashAlgorithm; mac: string },
): Promise<EntryContent> {
  const [row] = await tx.insert(auditLog).values(entry).returning();
  const { id: _id, seq: _seq, prevHash: _prev, hash: _hash, algorithm: _algorithm, mac: _mac, ...content } = row!;
  return content;
}

export type UnsealedEntry = EntryContent & { id: number; algorithm: HashAlgorithm; mac: string | null };

/** Committed entries not yet in the chain, in the order they were written. */
export async function unsealed(tx: Db, limit: number): Promise<UnsealedEntry[]> {
  const rows = await tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(limit);
  return rows.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...r }) => ({
    ...r,
    algorithm: r.algorithm as HashAlgorithm,
  }));
}

/** Gives entries their place and links, in one statement (the trigger allows only this change). */
export async function sealEntries(tx: Db, links: { id: number; seq: number; prevHash: string; hash: string }[]) {
  if (links.length === 0) return;
  const values = sql.join(
    links.map((l) => sql`(${l.id}::bigint, ${l.seq}::bigint, ${l.prevHash}, ${l.hash})`),
    sql`, `,
  );
  await tx.execute(sql`UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    FROM (VALUES ${values}) AS v(id, seq, prev_hash, hash) WHERE a.id = v.id`);
}

/** Entries written more than `olderThanMs` ago and still not chained (the sealer stopped, or was stopped). */
export async function staleUnsealed(db: Db, olderThanMs: number): Promise<number[]> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(isNull(auditLog.seq), lt(auditLog.at, new Date(Date.now() - olderThanMs))))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.id);
}

/** The next entries of the chain after `seq`, in order, for verification. */
export async function entriesAfter(
  db: Db,
  seq: number,
  limit: number,
): Promise<(ChainedContent & { hash: string; algorithm: HashAlgorithm })[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).limit(limit);
  // Only sealed entries have a seq, and the sealer sets all three links together.
  return rows.map(({ id: _id, mac: _mac, ...r }) => ({
    ...r,
    seq: r.seq!,
    prevHash: r.prevHash!,
    hash: r.hash!,
    algorithm: r.algorithm as HashAlgorithm,
  }));
}
