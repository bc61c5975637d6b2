import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { LedgerPriority, LedgerState } from '@leitai/core';
import { arenas } from './arena.js';
import { units, users } from './identity.js';

/**
 * 督办事项: a task or problem with a lead unit, cooperating units, a responsible leader and a
 * deadline (or steps). `version` is bumped by every change: a write names the version it saw, so two
 * people closing the same item cannot both win.
 */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Set on sub-items split per unit from a parent item. */
    parentId: integer(),
    /** The office (考核办) that owns it: its organisers manage it, the offices above read it (docs/levels.md). */
    officeUnitId: integer()
      .notNull()
      .references(() => units.id),
    title: text().notNull(),
    content: text().notNull().default(''),
    source: text().notNull(),
    leadUnitId: integer()
      .notNull()
      .references(() => units.id),
    coUnitIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    leaderId: integer().references(() => users.id),
    deadline: date({ mode: 'string' }).notNull(),
    /** The deadline first given, kept when extensions move `deadline`. */
    originalDeadline: date({ mode: 'string' }).notNull(),
    priority: text().$type<LedgerPriority>().notNull().default('normal'),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    state: text().$type<LedgerState>().notNull().default('assigned'),
    version: integer().notNull().default(1),
    /** Null for items the system opens itself (a citizen's bad rating). */
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Asia/Shanghai date of close-out (销号), for on-time rates. */
    closedOn: date({ mode: 'string' }),
    closedBy: integer(),
    /** The last colour the daily job announced, so each escalation is told once. */
    notifiedColour: text(),
    /** 擂台承诺: the arena on whose stage the unit head promised this. */
    arenaId: integer().references(() => arenas.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('ledger_items_lead_idx').on(t.leadUnitId),
    index('ledger_items_state_idx').on(t.state, t.deadline),
    index('ledger_items_parent_idx').on(t.parentId),
    index('ledger_items_arena_idx').on(t.arenaId),
  ],
);

/** 节点: steps of an item, each with its own deadline (倒排工期). */
export const ledgerSteps = pgTable(
  'ledger_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer()
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    title: text().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    doneOn: date({ mode: 'string' }),
  },
  (t) => [index('ledger_steps_item_idx').on(t.itemId, t.seq)],
);

/**
 * The item's history: every action (assignment, sign-for, progress, close-out request, return,
 * extension, reassignment, close) with who, when and what. Evidence files are claimed by the event.
 */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer()
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    unitId: integer(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    text: text().notNull().default(''),
    data: jsonb(),
  },
  (t) => [index('ledger_events_item_idx').on(t.itemId, t.id)],
);

/** 延期申请: one pending request per item at most; decided with a reason. */
export const ledgerExtensions = pgTable(
  'ledger_extensions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer()
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    requestedDeadline: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    status: text().$type<'pending' | 'approved' | 'refused'>().notNull().default('pending'),
    requestedBy: integer().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer(),
    decidedAt: timestamp({ withTimezone: true }),
    decision: text(),
  },
  (t) => [index('ledger_extensions_item_idx').on(t.itemId)],
);
