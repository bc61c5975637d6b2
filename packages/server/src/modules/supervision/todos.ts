import { hasPermission, type Actor, type IsoDate, type TodoSource } from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';
import { unanswered, type InstructionRow } from './repository.js';

/**
 * 批示's to-dos: a leader's instructions still waiting for the unit's answer; a unit's instructions to
 * answer. Each entry opens the item or report where the instruction stands (there is no list page of
 * instructions: the group opens the oldest).
 */
export async function supervisionTodos(db: Db, actor: Actor, _today: IsoDate): Promise<TodoSource[]> {
  const sources: TodoSource[] = [];
  const source = async (kind: string, label: string, rows: InstructionRow[]): Promise<TodoSource> => {
    const names = await units.byIds(
      db,
      rows.map((r) => r.unitId),
    );
    return {
      kind,
      label,
      link: rows[0]?.link ?? '/',
      entries: rows.map((r) => ({
        title: r.what,
        unitName: names.get(r.unitId)?.name ?? null,
        due: null,
        daysOverdue: 0,
        link: r.link,
      })),
    };
  };
  if (hasPermission(actor, 'supervision.instruct'))
    sources.push(await source('supervision.waiting', '批示待回复', await unanswered(db, { leaderId: actor.userId })));
  if (hasPermission(actor, 'supervision.answer'))
    sources.push(
      await source('supervision.to_answer', '待回复的领导批示', await unanswered(db, { unitIds: [actor.unitId] })),
    );
  return sources;
}
