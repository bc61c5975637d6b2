import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** 考核类别: units are ranked only against units of the same category. */
export const categories = pgTable('categories', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  sortOrder: integer().notNull().default(0),
});

/** A tree of any depth. `path` is '/<root id>/…/<own id>/' so scope checks are prefix tests. */
export const units = pgTable(
  'units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    parentId: integer(),
    path: text().notNull().default(''),
    categoryId: integer().references(() => categories.id),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    /**
     * 考核办: the unit runs campaigns for its subtree (a city, a district, a street), and its organisers act
     * there (docs/levels.md). Every tree's root is one.
     */
    isOffice: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_path_idx').on(t.path), index('units_parent_idx').on(t.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    displayName: text().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    roles: text().array().notNull(),
    /** Units a leader oversees (分管单位). */
    overseenUnitIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    phone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('users_username_idx').on(sql`lower(${t.username})`)],
);

/**
 * The password hashes an account has held, newest last, so a change cannot go back to a recent one. A trigger
 * on `users` (migration 0022) writes the replaced hash whenever `password_hash` changes, by whichever path
 * (the user's own change, a reset, an approved request), and keeps the newest 24.
 */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text().notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);

/** Server-side sessions: the cookie holds only a random id; the table holds its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    address: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins counted per (account, address), so a stranger elsewhere cannot lock a user out at will. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    address: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_lookup_idx').on(t.username, t.address, t.at)],
);

/**
 * A change to an admin account the system admin asked for, waiting for the security admin (三员分立). The
 * payload is the request as given (never a password); the decision carries out the change.
 */
export const adminRequests = pgTable('admin_requests', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  kind: text().notNull(),
  targetUserId: integer().references(() => users.id, { onDelete: 'cascade' }),
  payload: jsonb().notNull(),
  requestedBy: integer()
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  state: text().notNull().default('pending'),
  decidedBy: integer().references(() => users.id),
  decidedAt: timestamp({ withTimezone: true }),
  reason: text(),
});

/** Challenges already answered: each is good for one attempt only (its nonce), until it expires. */
export const spentChallenges = pgTable('spent_challenges', {
  nonce: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/** Settings (security policy and others), one JSON document per key. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer(),
});
