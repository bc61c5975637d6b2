import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { BadRatingFacts, PublishedRankingRow, RatingPointKind } from '@leitai/core';
import { units, users } from './identity.js';
import { ledgerItems } from './ledger.js';

/** 评价点: a unit itself, or one of its windows, matters or teams, each with the code its QR poster carries. */
export const ratingPoints = pgTable(
  'rating_points',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    /** The office (考核办) that owns it: its organisers manage it, the offices above read it (docs/levels.md). */
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    kind: text().$type<RatingPointKind>().notNull().default('unit'),
    /** The unguessable code in the QR address (/r/<code>). */
    code: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_points_code_idx').on(t.code), uniqueIndex('rating_points_name_idx').on(t.unitId, t.name)],
);

/**
 * 好差评: one citizen's rating. Honest counts are the database's job: one row per device, point and
 * period (unique index), and one per case number and unit. A phone is kept only encrypted; the address
 * only as keyed hashes, erased after the retention days.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pointId: integer()
      .notNull()
      .references(() => ratingPoints.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    stars: smallint().notNull(),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    comment: text().notNull().default(''),
    reason: text(),
    caseNo: text(),
    deviceId: text().notNull(),
    /** The first day of the rating period (one rating per device and point in it). */
    periodStart: date({ mode: 'string' }).notNull(),
    /** The local (Asia/Shanghai) day it was given. */
    ratedOn: date({ mode: 'string' }).notNull(),
    /** AES-256-GCM of the phone (实名差评), never the phone itself. */
    phoneCipher: text(),
    /**
     * The keyed hash (HMAC, never the number) of a phone verified by SMS code, where the office requires it:
     * one rating per verified phone, point and period, as per device.
     */
    phoneHash: text(),
    addressHash: text(),
    rangeHash: text(),
    /** What the rater types or follows to see the answer (查询码). */
    lookupCode: text().notNull(),
    review: text().$type<BadRatingFacts['review']>().notNull().default('none'),
    reviewReason: text(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    appeal: text().$type<BadRatingFacts['appeal']>().notNull().default('none'),
    ledgerItemId: integer().references(() => ledgerItems.id),
    followUp: text().$type<BadRatingFacts['followUp']>().notNull().default('none'),
    followUpComment: text(),
    followUpAt: timestamp({ withTimezone: true }),
    callbackDue: date({ mode: 'string' }),
    calledBackAt: timestamp({ withTimezone: true }),
    calledBackBy: integer().references(() => users.id),
    callbackCaller: text(),
    callbackOutcome: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_once_idx').on(t.deviceId, t.pointId, t.periodStart),
    uniqueIndex('ratings_phone_once_idx')
      .on(t.phoneHash, t.pointId, t.periodStart)
      .where(sql`${t.phoneHash} IS NOT NULL`),
    uniqueIndex('ratings_case_idx')
      .on(t.unitId, t.caseNo)
      .where(sql`${t.caseNo} IS NOT NULL`),
    uniqueIndex('ratings_lookup_idx').on(t.lookupCode),
    index('ratings_unit_day_idx').on(t.unitId, t.ratedOn),
    index('ratings_point_time_idx').on(t.pointId, t.createdAt),
    index('ratings_range_time_idx').on(t.rangeHash, t.createdAt),
    index('ratings_item_idx').on(t.ledgerItemId),
    check('ratings_stars_check', sql`${t.stars} BETWEEN 1 AND 5`),
  ],
);

/** 申诉: the rated unit contests a bad rating with evidence; the office decides, with its reason. */
export const ratingAppeals = pgTable(
  'rating_appeals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ratingId: integer()
      .notNull()
      .references(() => ratings.id),
    reason: text().notNull(),
    fileIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    state: text().$type<'pending' | 'upheld' | 'refused'>().notNull().default('pending'),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decision: text(),
  },
  (t) => [uniqueIndex('rating_appeals_rating_idx').on(t.ratingId)],
);

/**
 * 公开排名 (媒体问效): a ranking the office published, frozen as shown. Rows are only ever inserted: a new
 * publication is the next version of the office's, and every version stays readable at its address.
 */
export const ratingRankings = pgTable(
  'rating_rankings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    version: integer().notNull(),
    title: text().notNull(),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }).notNull(),
    rows: jsonb().$type<PublishedRankingRow[]>().notNull(),
    publishedBy: integer()
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_rankings_version_idx').on(t.officeUnitId, t.version)],
);

/**
 * 短信验证码 for a real-name bad rating where the office requires a verified phone. Neither the number
 * nor the code is kept: the number as a keyed hash, the code as a keyed hash of number and code. A code
 * expires, allows a few attempts, and is used once.
 */
export const ratingPhoneCodes = pgTable(
  'rating_phone_codes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    phoneHash: text().notNull(),
    codeHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    attempts: smallint().notNull().default(0),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rating_phone_codes_phone_idx').on(t.phoneHash, t.createdAt)],
);
