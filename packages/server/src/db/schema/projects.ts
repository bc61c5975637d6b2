import { sql } from 'drizzle-orm';
import {
  bigint,
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
import type { Milestone, PlanChangeState, ProjectCard, ProjectKind, ProjectPlan } from '@leitai/core';
import type { CardReason, InterviewRung } from '@leitai/core';
import { ledgerItems } from './ledger.js';
import { units, users } from './identity.js';

/**
 * 重点项目: one project of the register. Its stage is not stored: it follows the milestones reached.
 * `version` is bumped by every change, so two people editing one project cannot both win.
 */
export const projects = pgTable(
  'projects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** 项目编号, as the office numbers them (unique). */
    code: text().notNull(),
    name: text().notNull(),
    kind: text().$type<ProjectKind>().notNull(),
    /** 总投资, 万元. */
    totalInvestment: numeric().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    coUnitIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** 包保领导. */
    leaderId: integer().references(() => users.id),
    /** 分管副职: interviews on two yellows in a row. */
    deputyLeaderId: integer().references(() => users.id),
    /** 业主单位 / 企业. */
    owner: text().notNull().default(''),
    /** 项目负责人. */
    manager: text().notNull().default(''),
    location: text().notNull().default(''),
    lng: numeric(),
    lat: numeric(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('projects_code_idx').on(t.code), index('projects_unit_idx').on(t.unitId)],
);

/**
 * A project's plan for a year, append-only: version 1 is the start-of-year baseline; each approved
 * change adds the next version. The database refuses updates and deletes (migration 0014).
 */
export const projectPlans = pgTable(
  'project_plans',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    year: integer().notNull(),
    version: integer().notNull(),
    plan: jsonb().$type<ProjectPlan>().notNull(),
    /** Why this version exists (基线, or the approved request's reason). */
    reason: text().notNull(),
    changeId: integer(),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_plans_version_idx').on(t.projectId, t.year, t.version)],
);

/** 计划调整申请: the responsible unit asks; the office approves (a new plan version) or refuses. */
export const projectPlanChanges = pgTable(
  'project_plan_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    year: integer().notNull(),
    /** The plan version the request was made against. */
    fromVersion: integer().notNull(),
    proposed: jsonb().$type<ProjectPlan>().notNull(),
    reason: text().notNull(),
    state: text().$type<PlanChangeState>().notNull().default('pending'),
    requestedBy: integer().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer(),
    decidedAt: timestamp({ withTimezone: true }),
    decision: text(),
  },
  (t) => [index('project_plan_changes_project_idx').on(t.projectId, t.state)],
);

/** A milestone reached, with its date (reported in the monthly report, or by the office). */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    milestone: text().$type<Milestone>().notNull(),
    reachedOn: date({ mode: 'string' }).notNull(),
    recordedBy: integer(),
  },
  (t) => [uniqueIndex('project_milestones_pk').on(t.projectId, t.milestone)],
);

/** 倒排工期: steps the responsible unit plans back from a milestone on the working calendar. */
export const projectSteps = pgTable(
  'project_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    milestone: text().$type<Milestone>().notNull(),
    seq: integer().notNull(),
    title: text().notNull(),
    workingDays: integer().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    doneOn: date({ mode: 'string' }),
  },
  (t) => [index('project_steps_project_idx').on(t.projectId, t.milestone, t.seq)],
);

/** A project's month as its unit reported it in the monthly report: investment done, the problem it needs solved. */
export const projectMonths = pgTable(
  'project_months',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    period: text().notNull(),
    /** 当月完成投资, 万元. */
    investment: numeric().notNull(),
    problem: text().notNull().default(''),
    reportedBy: integer(),
    reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_months_pk').on(t.projectId, t.period), index('project_months_period_idx').on(t.period)],
);

/**
 * A month's card once settled (the unit's report accepted, or the deadline passed without it), with the
 * rules' version and reasons: what the ladder and the bulletin read, never recomputed afterwards.
 */
export const projectCards = pgTable(
  'project_cards',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    period: text().notNull(),
    card: text().$type<ProjectCard>().notNull(),
    reasons: jsonb().$type<CardReason[]>().notNull(),
    rulesVersion: integer().notNull(),
    settledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_cards_pk').on(t.projectId, t.period), index('project_cards_period_idx').on(t.period)],
);

/** 约谈: the ladder's step for a project's month, carried out as a ledger item; one per project and month. */
export const projectInterviews = pgTable(
  'project_interviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    period: text().notNull(),
    rung: text().$type<InterviewRung>().notNull(),
    interviewerId: integer().references(() => users.id),
    ledgerItemId: integer()
      .notNull()
      .references(() => ledgerItems.id),
    /** The interview as recorded: when, where, who, what was agreed. */
    heldOn: date({ mode: 'string' }),
    record: text(),
    recordedBy: integer(),
  },
  (t) => [
    uniqueIndex('project_interviews_month_idx').on(t.projectId, t.period),
    index('project_interviews_item_idx').on(t.ledgerItemId),
  ],
);

/**
 * One row whose counter a trigger bumps on every write to the tables the portfolio views read (migration
 * 0017). A server keeps those views' figures in memory while the counter it read them at is current, so
 * every instance sees any instance's write on its next request, in the writer's transaction.
 */
export const projectStamp = pgTable('project_stamp', {
  id: integer().primaryKey(),
  n: bigint({ mode: 'number' }).notNull().default(0),
});
