import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { RecordFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { benchmarkFigures, benchmarkModels } from '../../db/schema/index.js';
import { recordScopeSql } from '../../db/scope.js';

/** All SQL of 对标. */
export type FigureRow = typeof benchmarkFigures.$inferSelect;
export type NewFigure = typeof benchmarkFigures.$inferInsert;

export const figuresIn = (db: Db, filter: RecordFilter): Promise<FigureRow[]> =>
  db
    .select()
    .from(benchmarkFigures)
    .where(recordScopeSql(filter, benchmarkFigures.officeUnitId, []))
    .orderBy(asc(benchmarkFigures.id));

export const figuresOf = (db: Db, officeUnitId: number): Promise<FigureRow[]> =>
  db
    .select()
    .from(benchmarkFigures)
    .where(eq(benchmarkFigures.officeUnitId, officeUnitId))
    .orderBy(asc(benchmarkFigures.id));

/** An office's figures replaced by a new sheet, whole (the import is the office's one source). */
export async function replaceFigures(tx: Db, officeUnitId: number, rows: readonly NewFigure[]): Promise<void> {
  await tx.delete(benchmarkFigures).where(eq(benchmarkFigures.officeUnitId, officeUnitId));
  if (rows.length > 0) await tx.insert(benchmarkFigures).values([...rows]);
}

export type ModelRow = typeof benchmarkModels.$inferSelect;

const unitIs = (unitId: number | null) =>
  unitId === null ? isNull(benchmarkModels.unitId) : eq(benchmarkModels.unitId, unitId);

/** The 学赶对象 of every unit (and of the region) of these offices. */
export const modelsOf = (db: Db, officeUnitIds: readonly number[]): Promise<ModelRow[]> =>
  officeUnitIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(benchmarkModels)
        .where(inArray(benchmarkModels.officeUnitId, [...officeUnitIds]));

export async function modelOf(db: Db, officeUnitId: number, unitId: number | null): Promise<ModelRow | undefined> {
  const [row] = await db
    .select()
    .from(benchmarkModels)
    .where(and(eq(benchmarkModels.officeUnitId, officeUnitId), unitIs(unitId)));
  return row;
}

/** Sets (or replaces) one unit's 学赶对象. */
export async function setModel(
  tx: Db,
  row: { officeUnitId: number; unitId: number | null; subject: string; chosenBy: number | null },
): Promise<void> {
  await tx.delete(benchmarkModels).where(and(eq(benchmarkModels.officeUnitId, row.officeUnitId), unitIs(row.unitId)));
  await tx.insert(benchmarkModels).values(row);
}
