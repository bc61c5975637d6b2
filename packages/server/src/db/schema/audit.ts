import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained. A trigger (migration 0000's custom SQL) refuses UPDATE and DELETE except
 * deletion of entries older than the retention period by the retention job's function.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    unitId: integer(),
    before: jsonb(),
    after: jsonb(),
    address: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    algorithm: text().notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)],
);
