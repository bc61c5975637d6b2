import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './identity.js';

/**
 * A unit's group robot (企业微信 or 钉钉): where notices for the unit's people are posted. The webhook
 * (it holds the robot's key) and the 钉钉 signing secret are secrets: the API never returns them. `bucket`
 * is the robot's rate limit state (send times in the last minute, core's RobotBucket).
 */
export const deliveryRobots = pgTable(
  'delivery_robots',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    kind: text().notNull(), // 'wecom' | 'dingtalk'
    name: text().notNull(),
    webhook: text().notNull(),
    secret: text(),
    keywords: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enabled: boolean().notNull().default(true),
    bucket: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delivery_robots_unit_idx').on(t.unitId)],
);

/** A person's own channels: an SMS number and an email address, each on or off. */
export const deliveryPrefs = pgTable('delivery_prefs', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  phone: text(),
  smsOn: boolean().notNull().default(false),
  email: text(),
  emailOn: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One message to one outside destination (a robot, a phone, a mailbox), for the bell's notices it
 * carries (`notificationIds`: a robot's message stands for the notices of all the unit's people).
 * pending → sending (leased while the call is out) → sent, or dead (the dead letters) after the last try.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text().notNull(), // core's Channel
    robotId: integer().references(() => deliveryRobots.id, { onDelete: 'cascade' }),
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    address: text(),
    notificationIds: integer().array().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    link: text(),
    urgent: boolean().notNull().default(false),
    state: text().notNull().default('pending'),
    notBefore: timestamp({ withTimezone: true }).notNull(),
    leaseUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Sent merged into one digest with others (a burst above the robot's limit). */
    digest: boolean().notNull().default(false),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deliveries_due_idx')
      .on(t.notBefore, t.id)
      .where(sql`${t.state} IN ('pending', 'sending')`),
    index('deliveries_notices_idx').using('gin', t.notificationIds),
    index('deliveries_dead_idx')
      .on(t.id)
      .where(sql`${t.state} = 'dead'`),
  ],
);
