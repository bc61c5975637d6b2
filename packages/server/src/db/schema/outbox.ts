import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Domain events, written by a use case inside its own transaction (events/emit.ts), so an event exists
 * exactly when its change committed. The consumer loop (events/consumer.ts) claims pending rows in id
 * order with FOR UPDATE SKIP LOCKED, runs the topic's consumers in the same transaction and marks the
 * row done there: a crash rolls all three back and the event is delivered again, never twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A failed delivery waits until then before it is tried again. */
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.availableAt, t.id)
      .where(sql`${t.doneAt} IS NULL`),
  ],
);
