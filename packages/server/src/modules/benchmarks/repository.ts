import { asc, eq } from 'drizzle-orm';
import type { RecordFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { benchmarkFigures } from '../../db/schema/index.js';
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
