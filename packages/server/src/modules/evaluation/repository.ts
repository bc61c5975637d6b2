import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  evaluationAdjustments,
  evaluationAppeals,
  evaluationReviewAnswers,
  evaluationReviewInvites,
  evaluationSchemes,
  evaluationSnapshots,
  evaluationVersions,
  evaluations,
} from '../../db/schema/index.js';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type SnapshotRow = typeof evaluationSnapshots.$inferSelect;
export type VersionRow = typeof evaluationVersions.$inferSelect;
export type AppealRow = typeof evaluationAppeals.$inferSelect;

export async function findEvaluation(db: Db, id: number, lock = false): Promise<EvaluationRow | undefined> {
  const q = db.select().from(evaluations).where(eq(evaluations.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const listEvaluationRows = (db: Db): Promise<EvaluationRow[]> =>
  db.select().from(evaluations).orderBy(desc(evaluations.periodTo), desc(evaluations.id));

export async function insertEvaluation(tx: Db, row: typeof evaluations.$inferInsert): Promise<EvaluationRow> {
  const [r] = await tx.insert(evaluations).values(row).returning();
  return r!;
}

export async function updateEvaluation(
  tx: Db,
  id: number,
  fields: Partial<Pick<EvaluationRow, 'state' | 'schemeVersion' | 'snapshotId' | 'commentUntil'>>,
): Promise<void> {
  await tx.update(evaluations).set(fields).where(eq(evaluations.id, id));
}

export async function schemeOf(db: Db, evaluationId: number, version: number) {
  const [row] = await db
    .select()
    .from(evaluationSchemes)
    .where(and(eq(evaluationSchemes.evaluationId, evaluationId), eq(evaluationSchemes.version, version)));
  return row;
}

export async function insertScheme(tx: Db, row: typeof evaluationSchemes.$inferInsert): Promise<void> {
  await tx.insert(evaluationSchemes).values(row);
}

/** Stores a snapshot; answers only its id and hashes (sending megabytes of inputs back would double the write). */
export async function insertSnapshot(
  tx: Db,
  row: typeof evaluationSnapshots.$inferInsert,
): Promise<Pick<SnapshotRow, 'id' | 'inputHash' | 'resultHash'>> {
  const [r] = await tx.insert(evaluationSnapshots).values(row).returning({
    id: evaluationSnapshots.id,
    inputHash: evaluationSnapshots.inputHash,
    resultHash: evaluationSnapshots.resultHash,
  });
  return r!;
}

export async function snapshotById(db: Db, id: number): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(evaluationSnapshots).where(eq(evaluationSnapshots.id, id));
  return row;
}

export const versionsOf = (db: Db, evaluationId: number): Promise<VersionRow[]> =>
  db
    .select()
    .from(evaluationVersions)
    .where(eq(evaluationVersions.evaluationId, evaluationId))
    .orderBy(asc(evaluationVersions.version));

export async function insertVersion(tx: Db, row: typeof evaluationVersions.$inferInsert): Promise<VersionRow> {
  const [r] = await tx.insert(evaluationVersions).values(row).returning();
  return r!;
}

export const appealsOf = (db: Db, evaluationId: number): Promise<AppealRow[]> =>
  db
    .select()
    .from(evaluationAppeals)
    .where(eq(evaluationAppeals.evaluationId, evaluationId))
    .orderBy(asc(evaluationAppeals.id));

export async function appealById(db: Db, id: number, lock = false): Promise<AppealRow | undefined> {
  const q = db.select().from(evaluationAppeals).where(eq(evaluationAppeals.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertAppeal(tx: Db, row: typeof evaluationAppeals.$inferInsert): Promise<AppealRow> {
  const [r] = await tx.insert(evaluationAppeals).values(row).returning();
  return r!;
}

export async function updateAppeal(
  tx: Db,
  id: number,
  fields: Partial<Omit<AppealRow, 'id' | 'evaluationId' | 'unitId' | 'filedBy' | 'filedAt'>>,
): Promise<void> {
  await tx.update(evaluationAppeals).set(fields).where(eq(evaluationAppeals.id, id));
}

/** Published (comment or final) evaluations, oldest first: the rank history. */
export const publishedEvaluations = (db: Db): Promise<EvaluationRow[]> =>
  db.select().from(evaluations).where(ne(evaluations.state, 'draft')).orderBy(asc(evaluations.periodTo));

export type AdjustmentRow = typeof evaluationAdjustments.$inferSelect;

export const adjustmentsOf = (db: Db, evaluationId: number): Promise<AdjustmentRow[]> =>
  db
    .select()
    .from(evaluationAdjustments)
    .where(eq(evaluationAdjustments.evaluationId, evaluationId))
    .orderBy(asc(evaluationAdjustments.id));

export async function adjustmentById(db: Db, id: number, lock = false): Promise<AdjustmentRow | undefined> {
  const q = db.select().from(evaluationAdjustments).where(eq(evaluationAdjustments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertAdjustment(tx: Db, row: typeof evaluationAdjustments.$inferInsert): Promise<AdjustmentRow> {
  const [r] = await tx.insert(evaluationAdjustments).values(row).returning();
  return r!;
}

export async function updateAdjustment(
  tx: Db,
  id: number,
  fields: Pick<AdjustmentRow, 'state' | 'steps'> &
    Partial<Pick<AdjustmentRow, 'decision' | 'decidedBy' | 'decidedAt' | 'verifiedBy'>>,
): Promise<void> {
  await tx.update(evaluationAdjustments).set(fields).where(eq(evaluationAdjustments.id, id));
}

export async function insertInvites(tx: Db, rows: (typeof evaluationReviewInvites.$inferInsert)[]): Promise<void> {
  await tx.insert(evaluationReviewInvites).values(rows);
}

export const invitesOf = (db: Db, evaluationId: number) =>
  db
    .select({ groupId: evaluationReviewInvites.groupId, used: evaluationReviewInvites.used })
    .from(evaluationReviewInvites)
    .where(eq(evaluationReviewInvites.evaluationId, evaluationId));

export async function inviteByHash(db: Db, codeHash: string, lock = false) {
  const q = db.select().from(evaluationReviewInvites).where(eq(evaluationReviewInvites.codeHash, codeHash));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function markInviteUsed(tx: Db, id: number): Promise<void> {
  await tx.update(evaluationReviewInvites).set({ used: true }).where(eq(evaluationReviewInvites.id, id));
}

export async function insertAnswers(tx: Db, rows: (typeof evaluationReviewAnswers.$inferInsert)[]): Promise<void> {
  await tx.insert(evaluationReviewAnswers).values(rows);
}

export const answerTotals = (db: Db, evaluationId: number, unitIds: number[]) =>
  db
    .select({
      unitId: evaluationReviewAnswers.unitId,
      groupId: evaluationReviewAnswers.groupId,
      total: evaluationReviewAnswers.total,
    })
    .from(evaluationReviewAnswers)
    .where(
      and(eq(evaluationReviewAnswers.evaluationId, evaluationId), inArray(evaluationReviewAnswers.unitId, unitIds)),
    );
