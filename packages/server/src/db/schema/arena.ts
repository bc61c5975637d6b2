import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ArenaKind, ArenaSchemeInput, ContestantKind, HostState } from '@leitai/core';
import { units, users } from './identity.js';
import { campaigns } from './dispatch.js';
import { cadres } from './cadres.js';

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
  /** 擂台类型 (一把手擂台, 书记擂台 …): the template its criteria started from; null for a plain arena. */
  kind: text().$type<ArenaKind>(),
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
    /** A unit (presented by `cadre_id`, or by the free-text presenter) or a person standing for the unit. */
    kind: text().$type<ContestantKind>().notNull().default('unit'),
    /** The presenter, or the person on stage, from the cadre register (their name is copied to `presenter`). */
    cadreId: integer().references(() => cadres.id),
  },
  (t) => [
    // A unit competes once; several people of one unit may stand (中层干部擂台), each person once.
    uniqueIndex('arena_contestants_unit_idx')
      .on(t.arenaId, t.unitId)
      .where(sql`kind = 'unit'`),
    uniqueIndex('arena_contestants_cadre_idx').on(t.arenaId, t.cadreId),
    index('arena_contestants_cadre_lookup_idx').on(t.cadreId),
  ],
);

/**
 * 擂台承诺 by speaker: which contestant made the promise that became ledger item `ledger_item_id`, so a cadre's
 * record shows their own promises. No foreign key to ledger_items: that table already points at arenas, and the
 * ledger owns its rows (a removed item leaves a dangling row that the record skips).
 */
export const arenaCommitments = pgTable(
  'arena_commitments',
  {
    ledgerItemId: integer().primaryKey(),
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    contestantId: integer()
      .notNull()
      .references(() => arenaContestants.id, { onDelete: 'cascade' }),
  },
  (t) => [index('arena_commitments_contestant_idx').on(t.contestantId)],
);

/**
 * A judge: an outside judge needs no account (a one-time code, stored hashed, binds one phone by a device token,
 * hashed); an account judge (`user_id`) scores signed in, without a code.
 */
export const arenaJudges = pgTable(
  'arena_judges',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    arenaId: integer()
      .notNull()
      .references(() => arenas.id, { onDelete: 'cascade' }),
    /** The account that judges; null for an outside judge. Its display name is copied to `name`. */
    userId: integer().references(() => users.id),
    name: text().notNull(),
    groupId: text().notNull(),
    unitId: integer().references(() => units.id),
    codeHash: text(),
    deviceHash: text(),
    deviceSeenAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('arena_judges_arena_idx').on(t.arenaId),
    // An account judges an arena once; a judge's home finds its arenas by user.
    uniqueIndex('arena_judges_user_idx').on(t.userId, t.arenaId),
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
