import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import type { DomainEvent } from './types.js';

export interface OutboxEntry {
  id: number;
  attempts: number;
  event: DomainEvent;
}

/**
 * The oldest pending event no other transaction holds, locked until this transaction ends. SKIP LOCKED
 * lets several instances drain one outbox without waiting on each other or taking the same row.
 */
export async function claimNext(tx: Db): Promise<OutboxEntry | undefined> {
  const [row] = await tx
    .select({ id: outbox.id, topic: outbox.topic, payload: outbox.payload, attempts: outbox.attempts })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), lte(outbox.availableAt, sql`now()`)))
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return undefined;
  // emit() wrote topic and payload from one DomainEvent; the row holds nothing else.
  const event = { ...(row.payload as object), type: row.topic } as DomainEvent;
  return { id: row.id, attempts: row.attempts, event };
}

export async function markDone(tx: Db, id: number): Promise<void> {
  await tx.update(outbox).set({ doneAt: new Date() }).where(eq(outbox.id, id));
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
