import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ArenaSchemeInput, HostState } from '@leitai/core';
import { units, users } from './identity.js';
import { campaigns } from './dispatch.js';

/**
 * 擂台赛: one live session. The host's state machine (core `HostState`) is stored whole in `state` and
 * bumped in `version` on every change, so clients can drop stale updates.
 */
export const arenas = pgTable('arenas', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** The campaign it belongs to (its scores feed that campaign's evaluation); an arena may stand alone. */
  campaignId: integer().references(() => campaigns.id, { onDelete: 'set null' }),
  /** The office (考核办) that owns it: its organisers manage it, the offices above read it (docs/levels.md). */
  officeUnitId: integer()
    .notNull()
    .references(() => units.id),
  title: text().notNull(),
  heldOn: text().notNull(),
  scheme: jsonb().$type<ArenaSchemeInput>().notNull(),
  speakingSeconds: integer().notNull(),
  /** 抽签 seed, published with the result; null until drawn. */
  seed: text(),
  state: jsonb().$type<HostState>().notNull(),
  version: integer().notNull().default(1),
  /** Read-only access for the big screen (a URL printed for the hall's screen computer). */
  screenToken: text().notNull(),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});

export const arenaContestants = pgTable(
  'arena_contestants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    /** Who presents on behalf of the unit (e.g. 赵局长); empty when the unit itself is named. */
    presenter: text().notNull().default(''),
  },
  (t) => [uniqueIndex('arena_contestants_unit_idx').on(t.arenaId, t.unitId)],
);

/** A judge needs no account: a one-time code (stored hashed) binds one phone (device token, hashed). */
export const arenaJudges = pgTable(
  'arena_judges',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    groupId: text().notNull(),
    unitId: integer().references(() => units.id),
    codeHash: text(),
    deviceHash: text(),
    deviceSeenAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('arena_judges_arena_idx').on(t.arenaId),
    uniqueIndex('arena_judges_code_idx').on(t.codeHash),
    uniqueIndex('arena_judges_device_idx').on(t.deviceHash),
  ],
);

export const arenaRecusals = pgTable(
  'arena_recusals',
  {
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    judgeId: integer()
      .notNull()
      .references(() => arenaJudges.id, { onDelete: 'cascade' }),
    contestantId: integer()
      .notNull()
      .references(() => arenaContestants.id, { onDelete: 'cascade' }),
    kind: text().$type<'unit' | 'manual'>().notNull(),
    reason: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.contestantId] })],
);

/** One row per judge and contestant: a correction updates it, so submitting twice never counts twice. */
export const arenaScores = pgTable(
  'arena_scores',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    judgeId: integer()
      .notNull()
      .references(() => arenaJudges.id, { onDelete: 'cascade' }),
    contestantId: integer()
      .notNull()
      .references(() => arenaContestants.id, { onDelete: 'cascade' }),
    criteria: jsonb().$type<Record<string, string>>().notNull(),
    total: numeric().notNull(),
    reason: text(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    uniqueIndex('arena_scores_pair_idx').on(t.judgeId, t.contestantId),
    index('arena_scores_arena_idx').on(t.arenaId),
  ],
);
