import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  DerivedFigure,
  IndicatorKind,
  PaceProfileInput,
  ReportAction,
  ReportState,
  WarningRule,
} from '@leitai/core';
import { categories, units, users } from './identity.js';

/** 活动: a named programme over one or more years, with phases and a cadence. */
export const campaigns = pgTable('campaigns', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** The office (考核办) that owns it: its organisers manage it, the offices above read it (docs/levels.md). */
  officeUnitId: integer()
    .notNull()
    .references(() => units.id),
  name: text().notNull(),
  startYear: integer().notNull(),
  endYear: integer().notNull(),
  /** [{ name, from: 'YYYY-MM', to: 'YYYY-MM' }] — 学习动员 / 查摆整改 / 总结评估 … */
  phases: jsonb()
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** { dispatch: 'monthly', arena: 'quarterly', review: 'half-year', summary: 'annual' } */
  cadence: jsonb().notNull(),
  copiedFromId: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 指标: one line of a campaign's indicator list. Values are `numeric` text read by core's exact decimals. */
export const indicators = pgTable(
  'indicators',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** 计量单位: 个, 家, 万元, 亿元, % */
    measure: text().notNull(),
    /** cumulative | rate | growth */
    kind: text().$type<IndicatorKind>().notNull(),
    lowerIsBetter: boolean().notNull().default(false),
    allowNegative: boolean().notNull().default(false),
    /** core PaceProfileInput */
    profile: jsonb().$type<PaceProfileInput>().notNull(),
    /** core WarningRule */
    rule: jsonb().$type<WarningRule>().notNull(),
    weight: numeric().notNull().default('0'),
    sortOrder: integer().notNull().default(0),
    /** From this period on the indicator no longer counts (retired mid-year); earlier months keep their colours. */
    retiredFrom: text(),
    /** A sum of the project register (core DERIVED_FIGURES): its figure is derived, never typed. */
    derivedFrom: text().$type<DerivedFigure>(),
  },
  (t) => [index('indicators_campaign_idx').on(t.campaignId)],
);

/** Who carries an indicator: one unit, or every unit of a category. */
export const indicatorAssignments = pgTable(
  'indicator_assignments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: integer().references(() => units.id),
    categoryId: integer().references(() => categories.id),
  },
  (t) => [index('indicator_assignments_ind_idx').on(t.indicatorId)],
);

/** A unit head's request to change a confirmed target, waiting for the office. */
export interface PendingTargetChange {
  base: string;
  stretch: string | null;
  reason: string;
  by: number;
  byName: string;
  at: string;
}

/** 目标: a unit's base and stretch target for an indicator in a year; confirmed by the unit head (立目标). */
export const targets = pgTable(
  'targets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    year: integer().notNull(),
    base: numeric().notNull(),
    stretch: numeric(),
    /** The first period the unit carries the indicator (a unit added mid-year). Null: the whole year. */
    fromPeriod: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedBy: integer().references(() => users.id),
    /** A change asked for after confirmation, waiting for the office: { base, stretch, reason, by, byName, at }. */
    pendingChange: jsonb().$type<PendingTargetChange>(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('targets_unique_idx').on(t.indicatorId, t.unitId, t.year),
    index('targets_unit_idx').on(t.unitId),
  ],
);

/** 一月一调度: a reporting round for one month with its deadline; the office opens, closes and reopens it. */
export const dispatchPeriods = pgTable(
  'dispatch_periods',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    period: text().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    open: boolean().notNull().default(true),
    reopenCount: integer().notNull().default(0),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispatch_periods_unique_idx').on(t.campaignId, t.period)],
);

/** 调度填报: one unit's figures and narrative for one period. `version` goes up with every change. */
export const reports = pgTable(
  'reports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer()
      .notNull()
      .references(() => dispatchPeriods.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    state: text().$type<ReportState>().notNull().default('draft'),
    version: integer().notNull().default(1),
    /** 工作进展 / 存在问题 / 下步打算 */
    progress: text().notNull().default(''),
    problems: text().notNull().default(''),
    plans: text().notNull().default(''),
    firstSubmittedOn: date({ mode: 'string' }),
    returnReason: text(),
    /** The indicators the office's return points at (退回指出), highlighted on the unit's form. */
    returnFields: jsonb().$type<number[]>().notNull().default([]),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_unique_idx').on(t.periodId, t.unitId)],
);

/** A figure of a report; `flag` holds the outlier note shown to the reviewer. */
export const reportValues = pgTable(
  'report_values',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    value: numeric().notNull(),
    flag: text(),
  },
  (t) => [
    uniqueIndex('report_values_pk').on(t.reportId, t.indicatorId),
    index('report_values_ind_idx').on(t.indicatorId),
  ],
);

/** Every version of a report as it was saved, submitted, returned or accepted (版本留痕). */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    action: text().$type<ReportAction>().notNull(),
    state: text().$type<ReportState>().notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    reason: text(),
    /** { values: { [indicatorId]: value }, progress, problems, plans, fileIds } */
    snapshot: jsonb().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_versions_report_idx').on(t.reportId, t.id)],
);

/**
 * One row whose version every committed change to the board's inputs raises (deferred triggers on the
 * dispatch tables, units and categories; migration 0032): an instance keeps a computed board while the
 * version it was computed at is still current, and every instance sees another's writes (board-cache.ts).
 */
export const boardStamp = pgTable('board_stamp', {
  id: integer().primaryKey().default(1),
  version: bigint({ mode: 'number' }).notNull().default(0),
});
