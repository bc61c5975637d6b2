import { boolean, date, integer, numeric, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { units, users } from './identity.js';

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
    /** The office's unit these figures are of (区发改局 against 武昌区发改局); null: the region as a whole. */
    unitId: integer().references(() => units.id),
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
  (t) => [
    unique('benchmark_figures_subject_key').on(t.officeUnitId, t.unitId, t.indicator, t.subject).nullsNotDistinct(),
  ],
);

/** 学赶对象: the peer a unit (or the region, unitId null) has chosen to learn from and catch up with. */
export const benchmarkModels = pgTable(
  'benchmark_models',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    unitId: integer().references(() => units.id),
    subject: text().notNull(),
    chosenBy: integer().references(() => users.id),
    chosenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('benchmark_models_unit_key').on(t.officeUnitId, t.unitId).nullsNotDistinct()],
);
