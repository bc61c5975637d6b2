import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import type { DomainEvent } from './types.js';

/** The channel that wakes consumer loops; NOTIFY inside a transaction is delivered at commit, or never. */
export const OUTBOX_CHANNEL = 'leitai_outbox';

/**
 * Whether the request being handled wrote an event: one that wrote none has nothing of its own to
 * deliver before answering, so a burst of plain writes (citizens' ratings) costs no outbox round trips.
 */
export const emitScope = new AsyncLocalStorage<EmitScope>();

export interface EmitScope {
  emitted: boolean;
  /**
   * The request delivers what it emitted itself before answering (a write under /api/): its events need no
   * NOTIFY to wake a relay. PostgreSQL serialises the commits of notifying transactions, so a hall of judges'
   * scores each notifying would commit one at a time. Were the process to die before delivering, any
   * instance's poll finds the events.
   */
  drainsAfter: boolean;
}

/** Marks the request being handled as one that wrote an event, when the event was written on its behalf elsewhere. */
export function noteEmitted(): void {
  const scope = emitScope.getStore();
  if (scope) scope.emitted = true;
}

/**
 * Records a domain event. Call it inside the use case's transaction: the event commits with the change
 * or rolls back with it, and the consumers hear of it only after commit.
 */
export async function emit(tx: Db, event: DomainEvent): Promise<void> {
  const scope = emitScope.getStore();
  if (scope) scope.emitted = true;
  const { type, ...payload } = event;
  await tx.insert(outbox).values({ topic: type, payload });
  if (!scope?.drainsAfter) await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, ${type})`);
}
