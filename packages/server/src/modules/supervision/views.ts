import { can, type Actor, type Supervision, type SupervisionAction } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { instructionsOn, urgesOn, type SubjectKey } from './repository.js';

/**
 * The urges and instructions on one item or report, and what the person looking may do. The caller says
 * whether its own rule lets the office urge now (overdue); the grants say who instructs and answers.
 */
export async function supervisionOf(
  db: Db,
  actor: Actor,
  key: SubjectKey,
  ctx: { unitPath: string; mayUrge: boolean; officePath: string },
): Promise<Supervision<Date>> {
  const [urges, instructions] = await Promise.all([urgesOn(db, key), instructionsOn(db, key)]);
  const answer = can(actor, 'supervision.answer', ctx.unitPath);
  const actions: SupervisionAction[] = [];
  if (ctx.mayUrge && can(actor, 'supervision.urge', { officePath: ctx.officePath, unitPaths: [ctx.unitPath] }))
    actions.push('urge');
  if (can(actor, 'supervision.instruct', ctx.unitPath)) actions.push('instruct');
  return {
    urgeCount: urges.length,
    urges: urges.map((u) => ({ id: u.id, byName: u.byName, at: u.at, message: u.message })),
    instructions: instructions.map((i) => ({
      id: i.id,
      byName: i.byName,
      at: i.at,
      text: i.text,
      answer: i.answer,
      answeredByName: i.answeredByName,
      answeredAt: i.answeredAt,
      canAnswer: answer && i.answeredAt === null,
    })),
    actions,
  };
}
