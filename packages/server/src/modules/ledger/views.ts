import { itemStatus, type IsoDate, type LedgerItem, type LedgerStep } from '@leitai/core';
import type { Db } from '../../db/client.js';
import {
  arenaTitles,
  stepsOf,
  subItemCounts,
  unitsByIds,
  usersByIds,
  type ItemRow,
  type UnitRef,
} from './repository.js';

/** The shapes are core's contracts; the server builds them with Date timestamps. */
export type StepView = LedgerStep;
export type ItemView = LedgerItem<Date>;

/** Rows to what the API shows: names resolved, colours computed for `today`. */
export async function toViews(
  db: Db,
  rows: ItemRow[],
  today: IsoDate,
  yellowDays: number,
  known?: Map<number, UnitRef>,
): Promise<ItemView[]> {
  const ids = rows.map((r) => r.id);
  const [steps, subCounts, unitMap, userMap, arenaMap] = await Promise.all([
    stepsOf(db, ids),
    subItemCounts(db, ids),
    known ??
      unitsByIds(
        db,
        rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]),
      ),
    usersByIds(
      db,
      rows.flatMap((r) => (r.leaderId ? [r.leaderId] : [])),
    ),
    arenaTitles(
      db,
      rows.flatMap((r) => (r.arenaId ? [r.arenaId] : [])),
    ),
  ]);
  const unitName = (id: number) => ({ id, name: unitMap.get(id)?.name ?? `单位${id}` });
  return rows.map((r) => {
    const st = steps.get(r.id) ?? [];
    const status = itemStatus({
      deadline: r.deadline,
      today,
      closedOn: r.closedOn,
      yellowDays,
      steps: st.map((s) => ({ deadline: s.deadline, doneOn: s.doneOn })),
    });
    const leader = r.leaderId ? userMap.get(r.leaderId) : undefined;
    return {
      id: r.id,
      parentId: r.parentId,
      title: r.title,
      content: r.content,
      source: r.source,
      priority: r.priority,
      tags: r.tags,
      leadUnit: unitName(r.leadUnitId),
      coUnits: r.coUnitIds.map(unitName),
      leader: leader ? { id: leader.id, name: leader.name } : null,
      deadline: r.deadline,
      originalDeadline: r.originalDeadline,
      state: r.state,
      version: r.version,
      createdAt: r.createdAt,
      closedOn: r.closedOn,
      colour: status.colour,
      daysLeft: status.daysLeft,
      daysOverdue: status.daysOverdue,
      steps: st.map((s, i) => ({
        id: s.id,
        seq: s.seq,
        title: s.title,
        deadline: s.deadline,
        doneOn: s.doneOn,
        colour: status.steps[i]!.colour,
        daysOverdue: status.steps[i]!.daysOverdue,
      })),
      subItemCount: subCounts.get(r.id)?.total ?? 0,
      subItemsClosed: subCounts.get(r.id)?.closed ?? 0,
      arena: r.arenaId ? { id: r.arenaId, name: arenaMap.get(r.arenaId) ?? '' } : null,
    };
  });
}
