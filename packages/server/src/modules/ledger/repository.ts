import { and, asc, desc, eq, ilike, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { LedgerState, RecordFilter, UnitFilter } from '@leitai/core';
import { recordScopeSql } from '../../db/scope.js';
import type { Db } from '../../db/client.js';
import {
  arenas,
  ledgerEvents,
  ledgerExtensions,
  ledgerItems,
  ledgerSteps,
  units,
  users,
} from '../../db/schema/index.js';
import * as unitsFace from '../units/index.js';

export type ItemRow = typeof ledgerItems.$inferSelect;
export type StepRow = typeof ledgerSteps.$inferSelect;
export type EventRow = typeof ledgerEvents.$inferSelect;
export type ExtensionRow = typeof ledgerExtensions.$inferSelect;
export interface UnitRef {
  id: number;
  code: string;
  name: string;
  path: string;
  active: boolean;
}

export async function getItem(db: Db, id: number): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(ledgerItems).where(eq(ledgerItems.id, id));
  return row;
}

/** The item row locked until the transaction ends: concurrent actions on one item take turns. */
export async function lockItem(tx: Db, id: number): Promise<ItemRow | undefined> {
  const [row] = await tx.select().from(ledgerItems).where(eq(ledgerItems.id, id)).for('update');
  return row;
}

export async function insertItem(tx: Db, values: typeof ledgerItems.$inferInsert): Promise<ItemRow> {
  const [row] = await tx.insert(ledgerItems).values(values).returning();
  return row!;
}

/** Writes the new fields and bumps the version, only if the version is still the one read. */
export async function updateItem(
  tx: Db,
  item: ItemRow,
  set: Partial<typeof ledgerItems.$inferInsert>,
): Promise<ItemRow> {
  const [row] = await tx
    .update(ledgerItems)
    .set({ ...set, version: item.version + 1, updatedAt: new Date() })
    .where(and(eq(ledgerItems.id, item.id), eq(ledgerItems.version, item.version)))
    .returning();
  if (!row) throw new Error(`ledger item ${item.id} changed under a lock`);
  return row;
}

/** The colour last announced for an item (the daily notices compare against it). */
export async function markNotifiedColour(tx: Db, itemId: number, colour: string): Promise<void> {
  await tx.update(ledgerItems).set({ notifiedColour: colour }).where(eq(ledgerItems.id, itemId));
}

export async function insertSteps(
  tx: Db,
  itemId: number,
  steps: readonly { title: string; deadline: string }[],
): Promise<void> {
  if (steps.length === 0) return;
  await tx
    .insert(ledgerSteps)
    .values(steps.map((s, i) => ({ itemId, seq: i + 1, title: s.title, deadline: s.deadline })));
}

export async function stepsOf(db: Db, itemIds: number[]): Promise<Map<number, StepRow[]>> {
  const out = new Map<number, StepRow[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .select()
    .from(ledgerSteps)
    .where(inArray(ledgerSteps.itemId, itemIds))
    .orderBy(asc(ledgerSteps.itemId), asc(ledgerSteps.seq));
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r]);
  return out;
}

export async function markStepDone(tx: Db, itemId: number, stepId: number, day: string): Promise<StepRow | undefined> {
  const [row] = await tx
    .update(ledgerSteps)
    .set({ doneOn: day })
    .where(and(eq(ledgerSteps.id, stepId), eq(ledgerSteps.itemId, itemId), isNull(ledgerSteps.doneOn)))
    .returning();
  return row;
}

/** New deadlines for some of an item's steps (an approved extension moves the open ones). */
export async function moveSteps(tx: Db, itemId: number, moves: { id: number; deadline: string }[]): Promise<void> {
  for (const m of moves)
    await tx
      .update(ledgerSteps)
      .set({ deadline: m.deadline })
      .where(and(eq(ledgerSteps.id, m.id), eq(ledgerSteps.itemId, itemId)));
}

export async function insertEvent(tx: Db, values: typeof ledgerEvents.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(ledgerEvents).values(values).returning();
  return row!;
}

