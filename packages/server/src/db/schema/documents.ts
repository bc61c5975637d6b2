import { date, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './identity.js';

/**
 * 发文字号 issued by an office: numbered per office and year from 1. A document is one subject (e.g. the
 * dispatch bulletin of campaign 3 for 2026-11), so downloading it again shows the same number and date.
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    kind: text().notNull(),
    subject: text().notNull(),
    year: integer().notNull(),
    seq: integer().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_numbers_subject_idx').on(t.officeUnitId, t.kind, t.subject),
    uniqueIndex('document_numbers_seq_idx').on(t.officeUnitId, t.year, t.seq),
  ],
);
