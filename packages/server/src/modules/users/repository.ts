import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { units, users } from '../../db/schema/index.js';
import { unitScopeSql } from '../../db/scope.js';
import type { UserQuery } from './schema.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  roles: string[];
  overseenUnitIds: number[];
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

// An account's unit name and path are the units module's; they are joined here because the account
// list is scoped by unit path, sorted by the units' order and paged in SQL (one query, not two).
const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  unitId: users.unitId,
  unitName: units.name,
  unitPath: units.path,
  roles: users.roles,
  overseenUnitIds: users.overseenUnitIds,
  phone: users.phone,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

export async function findUser(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row !== undefined;
}

/** Accounts whose unit is in `scope`, matching the query, a page at a time. */
export async function searchUsers(
  db: Db,
  q: UserQuery,
  scope: UnitFilter,
): Promise<{ items: UserRow[]; total: number }> {
  const where = and(
    unitScopeSql(scope, units.path),
    q.q ? sql`(${users.username} ILIKE ${`%${q.q}%`} OR ${users.displayName} ILIKE ${`%${q.q}%`})` : undefined,
    q.unitId ? eq(users.unitId, q.unitId) : undefined,
    q.role ? sql`${q.role} = ANY(${users.roles})` : undefined,
  );
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where);
  const items = await db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(units.sortOrder), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: count?.n ?? 0 };
}

export type NewUserRow = Omit<typeof users.$inferInsert, 'id' | 'createdAt'>;

export async function insertUsers(
  tx: Db,
  rows: NewUserRow[],
): Promise<{ id: number; username: string; unitId: number; roles: string[] }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(users)
    .values(rows)
    .returning({ id: users.id, username: users.username, unitId: users.unitId, roles: users.roles });
}

export async function updateUserRow(tx: Db, id: number, fields: Partial<NewUserRow>): Promise<void> {
  await tx.update(users).set(fields).where(eq(users.id, id));
}

/** Display names by id (who decided, who approved). */
export async function displayNames(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active accounts by username (case-insensitive), for imports that name people by account. */
export async function activeIdsByUsername(db: Db, names: Iterable<string>): Promise<Map<string, number>> {
  const list = [...new Set([...names].map((n) => n.toLowerCase()))];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.active, true), inArray(sql`lower(${users.username})`, list)));
  return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
}

/** Active accounts that may be given work (not the admins, not judges), for pickers: id, name, account, unit. */
export async function activeOfficials(
  db: Db,
): Promise<{ id: number; name: string; username: string; unitName: string }[]> {
  return db
    .select({ id: users.id, name: users.displayName, username: users.username, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(eq(users.active, true), sql`${users.roles} && array['leader','unit_head','reporter','organiser']::text[]`),
    )
    .orderBy(asc(users.username));
}

/** An account as another module may see it: who, and in which unit. */
export interface Account {
  id: number;
  name: string;
  username: string;
  unitId: number;
  unitName: string;
  unitPath: string;
}

const accountColumns = {
  id: users.id,
  name: users.displayName,
  username: users.username,
  unitId: users.unitId,
  unitName: units.name,
  unitPath: units.path,
};

/** Active accounts by id (an inactive or missing one is left out). */
export async function accountsByIds(db: Db, ids: readonly number[]): Promise<Map<number, Account>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(inArray(users.id, [...ids]), eq(users.active, true)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active accounts whose unit is in `scope`, by unit order (a picker's options). */
export async function accountsInScope(db: Db, scope: UnitFilter): Promise<Account[]> {
  return db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.active, true), unitScopeSql(scope, units.path)))
    .orderBy(asc(units.sortOrder), asc(users.id))
    .limit(2000);
}
