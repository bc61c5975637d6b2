import type { Actor, IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid, type ImportProblem } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import { FIELD_LABELS, insertItems, newItemProblems, validationContext, type NewItem } from './create.js';
import { readImport } from './excel.js';
import { allUnits, leaders } from './repository.js';

const COLUMN_OF: Record<keyof NewItem, string> = {
  ...FIELD_LABELS,
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  leaderId: '责任领导',
};

/** 批量交办 from the template: every row valid or nothing written, problems by row and column. */
export async function importItems(
  db: Db,
  actor: Actor,
  who: AuditActor,
  buffer: Buffer,
  today: IsoDate,
): Promise<{ created: number; ids: number[] }> {
  const [units, leaderRows] = await Promise.all([allUnits(db), leaders(db)]);
  const unitKey = new Map<string, number>();
  for (const u of units.filter((x) => x.active)) {
    unitKey.set(u.name, u.id);
    unitKey.set(u.code, u.id);
  }
  const leaderKey = new Map<string, number>();
  for (const l of leaderRows) {
    leaderKey.set(l.username, l.id);
    leaderKey.set(l.name, l.id);
  }
  const read = await readImport(buffer, { unitByKey: (k) => unitKey.get(k), leaderByKey: (k) => leaderKey.get(k) });
  const problems: ImportProblem[] = [...read.problems];
  const ctx = await validationContext(db, read.items, today);
  read.items.forEach((item, i) => {
    const row = read.rows[i]!;
    for (const p of newItemProblems(item, ctx)) {
      const column = COLUMN_OF[p.field];
      // The reader already named a missing unit or a malformed date in this cell.
      if (!problems.some((q) => q.row === row && q.column === column))
        problems.push({ row, column, message: p.message });
    }
  });
  if (problems.length > 0) throw importInvalid(problems.sort((a, b) => a.row - b.row));
  const rows = await db.transaction((tx) => insertItems(tx, actor, who, read.items));
  return { created: rows.length, ids: rows.map((r) => r.id) };
}
