import { and, asc, eq, sql } from 'drizzle-orm';
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
