import type { CategoryLines } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { publishedEvaluations, snapshotById, versionsOf } from './repository.js';

/** One published result of a unit: as the rank history reads it, with the grade. */
export interface UnitGrade {
  evaluationId: number;
  name: string;
  periodFrom: string;
  periodTo: string;
  unitId: number;
  rank: number;
  of: number;
  grade: string | null;
  totalShown: string;
}

/**
 * The published grades and ranks of these units (公示 or final, the latest version), for a cadre's record:
 * the units they led, by period. No access check: the record's own rule (core's mayReadCadreRecord) decided.
 */
export async function gradesOfUnits(db: Db, unitIds: Iterable<number>): Promise<UnitGrade[]> {
  const wanted = new Set([...unitIds].map(String));
  const out: UnitGrade[] = [];
  for (const e of await publishedEvaluations(db)) {
    if (e.state !== 'comment' && e.state !== 'final') continue;
    const last = (await versionsOf(db, e.id)).at(-1);
    const snap = last ? await snapshotById(db, last.snapshotId) : undefined;
    for (const cat of (snap?.result as CategoryLines[] | undefined) ?? [])
      for (const line of cat.units)
        if (wanted.has(line.unitId))
          out.push({
            evaluationId: e.id,
            name: e.name,
            periodFrom: e.periodFrom,
            periodTo: e.periodTo,
            unitId: Number(line.unitId),
            rank: line.rank,
            of: cat.units.length,
            grade: line.grade ?? null,
            totalShown: line.totalShown,
          });
  }
  return out.sort((a, b) =>
    a.periodTo < b.periodTo ? 1 : a.periodTo > b.periodTo ? -1 : a.evaluationId - b.evaluationId,
  );
}
