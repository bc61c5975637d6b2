import { and, asc, count, desc, eq, inArray, isNotNull, ne, notInArray, sql } from 'drizzle-orm';
import type { RecordFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { suggestionReviews, suggestionRounds, suggestions, units } from '../../db/schema/index.js';
import { recordScopeSql } from '../../db/scope.js';

/** All SQL of 金点子. Rows come out as plain objects the services map to views. */

export type RoundRow = typeof suggestionRounds.$inferSelect;
export type SuggestionRow = typeof suggestions.$inferSelect;
export type ReviewRow = typeof suggestionReviews.$inferSelect;

export async function insertRound(tx: Db, row: typeof suggestionRounds.$inferInsert): Promise<RoundRow> {
  const [out] = await tx.insert(suggestionRounds).values(row).returning();
  return out!;
}

export async function roundById(db: Db, id: number): Promise<RoundRow | null> {
  const [row] = await db.select().from(suggestionRounds).where(eq(suggestionRounds.id, id));
  return row ?? null;
}

export async function roundByCode(db: Db, code: string): Promise<RoundRow | null> {
  const [row] = await db.select().from(suggestionRounds).where(eq(suggestionRounds.publicCode, code));
  return row ?? null;
}

/** Rounds whose office the filter reaches (a round has no units of its own), newest first. */
export async function listRounds(db: Db, filter: RecordFilter): Promise<RoundRow[]> {
  return db
    .select()
    .from(suggestionRounds)
    .where(recordScopeSql(filter, suggestionRounds.officeUnitId, []))
    .orderBy(desc(suggestionRounds.opensOn), desc(suggestionRounds.id));
}

export async function insertSuggestions(
  tx: Db,
  rows: readonly (typeof suggestions.$inferInsert)[],
): Promise<SuggestionRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(suggestions)
    .values([...rows])
    .returning();
}

/** A suggestion with what its access is decided on: its round's office and its proposer's unit path. */
export async function suggestionPlace(db: Db, id: number) {
  // The proposer unit's path decides a unit head's scope, so this join stays in SQL.
  const [row] = await db
    .select({ s: suggestions, officeUnitId: suggestionRounds.officeUnitId, unitPath: units.path })
    .from(suggestions)
    .innerJoin(suggestionRounds, eq(suggestionRounds.id, suggestions.roundId))
    .leftJoin(units, eq(units.id, suggestions.proposerUnitId))
    .where(eq(suggestions.id, id));
  return row ?? null;
}

export async function lockSuggestion(tx: Db, id: number): Promise<SuggestionRow | null> {
  const [row] = await tx.select().from(suggestions).where(eq(suggestions.id, id)).for('update');
  return row ?? null;
}

export async function updateSuggestion(
  tx: Db,
  id: number,
  patch: Partial<typeof suggestions.$inferInsert>,
): Promise<SuggestionRow> {
  const [row] = await tx.update(suggestions).set(patch).where(eq(suggestions.id, id)).returning();
  return row!;
}

/** Every idea of a round (the ranking needs them all, whoever asks). */
export const roundSuggestions = (db: Db, roundId: number): Promise<SuggestionRow[]> =>
  db.select().from(suggestions).where(eq(suggestions.roundId, roundId)).orderBy(asc(suggestions.id));

/** The ideas of a round the filter reaches: the round's office, or the proposer's unit. */
export async function visibleIds(db: Db, roundId: number, filter: RecordFilter): Promise<Set<number>> {
  const rows = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .innerJoin(suggestionRounds, eq(suggestionRounds.id, suggestions.roundId))
    .leftJoin(units, eq(units.id, suggestions.proposerUnitId))
    .where(and(eq(suggestions.roundId, roundId), recordScopeSql(filter, suggestionRounds.officeUnitId, [units.path])));
  return new Set(rows.map((r) => r.id));
}

export const suggestionsBy = (db: Db, proposerId: number): Promise<SuggestionRow[]> =>
  db.select().from(suggestions).where(eq(suggestions.proposerId, proposerId)).orderBy(desc(suggestions.id));

export async function reviewsOf(db: Db, suggestionIds: readonly number[]): Promise<ReviewRow[]> {
  if (suggestionIds.length === 0) return [];
  return db
    .select()
    .from(suggestionReviews)
    .where(inArray(suggestionReviews.suggestionId, [...suggestionIds]))
    .orderBy(asc(suggestionReviews.id));
}

export const reviewsBy = (db: Db, reviewerId: number): Promise<ReviewRow[]> =>
  db
    .select()
    .from(suggestionReviews)
    .where(eq(suggestionReviews.reviewerId, reviewerId))
    .orderBy(desc(suggestionReviews.id));

export async function suggestionsByIds(db: Db, ids: readonly number[]): Promise<SuggestionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(suggestions)
    .where(inArray(suggestions.id, [...ids]));
}

/** Replaces the unscored reviewers with `keep`'s newcomers; scored reviews stay. */
export async function setReviewers(tx: Db, suggestionId: number, userIds: readonly number[]): Promise<void> {
  await tx
    .delete(suggestionReviews)
    .where(
      and(
        eq(suggestionReviews.suggestionId, suggestionId),
        notInArray(suggestionReviews.reviewerId, [...userIds]),
        sql`${suggestionReviews.scoredAt} is null`,
      ),
    );
  await tx
    .insert(suggestionReviews)
    .values(userIds.map((reviewerId) => ({ suggestionId, reviewerId })))
    .onConflictDoNothing();
}

export async function insertReviews(tx: Db, rows: readonly (typeof suggestionReviews.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(suggestionReviews).values([...rows]);
}

export async function saveScore(
  tx: Db,
  suggestionId: number,
  reviewerId: number,
  patch: { scores: Record<string, string>; total: string; comment: string },
): Promise<void> {
  await tx
    .update(suggestionReviews)
    .set({ ...patch, scoredAt: new Date() })
    .where(and(eq(suggestionReviews.suggestionId, suggestionId), eq(suggestionReviews.reviewerId, reviewerId)));
}

/** How many other ideas of the round hold a reward level now (its quota). */
export async function rewardCount(tx: Db, roundId: number, level: string, exceptId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(suggestions)
    .where(
      and(
        eq(suggestions.roundId, roundId),
        eq(suggestions.rewardLevel, level),
        isNotNull(suggestions.rewardLevel),
        ne(suggestions.id, exceptId),
      ),
    );
  return row?.n ?? 0;
}

/** Counts by proposer unit (null: the public) and by month (Asia/Shanghai) of a round. */
export async function roundCounts(db: Db, roundId: number) {
  const month = sql<string>`to_char(${suggestions.submittedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const byUnit = await db
    .select({
      unitId: suggestions.proposerUnitId,
      n: count(),
      adopted: sql<number>`count(*) filter (where ${suggestions.status} = 'adopted')::int`,
    })
    .from(suggestions)
    .where(eq(suggestions.roundId, roundId))
    .groupBy(suggestions.proposerUnitId);
  const byMonth = await db
    .select({
      month,
      n: count(),
      adopted: sql<number>`count(*) filter (where ${suggestions.status} = 'adopted')::int`,
    })
    .from(suggestions)
    .where(eq(suggestions.roundId, roundId))
    .groupBy(month)
    .orderBy(month);
  return { byUnit, byMonth };
}
