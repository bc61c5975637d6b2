import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type {
  AssignmentRole,
  EnterpriseScale,
  RequestCategory,
  RequestRating,
  VisitForm,
  VisitPurpose,
} from '@leitai/core';
import { ledgerItems } from './ledger.js';
import { units, users } from './identity.js';

/** 企业库: one market entity, keyed by its 统一社会信用代码 (checked by its check digit on the way in). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    creditCode: text().notNull(),
    industry: text().notNull().default(''),
    scale: text().$type<EnterpriseScale>().notNull(),
    /** 所属街道: a unit of the tree, so a leader's overseen streets scope what he reads. */
    streetUnitId: integer().references(() => units.id),
    address: text().notNull().default(''),
    contactName: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_idx').on(t.creditCode),
    index('enterprises_street_idx').on(t.streetUnitId),
  ],
);

/**
 * 包保: a person assigned an enterprise from a day; a reassignment ends the old row (endedOn) and adds a
 * new one, so the history stays. One open row per enterprise, person and role.
 */
export const enterpriseAssignments = pgTable(
  'enterprise_assignments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id),
    userId: integer()
      .notNull()
      .references(() => users.id),
    role: text().$type<AssignmentRole>().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_assignments_open_idx')
      .on(t.enterpriseId, t.userId, t.role)
      .where(sql`${t.endedOn} is null`),
    index('enterprise_assignments_user_idx').on(t.userId),
  ],
);

/** 走访: one visit to an enterprise, by the assigned person who records it. Photos are optional (no forced 留痕). */
export const visits = pgTable(
  'visits',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id),
    visitorId: integer()
      .notNull()
      .references(() => users.id),
    visitedOn: date({ mode: 'string' }).notNull(),
    /** Who else went, as written. */
    companions: text().notNull().default(''),
    forms: text().array().$type<VisitForm[]>().notNull(),
    purposes: text().array().$type<VisitPurpose[]>().notNull(),
    notes: text().notNull().default(''),
    fileIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visits_enterprise_idx').on(t.enterpriseId, t.visitedOn), index('visits_visitor_idx').on(t.visitorId)],
);

/**
 * 诉求: a problem an enterprise raised. Dispatched (分派) it becomes a ledger item (source 企业诉求) led by
 * a unit; merged it points at the request that carries it on, and stays as one of its sources. The
 * enterprise contact rates the answer by `rateCode` (the public page's unguessable code).
 */
export const visitRequests = pgTable(
  'visit_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id),
    visitId: integer().references(() => visits.id),
    channel: text().$type<'visit' | 'hotline'>().notNull().default('visit'),
    category: text().$type<RequestCategory>().notNull(),
    content: text().notNull(),
    raisedOn: date({ mode: 'string' }).notNull(),
    raisedBy: integer().references(() => users.id),
    ledgerItemId: integer().references(() => ledgerItems.id),
    /** The co-units' report deadline (配合单位 3 working days by default); the lead's is the ledger item's. */
    coDeadline: date({ mode: 'string' }),
    mergedIntoId: integer(),
    rateCode: text().notNull(),
    rating: text().$type<RequestRating>(),
    ratingText: text().notNull().default(''),
    ratedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_requests_rate_code_idx').on(t.rateCode),
    index('visit_requests_enterprise_idx').on(t.enterpriseId),
    index('visit_requests_ledger_idx').on(t.ledgerItemId),
    index('visit_requests_merged_idx').on(t.mergedIntoId),
  ],
);