export async function eventsOf(db: Db, itemId: number): Promise<EventRow[]> {
  return db.select().from(ledgerEvents).where(eq(ledgerEvents.itemId, itemId)).orderBy(asc(ledgerEvents.id));
}

export async function extensionsOf(db: Db, itemId: number): Promise<ExtensionRow[]> {
  return db
    .select()
    .from(ledgerExtensions)
    .where(eq(ledgerExtensions.itemId, itemId))
    .orderBy(desc(ledgerExtensions.id));
}

export async function pendingExtension(db: Db, itemId: number): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerExtensions)
    .where(and(eq(ledgerExtensions.itemId, itemId), eq(ledgerExtensions.status, 'pending')));
  return row;
}

export async function insertExtension(tx: Db, values: typeof ledgerExtensions.$inferInsert): Promise<ExtensionRow> {
  const [row] = await tx.insert(ledgerExtensions).values(values).returning();
  return row!;
}

export async function decideExtension(
  tx: Db,
  id: number,
  set: { status: 'approved' | 'refused'; decidedBy: number; decision: string },
): Promise<void> {
  await tx
    .update(ledgerExtensions)
    .set({ ...set, decidedAt: new Date() })
    .where(eq(ledgerExtensions.id, id));
}

export async function unitsByIds(db: Db, ids: Iterable<number>): Promise<Map<number, UnitRef>> {
  const found = await unitsFace.byIds(db, ids);
  return new Map([...found].map(([id, u]) => [id, { id, code: u.code, name: u.name, path: u.path, active: u.active }]));
}

/** Every unit, with where it sits among the offices (for the close-out rates' ranking groups). */
export async function allUnits(
  db: Db,
): Promise<(UnitRef & { kind: string; parentId: number | null; isOffice: boolean })[]> {
  return (await unitsFace.all(db)).map((u) => ({
    kind: u.kind,
    parentId: u.parentId,
    isOffice: u.isOffice,
    id: u.id,
    code: u.code,
    name: u.name,
    path: u.path,
    active: u.active,
  }));
}

export async function usersByIds(
  db: Db,
  ids: Iterable<number>,
): Promise<Map<number, { id: number; name: string; roles: string[]; active: boolean }>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName, roles: users.roles, active: users.active })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function arenaTitles(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: arenas.id, title: arenas.title }).from(arenas).where(inArray(arenas.id, list));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The items promised on an arena's stage (擂台承诺), oldest first. */
export async function itemsOfArena(db: Db, arenaId: number): Promise<ItemRow[]> {
  return db.select().from(ledgerItems).where(eq(ledgerItems.arenaId, arenaId)).orderBy(asc(ledgerItems.id));
}

export async function leaders(db: Db): Promise<{ id: number; name: string; username: string }[]> {
  return db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(and(eq(users.active, true), sql`'leader' = ANY(${users.roles})`))
    .orderBy(asc(users.id));
}

/**
 * SQL for "the owning office, or the lead unit or a cooperating unit, is within the actor's scope". The units table is the
 * units module's; this subquery reads it here because the list is filtered in SQL by its units' paths
 * (asking units.inScope first would send every unit id in scope back into the query).
 */
export function scopeCondition(scope: RecordFilter): SQL {
  const offices = recordScopeSql({ offices: scope.offices, units: { kind: 'none' } }, ledgerItems.officeUnitId, []);
  return sql`(${offices} OR ${unitCondition(scope.units)})`;
}

/** Every item, for the district-wide jobs and rates. */
export const ALL_ITEMS: RecordFilter = { offices: { kind: 'all' }, units: { kind: 'all' } };

function unitCondition(filter: UnitFilter): SQL {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'none') return sql`false`;
  const tests = [
    ...filter.exact.map((p) => sql`u.path = ${p}`),
    ...filter.paths.map((p) => sql`u.path LIKE ${`${p}%`}`),
  ];
  return sql`EXISTS (SELECT 1 FROM ${units} u WHERE (u.id = ${ledgerItems.leadUnitId} OR u.id = ANY(${ledgerItems.coUnitIds})) AND (${sql.join(tests, sql` OR `)}))`;
}

