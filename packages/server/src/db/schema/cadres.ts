import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ExemptionDecision } from '@leitai/core';
import { units, users } from './identity.js';
import { ledgerItems } from './ledger.js';

/**
 * 干部名册: the people an organisation department keeps (issue 17). A cadre serves in a unit in a post since
 * a date; `user_id` links the cadre to their account when they have one, so they can read their own record
 * and the ledger items they lead as responsible leader are theirs.
 */
export const cadres = pgTable(
  'cadres',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** 职务, e.g. 党委书记, 社区党委书记, 科长. */
    post: text().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    /** 任职时间: in this post since. */
    since: date({ mode: 'string' }).notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadres_unit_idx').on(t.unitId), uniqueIndex('cadres_user_idx').on(t.userId)],
);

/**
 * 任职经历: every post a cadre has held, the current one with `until` null. A change of unit or post closes
 * the current row and opens a new one, so the record can show the units they led and their grades then.
 */
export const cadrePosts = pgTable(
  'cadre_posts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    cadreId: integer()
      .notNull()
      .references(() => cadres.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    post: text().notNull(),
    since: date({ mode: 'string' }).notNull(),
    until: date({ mode: 'string' }),
  },
  (t) => [index('cadre_posts_cadre_idx').on(t.cadreId)],
);

/**
 * 容错免责 (issue 17): a decision on a cadre's fault, recorded by the organisation department with its basis and the
 * body that made it; optionally the ledger item it concerns. Appended, never edited (a later decision is a new row).
 */
export const cadreExemptions = pgTable(
  'cadre_exemptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    cadreId: integer()
      .notNull()
      .references(() => cadres.id, { onDelete: 'cascade' }),
    /** 事项: what the fault was about. */
    matter: text().notNull(),
    decision: text().$type<ExemptionDecision>().notNull(),
    /** 依据: the rule applied, e.g. 《容错纠错实施办法》第五条. */
    basis: text().notNull(),
    /** 决定机关, e.g. 区纪委监委. */
    decidedBy: text().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    itemId: integer().references(() => ledgerItems.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadre_exemptions_cadre_idx').on(t.cadreId)],
);
