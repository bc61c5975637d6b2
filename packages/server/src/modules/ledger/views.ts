import { itemStatus, type IsoDate, type LedgerColour } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { stepsOf, subItemCounts, unitsByIds, usersByIds, type ItemRow, type UnitRef } from './repository.js';

export interface StepView {
  id: number;
  seq: number;
  title: string;
  deadline: string;
  doneOn: string | null;
  colour: LedgerColour;
  daysOverdue: number;
}

export interface ItemView {
  id: number;
  parentId: number | null;
  title: string;
  content: string;
  source: string;
  priority: string;
  tags: string[];
  leadUnit: { id: number; name: string };
  coUnits: { id: number; name: string }[];
  leader: { id: number; name: string } | null;
  deadline: string;
  originalDeadline: string;
  state: string;
  version: number;
  createdAt: Date;
  closedOn: string | null;
  colour: LedgerColour;
  daysLeft: number | null;
  daysOverdue: number;
  steps: StepView[];
  subItemCount: number;
}

/** Rows to what the API shows: names resolved, colours computed for `today`. */
export async function toViews(db: Db, rows: ItemRow[], today: IsoDate, yellowDays: number, known?: Map<number, UnitRef>): Promise<ItemView[]> {
  const ids = rows.map((r) => r.id);
  const [steps, subCounts, unitMap, userMap] = await Promise.all([
    stepsOf(db, ids),
    subItemCounts(db, ids),
    known ?? unitsByIds(db, rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds])),
    usersByIds(db, rows.flatMap((r) => (r.leaderId ? [r.leaderId] : []))),
  ]);
  const unitName = (id: number) => ({ id, name: unitMap.get(id)?.name ?? `单位${id}` });
  return rows.map((r) => {
    const st = steps.get(r.id) ?? [];
    const status = itemStatus({ deadline: r.deadline, today, closedOn: r.closedOn, yellowDays, steps: st.map((s) => ({ deadline: s.deadline, doneOn: s.doneOn })) });
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
      steps: st.map((s, i) => ({ id: s.id, seq: s.seq, title: s.title, deadline: s.deadline, doneOn: s.doneOn, colour: status.steps[i]!.colour, daysOverdue: status.steps[i]!.daysOverdue })),
      subItemCount: subCounts.get(r.id) ?? 0,
    };
  });
}