export interface ListFilter {
  /** Which items: the owning office's reach (an organiser's) or a lead/co-unit's (core's recordFilter). */
  scope: RecordFilter;
  state?: LedgerState | undefined;
  source?: string | undefined;
  /** Items the unit leads or cooperates on. */
  unitId?: number | undefined;
  leaderId?: number | undefined;
  parentId?: number | undefined;
  q?: string | undefined;
  openOnly?: boolean;
  /** Items with an extension request waiting for the office's decision (延期申请待审批). */
  extension?: 'pending' | undefined;
}

export async function listItems(db: Db, f: ListFilter): Promise<ItemRow[]> {
  const where: SQL[] = [scopeCondition(f.scope)];
  if (f.state) where.push(eq(ledgerItems.state, f.state));
  if (f.openOnly) where.push(ne(ledgerItems.state, 'closed'));
  if (f.source) where.push(eq(ledgerItems.source, f.source));
  if (f.unitId)
    where.push(sql`(${ledgerItems.leadUnitId} = ${f.unitId} OR ${f.unitId} = ANY(${ledgerItems.coUnitIds}))`);
  if (f.leaderId) where.push(eq(ledgerItems.leaderId, f.leaderId));
  if (f.parentId) where.push(eq(ledgerItems.parentId, f.parentId));
  if (f.extension === 'pending')
    where.push(
      sql`EXISTS (SELECT 1 FROM ${ledgerExtensions} WHERE ${ledgerExtensions.itemId} = ${ledgerItems.id} AND ${ledgerExtensions.status} = 'pending')`,
    );
  if (f.q) where.push(ilike(ledgerItems.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select()
    .from(ledgerItems)
    .where(and(...where))
    .orderBy(asc(ledgerItems.deadline), asc(ledgerItems.id));
}

/** How many sub-items each parent has, and how many of them are closed (the parent's roll-up). */
export async function subItemCounts(
  db: Db,
  parentIds: number[],
): Promise<Map<number, { total: number; closed: number }>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .select({
      parentId: ledgerItems.parentId,
      n: sql<number>`count(*)::int`,
      closed: sql<number>`(count(*) filter (where ${ledgerItems.state} = 'closed'))::int`,
    })
    .from(ledgerItems)
    .where(inArray(ledgerItems.parentId, parentIds))
    .groupBy(ledgerItems.parentId);
  return new Map(rows.map((r) => [r.parentId!, { total: r.n, closed: r.closed }]));
}

/** Each item's state and deadline, and its lead unit's latest close-out text (the answer to whoever raised it). */
export async function answersOf(
  db: Db,
  ids: number[],
): Promise<{ id: number; state: LedgerState; deadline: string; answer: string | null; answeredAt: Date | null }[]> {
  if (ids.length === 0) return [];
  const latest = db
    .selectDistinctOn([ledgerEvents.itemId], {
      itemId: ledgerEvents.itemId,
      text: ledgerEvents.text,
      at: ledgerEvents.at,
    })
    .from(ledgerEvents)
    .where(and(inArray(ledgerEvents.itemId, ids), eq(ledgerEvents.kind, 'request_close')))
    .orderBy(ledgerEvents.itemId, desc(ledgerEvents.id))
    .as('latest');
  return db
    .select({
      id: ledgerItems.id,
      state: ledgerItems.state,
      deadline: ledgerItems.deadline,
      answer: latest.text,
      answeredAt: latest.at,
    })
    .from(ledgerItems)
    .leftJoin(latest, eq(latest.itemId, ledgerItems.id))
    .where(inArray(ledgerItems.id, ids));
}

/** The items with these ids that exist (a cadre record's promises). */
export async function itemsWithIds(db: Db, ids: readonly number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerItems)
    .where(inArray(ledgerItems.id, [...ids]))
    .orderBy(asc(ledgerItems.id));
}
