import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RewardLevel, SuggestionCriterion, SuggestionStatus } from '@leitai/core';
import { ledgerItems } from './ledger.js';
import { units, users } from './identity.js';

/**
 * 金点子征集: a round an office runs (e.g. 2026年度"金点子"征集), with its own criteria and reward table, and an
 * unguessable `publicCode` for the link through which the public submits without an account.
 */
export const suggestionRounds = pgTable(
  'suggestion_rounds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    title: text().notNull(),
    opensOn: date({ mode: 'string' }).notNull(),
    closesOn: date({ mode: 'string' }).notNull(),
    /** How many ideas the round selects (评选前 N 名); ties across the N-th place all go in. */
    topN: integer().notNull(),
    criteria: jsonb().$type<SuggestionCriterion[]>().notNull(),
    rewardLevels: jsonb().$type<RewardLevel[]>().notNull(),
    publicCode: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('suggestion_rounds_public_code_idx').on(t.publicCode),
    index('suggestion_rounds_office_idx').on(t.officeUnitId),
  ],
);

/**
 * 金点子: one idea. An account's proposer is credited by id and unit; the public's by the name he gave.
 * Adopted, it points at the ledger item that carries it out; its reward is the round's level and amount then.
 */
export const suggestions = pgTable(
  'suggestions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer()
      .notNull()
      .references(() => suggestionRounds.id),
    title: text().notNull(),
    body: text().notNull(),
    channel: text().$type<'account' | 'public'>().notNull(),
    proposerId: integer().references(() => users.id),
    proposerUnitId: integer().references(() => units.id),
    proposerName: text().notNull(),
    proposerContact: text().notNull().default(''),
    fileIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    status: text().$type<SuggestionStatus>().notNull().default('submitted'),
    decisionNote: text().notNull().default(''),
    decidedAt: timestamp({ withTimezone: true }),
    ledgerItemId: integer().references(() => ledgerItems.id),
    rewardLevel: text(),
    rewardAmount: numeric(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestions_round_idx').on(t.roundId, t.status),
    index('suggestions_proposer_idx').on(t.proposerId),
    index('suggestions_unit_idx').on(t.proposerUnitId),
  ],
);

/** A reviewer assigned to an idea, and his score sheet once he scored (criterion key → decimal text). */
export const suggestionReviews = pgTable(
  'suggestion_reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    suggestionId: integer()
      .notNull()
      .references(() => suggestions.id),
    reviewerId: integer()
      .notNull()
      .references(() => users.id),
    scores: jsonb().$type<Record<string, string>>(),
    total: numeric(),
    comment: text().notNull().default(''),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    scoredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('suggestion_reviews_pair_idx').on(t.suggestionId, t.reviewerId),
    index('suggestion_reviews_reviewer_idx').on(t.reviewerId),
  ],
);
