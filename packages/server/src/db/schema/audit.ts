import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained. Writers insert entries without their links; the sealer (sealer.ts) chains them
 * after commit, in one transaction of its own. A trigger (migrations 0001 and 0028) refuses every UPDATE and
 * DELETE except the sealer's: setting the links of an entry that has none, its content unchanged.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** The entry, as its transaction wrote it (a sequence: rolled-back transactions leave gaps). */
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** Its place in the chain, dense, given by the sealer after commit (null until then). */
    seq: bigint({ mode: 'number' }),
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
    prevHash: text(),
    hash: text(),
    algorithm: text().notNull(),
    /** The writer's HMAC of the content: the sealer chains only entries the application wrote. */
    mac: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_unsealed_idx')
      .on(t.id)
      .where(sql`${t.seq} IS NULL`),
  ],
);
