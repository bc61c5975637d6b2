import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { dispatchPeriods } from './dispatch.js';
import { units, users } from './identity.js';
import { ledgerItems } from './ledger.js';

/**
 * 催办: the office urged a unit on an overdue ledger item or a late monthly report. One row per urge, so
 * repeated urges are counted (已催办 N 次) and bulletins can say how often. A report is named by its month
 * (period) and unit, since a report not yet started has no row of its own.
 */
export const urges = pgTable(
  'urges',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subject: text().$type<'ledger_item' | 'report'>().notNull(),
    ledgerItemId: integer().references(() => ledgerItems.id),
    periodId: integer().references(() => dispatchPeriods.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    message: text().notNull().default(''),
    byUserId: integer()
      .notNull()
      .references(() => users.id),
    byName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('urges_item_idx').on(t.ledgerItemId),
    index('urges_report_idx').on(t.periodId, t.unitId),
    index('urges_at_idx').on(t.at),
  ],
);

/**
 * 批示: a leader's instruction on a ledger item or a monthly report, and the unit's answer (回复). Named like
 * an urge: an item, or a month and unit.
 */
export const instructions = pgTable(
  'instructions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subject: text().$type<'ledger_item' | 'report'>().notNull(),
    ledgerItemId: integer().references(() => ledgerItems.id),
    periodId: integer().references(() => dispatchPeriods.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    text: text().notNull(),
    /** The subject as the leader's and the unit's lists name it, and the page that shows it. */
    what: text().notNull(),
    link: text().notNull(),
    byUserId: integer()
      .notNull()
      .references(() => users.id),
    byName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answer: text(),
    answeredBy: integer().references(() => users.id),
    answeredByName: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('instructions_item_idx').on(t.ledgerItemId),
    index('instructions_report_idx').on(t.periodId, t.unitId),
    index('instructions_by_idx').on(t.byUserId),
    index('instructions_unit_idx').on(t.unitId),
  ],
);
