import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnitFilter, UnitView } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { categories, units, users } from '../../db/schema/index.js';
import { unitScopeSql } from '../../db/scope.js';

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  categoryId: number | null;
  sortOrder?: number;
}

export type UnitRow = UnitView;

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  parentId: units.parentId,
  path: units.path,
  categoryId: units.categoryId,
  categoryName: categories.name,
  sortOrder: units.sortOrder,
  active: units.active,
};

/** Inserts a unit and sets its materialised path under its parent's. */
export async function insertUnit(tx: Db, unit: NewUnit): Promise<{ id: number; path: string }> {
  let parentPath = '/';
  if (unit.parentId !== null) {
    const [parent] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unit.parentId));
    if (!parent) throw new Error(`parent unit ${unit.parentId} does not exist`);
    parentPath = parent.path;
  }
  const [row] = await tx
    .insert(units)
    .values({ ...unit, path: '' })
    .returning({ id: units.id });
  if (!row) throw new Error('insert returned no row');
  const path = `${parentPath}${row.id}/`;
  await tx.update(units).set({ path }).where(eq(units.id, row.id));
  return { id: row.id, path };
}

export async function listUnits(db: Db, filter: UnitFilter): Promise<UnitRow[]> {
  return db
    .select(unitColumns)
    .from(units)
    .leftJoin(categories, eq(categories.id, units.categoryId))
    .where(unitScopeSql(filter, units.path))
    .orderBy(asc(units.sortOrder), asc(units.id));
}

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(categories, eq(categories.id, units.categoryId))
    .where(eq(units.id, id));
  return row;
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(categories, eq(categories.id, units.categoryId))
    .where(eq(units.code, code));
  return row;
}

/** Moves a unit under a new parent, rewriting its whole subtree's paths in one statement. */
export async function moveSubtree(tx: Db, oldPath: string, newPath: string): Promise<void> {
  await tx.execute(
    sql`UPDATE units SET path = ${newPath} || substr(path, ${oldPath.length + 1}) WHERE path LIKE ${`${oldPath}%`}`,
  );
}

/** Active children and active users that keep a unit from being deactivated. */
export async function activeDependants(db: Db, id: number): Promise<{ children: number; users: number }> {
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)));
  const [u] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.unitId, id), eq(users.active, true)));
  return { children: c?.n ?? 0, users: u?.n ?? 0 };
}

/** A unit's path, or null when there is no such unit. */
export async function pathOf(db: Db, id: number): Promise<string | null> {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path ?? null;
}
