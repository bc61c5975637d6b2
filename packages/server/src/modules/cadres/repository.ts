import { and, asc, desc, eq, ilike, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cadrePosts, cadres, users } from '../../db/schema/index.js';

export interface CadreRow {
  id: number;
  name: string;
  post: string;
  unitId: number;
  since: string;
  userId: number | null;
  username: string | null;
}

// The account's username is read with a join: the register shows which account a cadre signs in with.
const columns = {
  id: cadres.id,
  name: cadres.name,
  post: cadres.post,
  unitId: cadres.unitId,
  since: cadres.since,
  userId: cadres.userId,
  username: users.username,
};

export async function findCadre(db: Db, id: number): Promise<CadreRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(cadres)
    .leftJoin(users, eq(users.id, cadres.userId))
    .where(eq(cadres.id, id));
  return row;
}

export async function cadreOfUser(db: Db, userId: number): Promise<CadreRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(cadres)
    .leftJoin(users, eq(users.id, cadres.userId))
    .where(eq(cadres.userId, userId));
  return row;
}

/** The cadres serving in these units (the caller's scope, resolved to unit ids), by name. */
export async function cadresInUnits(db: Db, unitIds: readonly number[] | 'all', q?: string): Promise<CadreRow[]> {
  if (unitIds !== 'all' && unitIds.length === 0) return [];
  const where = and(
    unitIds === 'all' ? undefined : inArray(cadres.unitId, [...unitIds]),
    q ? ilike(cadres.name, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  return db
    .select(columns)
    .from(cadres)
    .leftJoin(users, eq(users.id, cadres.userId))
    .where(where)
    .orderBy(asc(cadres.unitId), asc(cadres.id));
}

export async function cadresByIds(db: Db, ids: readonly number[]): Promise<CadreRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(cadres)
    .leftJoin(users, eq(users.id, cadres.userId))
    .where(inArray(cadres.id, [...ids]));
}

export interface NewCadreRow {
  name: string;
  post: string;
  unitId: number;
  since: string;
  userId: number | null;
}

/** Writes a cadre and their current post, no checks and no audit (services and seeders). */
export async function insertCadre(tx: Db, c: NewCadreRow): Promise<{ id: number }> {
  const [row] = await tx.insert(cadres).values(c).returning({ id: cadres.id });
  await tx.insert(cadrePosts).values({ cadreId: row!.id, unitId: c.unitId, post: c.post, since: c.since });
  return row!;
}

export async function setCadre(tx: Db, id: number, patch: Partial<NewCadreRow>): Promise<void> {
  await tx
    .update(cadres)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(cadres.id, id));
}

/** A new post: the current one ends the day the new one begins (or the new post's own day, if earlier). */
export async function movePost(tx: Db, cadreId: number, next: { unitId: number; post: string; since: string }) {
  await tx
    .update(cadrePosts)
    .set({ until: next.since })
    .where(and(eq(cadrePosts.cadreId, cadreId), isNull(cadrePosts.until)));
  await tx.insert(cadrePosts).values({ cadreId, ...next });
}

/** The current post's start, when only the date is corrected. */
export async function setCurrentSince(tx: Db, cadreId: number, since: string): Promise<void> {
  await tx
    .update(cadrePosts)
    .set({ since })
    .where(and(eq(cadrePosts.cadreId, cadreId), isNull(cadrePosts.until)));
}

export interface PostRow {
  unitId: number;
  post: string;
  since: string;
  until: string | null;
}

export async function postsOf(db: Db, cadreId: number): Promise<PostRow[]> {
  return db
    .select({ unitId: cadrePosts.unitId, post: cadrePosts.post, since: cadrePosts.since, until: cadrePosts.until })
    .from(cadrePosts)
    .where(eq(cadrePosts.cadreId, cadreId))
    .orderBy(desc(cadrePosts.since), desc(cadrePosts.id));
}
