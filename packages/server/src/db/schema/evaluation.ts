import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  AdjustmentKind,
  AdjustmentState,
  AdjustmentStep,
  AppealState,
  EvaluationKind,
  EvaluationScheme,
  EvaluationState,
} from '@leitai/core';
import { campaigns } from './dispatch.js';
import { units, users } from './identity.js';

/** 综合考核: one campaign's evaluation of a period (上半年, 全年, any range), from scheme to published versions. */
export const evaluations = pgTable('evaluations', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  campaignId: integer()
    .notNull()
    .references(() => campaigns.id),
  name: text().notNull(),
  kind: text().$type<EvaluationKind>().notNull(),
  periodFrom: date({ mode: 'string' }).notNull(),
  periodTo: date({ mode: 'string' }).notNull(),
  state: text().$type<EvaluationState>().notNull().default('draft'),
  /** The scheme version being edited (draft) or the one the closed snapshot used. */
  schemeVersion: integer().notNull().default(1),
  /** The snapshot of the last close (null while a draft). */
  snapshotId: integer(),
  appealDays: smallint().notNull().default(5),
  commentUntil: date({ mode: 'string' }),
  /** The published evaluation 进位/退位 is measured against. */
  previousId: integer(),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A scheme as saved, version by version (append-only: an evaluation records the version it used). */
export const evaluationSchemes = pgTable(
  'evaluation_schemes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    version: integer().notNull(),
    scheme: jsonb().$type<EvaluationScheme>().notNull(),
    savedBy: integer().references(() => users.id),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_schemes_version_idx').on(t.evaluationId, t.version)],
);

/**
 * A close's frozen inputs and what they gave (append-only). `inputs` holds every value exactly (text) and
 * the records behind it; `result` the lines without explanations; each with the SHA-256 of its canonical JSON.
 */
export const evaluationSnapshots = pgTable(
  'evaluation_snapshots',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    schemeVersion: integer().notNull(),
    inputHash: text().notNull(),
    resultHash: text().notNull(),
    inputs: jsonb().notNull(),
    result: jsonb().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_snapshots_evaluation_idx').on(t.evaluationId)],
);

/** A published version (公示稿 v1, then v2… when appeals changed something); append-only. */
export const evaluationVersions = pgTable(
  'evaluation_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    version: integer().notNull(),
    snapshotId: integer()
      .notNull()
      .references(() => evaluationSnapshots.id),
    /** Against the previous version: who moved, by how much, and the appeals that moved them. */
    diff: jsonb().notNull(),
    publishedBy: integer().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_versions_version_idx').on(t.evaluationId, t.version)],
);

/** 申诉: one number of one unit's published standing, with reason and evidence; decided, then approved by another. */
export const evaluationAppeals = pgTable(
  'evaluation_appeals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    version: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    componentId: text().notNull(),
    reason: text().notNull(),
    state: text().$type<AppealState>().notNull().default('filed'),
    uphold: text().$type<'uphold' | 'refuse'>(),
    /** The corrected raw value of the component (exact decimal), when upheld. */
    correction: numeric(),
    decision: text(),
    filedBy: integer()
      .notNull()
      .references(() => users.id),
    filedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    approvedBy: integer().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('evaluation_appeals_evaluation_idx').on(t.evaluationId, t.unitId)],
);

/** 加减分 and 容错免责: proposed with reason and evidence, decided by an organiser other than the proposer. */
export const evaluationAdjustments = pgTable(
  'evaluation_adjustments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    kind: text().$type<AdjustmentKind>().notNull(),
    /** Signed (a penalty is negative); 0 for a waiver. */
    amount: numeric().notNull(),
    reason: text().notNull(),
    state: text().$type<AdjustmentState>().notNull().default('proposed'),
    decision: text(),
    proposedBy: integer()
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** 容错免责's 核实: who verified it (may not also decide it). */
    verifiedBy: integer().references(() => users.id),
    /** Every step taken (受理, 核实, 认定, 报备, 不予认定) with who, when and what was written. */
    steps: jsonb().$type<AdjustmentStep[]>().notNull().default([]),
  },
  (t) => [index('evaluation_adjustments_evaluation_idx').on(t.evaluationId, t.unitId)],
);

/**
 * 评议 invitations: one per rater, by group; only the code's hash is kept, and whether it was used (not
 * when: a time could be matched with the answers').
 */
export const evaluationReviewInvites = pgTable(
  'evaluation_review_invites',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    groupId: text().notNull(),
    codeHash: text().notNull(),
    used: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_review_invites_code_idx').on(t.codeHash)],
);

/** 评议 answers: a rater's scores for one unit, anonymous (no link to the invitation that let them in). */
export const evaluationReviewAnswers = pgTable(
  'evaluation_review_answers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
    groupId: text().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    scores: jsonb().$type<Record<string, string>>().notNull(),
    /** Σ of the scores, exact decimal. */
    total: numeric().notNull(),
  },
  (t) => [index('evaluation_review_answers_idx').on(t.evaluationId, t.unitId)],
);
