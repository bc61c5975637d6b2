import { can, urgeProblem, type Actor, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { forbidden, invalidState, notFound } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import * as supervision from '../supervision/index.js';
import { lockItem, unitsByIds, type ItemRow } from './repository.js';
import { ledgerSettings } from './settings.js';
import { toViews } from './views.js';

/** The item as an urge or an instruction names it: its lead unit is the one pressed. */
const subjectOf = (item: ItemRow): supervision.Subject => ({
  subject: 'ledger_item',
  key: { ledgerItemId: item.id },
  unitId: item.leadUnitId,
  what: item.title,
  link: `/ledger/items/${item.id}`,
});

/** Whether the office may urge the item now (core's rule on today's colour). */
export async function urgeFactsProblem(db: Db, item: ItemRow, today: IsoDate): Promise<string | null> {
  const { yellowDays } = await ledgerSettings(db);
  const [view] = await toViews(db, [item], today, yellowDays);
  return urgeProblem({
    subject: 'ledger_item',
    closed: item.state === 'closed',
    daysOverdue: view?.colour === 'red' ? view.daysOverdue : 0,
  });
}

/** 催办 an overdue item (the route checked the office's grant): recorded, the lead unit told, audited. */
export async function urgeItem(db: Db, actor: Actor, who: AuditActor, id: number, message: string, today: IsoDate) {
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    if (!item) throw notFound('督办事项');
    const problem = await urgeFactsProblem(tx, item, today);
    if (problem) throw invalidState(problem);
    const row = await supervision.recordUrge(tx, actor, who, subjectOf(item), message);
    return { id: row.id };
  });
}

/** 批示 on an item (the route checked the leader oversees one of its units): the lead unit is told, audited. */
export async function instructItem(db: Db, actor: Actor, who: AuditActor, id: number, text: string) {
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    if (!item) throw notFound('督办事项');
    // The lead unit answers, so it is the lead unit the leader must oversee (a co-unit alone is not enough).
    const lead = (await unitsByIds(tx, [item.leadUnitId])).get(item.leadUnitId)?.path ?? '#';
    if (!can(actor, 'supervision.instruct', lead)) throw forbidden('只能对分管单位牵头的事项作出批示');
    const row = await supervision.recordInstruction(tx, actor, who, subjectOf(item), text);
    return { id: row.id };
  });
}
