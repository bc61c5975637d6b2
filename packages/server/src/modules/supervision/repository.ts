import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { instructions, urges } from '../../db/schema/index.js';

export type UrgeRow = typeof urges.$inferSelect;
export type InstructionRow = typeof instructions.$inferSelect;

/** What an urge or an instruction is on: a ledger item, or a month's report of a unit. */
export type SubjectKey = { ledgerItemId: number } | { periodId: number; unitId: number };

const urgeOn = (k: SubjectKey): SQL =>
  'ledgerItemId' in k
    ? eq(urges.ledgerItemId, k.ledgerItemId)
    : and(eq(urges.periodId, k.periodId), eq(urges.unitId, k.unitId), eq(urges.subject, 'report'))!;
const instructionOn = (k: SubjectKey): SQL =>
  'ledgerItemId' in k
    ? eq(instructions.ledgerItemId, k.ledgerItemId)
    : and(
        eq(instructions.periodId, k.periodId),
        eq(instructions.unitId, k.unitId),
        eq(instructions.subject, 'report'),
      )!;

export async function insertUrge(tx: Db, values: typeof urges.$inferInsert): Promise<UrgeRow> {
  const [row] = await tx.insert(urges).values(values).returning();
  return row!;
}

export async function urgesOn(db: Db, k: SubjectKey): Promise<UrgeRow[]> {
  return db.select().from(urges).where(urgeOn(k)).orderBy(desc(urges.id));
}

/** Urges per unit (and per ledger item) in [from, to) of one subject: what a bulletin counts. */
export async function urgeCounts(
  db: Db,
  subject: 'ledger_item' | 'report',
  from: Date,
  to: Date,
): Promise<{ unitId: number; ledgerItemId: number | null; count: number }[]> {
  return db
    .select({ unitId: urges.unitId, ledgerItemId: urges.ledgerItemId, count: count() })
    .from(urges)
    .where(and(eq(urges.subject, subject), gte(urges.at, from), lt(urges.at, to)))
    .groupBy(urges.unitId, urges.ledgerItemId);
}

export async function insertInstruction(tx: Db, values: typeof instructions.$inferInsert): Promise<InstructionRow> {
  const [row] = await tx.insert(instructions).values(values).returning();
  return row!;
}

export async function instructionsOn(db: Db, k: SubjectKey): Promise<InstructionRow[]> {
  return db.select().from(instructions).where(instructionOn(k)).orderBy(asc(instructions.id));
}

export async function lockInstruction(tx: Db, id: number): Promise<InstructionRow | undefined> {
  const [row] = await tx.select().from(instructions).where(eq(instructions.id, id)).for('update');
  return row;
}

export async function getInstruction(db: Db, id: number): Promise<InstructionRow | undefined> {
  const [row] = await db.select().from(instructions).where(eq(instructions.id, id));
  return row;
}

export async function saveAnswer(
  tx: Db,
  id: number,
  answer: { text: string; byUserId: number; byName: string },
): Promise<InstructionRow> {
  const [row] = await tx
    .update(instructions)
    .set({ answer: answer.text, answeredBy: answer.byUserId, answeredByName: answer.byName, answeredAt: sql`now()` })
    .where(eq(instructions.id, id))
    .returning();
  return row!;
}

/** Instructions not yet answered: those a leader wrote, or those on some units. */
export async function unanswered(db: Db, by: { leaderId: number } | { unitIds: number[] }): Promise<InstructionRow[]> {
  const who = 'leaderId' in by ? eq(instructions.byUserId, by.leaderId) : inArray(instructions.unitId, by.unitIds);
  if ('unitIds' in by && by.unitIds.length === 0) return [];
  return db
    .select()
    .from(instructions)
    .where(and(who, isNull(instructions.answeredAt)))
    .orderBy(asc(instructions.at), asc(instructions.id));
}

/** 催报 of one month, per unit (a month's bulletin counts them whenever they were sent). */
export async function reportUrgeCounts(db: Db, periodId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ unitId: urges.unitId, count: count() })
    .from(urges)
    .where(and(eq(urges.subject, 'report'), eq(urges.periodId, periodId)))
    .groupBy(urges.unitId);
  return new Map(rows.map((r) => [r.unitId, r.count]));
}
