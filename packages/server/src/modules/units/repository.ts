import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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
  /** Runs campaigns for its subtree; a root is an office unless told otherwise. */
  isOffice?: boolean;
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
  isOffice: units.isOffice,
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
    .values({ ...unit, isOffice: unit.parentId === null || (unit.isOffice ?? false), path: '' })
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

/** The units with these ids (the ones that exist), by id. */
export async function unitsByIds(db: Db, ids: Iterable<number>): Promise<Map<number, UnitRow>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(categories, eq(categories.id, units.categoryId))
    .where(inArray(units.id, list));
  return new Map(rows.map((r) => [r.id, r]));
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

/** Puts a root unit (and its subtree) under a new parent, with no checks and no audit: for seeders. */
export async function reparentUnit(tx: Db, id: number, parentId: number): Promise<void> {
  const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, id));
  const [parent] = await tx.select({ path: units.path }).from(units).where(eq(units.id, parentId));
  if (!unit || !parent) throw new Error(`unit ${id} or parent ${parentId} does not exist`);
  await moveSubtree(tx, unit.path, `${parent.path}${id}/`);
  await tx.update(units).set({ parentId }).where(eq(units.id, id));
}

/** Makes a unit an office (考核办), with no audit: for seeders. */
export async function markOffice(tx: Db, id: number): Promise<void> {
  await tx.update(units).set({ isOffice: true }).where(eq(units.id, id));
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

/** The office a unit at `path` belongs to: the nearest office at or above it, or null. */
export async function officeOf(db: Db, path: string): Promise<{ unitId: number; path: string } | null> {
  const [row] = await db
    .select({ unitId: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.isOffice, true), sql`${path} LIKE ${units.path} || '%'`))
    .orderBy(sql`length(${units.path}) DESC`)
    .limit(1);
  return row ?? null;
}

/** A unit's path, or null when there is no such unit. */
export async function pathOf(db: Db, id: number): Promise<string | null> {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path ?? null;
}

/** A unit's name, or null when there is no such unit. */
export async function nameOf(db: Db, id: number): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return row?.name ?? null;
}

/** Is any unit in this category? (A category in use cannot be deleted.) */
export async function categoryInUse(db: Db, categoryId: number): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.categoryId, categoryId)).limit(1);
  return row !== undefined;
}

/** Writes a unit's own fields (its path moves with moveSubtree). */
export async function setUnitFields(
  tx: Db,
  id: number,
  fields: Partial<Omit<NewUnit, 'code'>> & { active?: boolean },
): Promise<void> {
  await tx.update(units).set(fields).where(eq(units.id, id));
}

export type CategoryRow = typeof categories.$inferSelect;
export type CategoryFields = Omit<typeof categories.$inferInsert, 'id'>;

export async function listCategoryRows(db: Db): Promise<CategoryRow[]> {
  return db.select().from(categories).orderBy(categories.sortOrder, categories.id);
}

export async function findCategory(db: Db, by: { id: number } | { code: string }): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(categories)
    .where('id' in by ? eq(categories.id, by.id) : eq(categories.code, by.code));
  return row;
}

export async function insertCategory(tx: Db, fields: CategoryFields): Promise<CategoryRow> {
  const [row] = await tx.insert(categories).values(fields).returning();
  return row!;
}

export async function updateCategoryRow(tx: Db, id: number, fields: Partial<CategoryFields>): Promise<CategoryRow> {
  const [row] = await tx.update(categories).set(fields).where(eq(categories.id, id)).returning();
  return row!;
}

export async function deleteCategoryRow(tx: Db, id: number): Promise<void> {
  await tx.delete(categories).where(eq(categories.id, id));
}
