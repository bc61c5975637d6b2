import { boolean, date, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './identity.js';

/**
 * 对标: one figure of one subject on one indicator, for an office — ours (本区) or a peer region's (博罗县, 龙海区),
 * with its date, source and 口径, and the figure a year before (the pace we gain at). Imported by Excel, whole.
 */
export const benchmarkFigures = pgTable(
  'benchmark_figures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    indicator: text().notNull(),
    measure: text().notNull().default(''),
    subject: text().notNull(),
    isOurs: boolean().notNull(),
    value: numeric().notNull(),
    previous: numeric(),
    asOf: date({ mode: 'string' }).notNull(),
    source: text().notNull(),
    caliber: text().notNull().default(''),
    lowerIsBetter: boolean().notNull().default(false),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('benchmark_figures_subject_idx').on(t.officeUnitId, t.indicator, t.subject)],
);
