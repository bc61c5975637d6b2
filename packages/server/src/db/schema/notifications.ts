import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './identity.js';

/**
 * The in-app notification centre. `dedupeKey` (e.g. 'ledger:12:red') is unique per user, so a job
 * that runs twice — a restart, a second instance — cannot tell anyone the same thing twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    link: text(),
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
  ],
);

/**
 * Daily jobs claim (job, day) in the transaction that does the work: the claim and the work commit
 * together, a crash rolls both back (the job runs again), and a second instance waits on the key and
 * then skips.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    instance: text().notNull(),
    result: text(),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);
