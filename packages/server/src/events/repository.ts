import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import type { DomainEvent } from './types.js';

export interface OutboxEntry {
  id: number;
  attempts: number;
  event: DomainEvent;
}

/**
 * The oldest pending events (up to `limit`) no other transaction holds, locked until this transaction ends.
 * SKIP LOCKED lets several instances drain one outbox without waiting on each other or taking the same row.
 */
export async function claimBatch(tx: Db, limit: number): Promise<OutboxEntry[]> {
  const rows = await tx
    .select({ id: outbox.id, topic: outbox.topic, payload: outbox.payload, attempts: outbox.attempts })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), lte(outbox.availableAt, sql`now()`)))
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  // emit() wrote topic and payload from one DomainEvent; the row holds nothing else.
  return rows.map((row) => ({
    id: row.id,
    attempts: row.attempts,
    event: { ...(row.payload as object), type: row.topic } as DomainEvent,
  }));
}

/** The oldest pending event no other transaction holds (claimBatch of one). */
export async function claimNext(tx: Db): Promise<OutboxEntry | undefined> {
  return (await claimBatch(tx, 1))[0];
}

export async function markDone(tx: Db, ids: number | number[]): Promise<void> {
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) return;
  await tx.update(outbox).set({ doneAt: new Date() }).where(inArray(outbox.id, list));
}

/** A failed delivery: tried again after `retryAt`, or put aside (done, with its error) when it gives up. */
export async function markFailed(tx: Db, id: number, error: string, retryAt: Date | null): Promise<void> {
  await tx
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 2000),
      ...(retryAt ? { availableAt: retryAt } : { doneAt: new Date() }),
    })
    .where(eq(outbox.id, id));
}
