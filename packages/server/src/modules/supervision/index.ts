/**
 * The supervision module's face (催办 and 批示): the records of urges and instructions on ledger items and
 * monthly reports. The ledger and dispatch modules own their subjects' routes and rules and record through
 * here; this module knows no items or reports, so nothing here imports them.
 */
import { defineTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { getInstruction } from './repository.js';

export { supervisionRoutes } from './routes.js';
export { recordInstruction, recordUrge, type Subject } from './service.js';
export { supervisionOf } from './views.js';
export { supervisionTodos } from './todos.js';
export { reportUrgeCounts, urgeCounts, type SubjectKey } from './repository.js';
export { ZInstruct, ZUrge } from './schema.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    instruction: number;
  }
}

/** An instruction as an access target: its unit (who answers it); hidden from who may neither answer nor instruct there. */
export const instructionTarget = defineTarget({
  kind: 'instruction',
  noun: '批示',
  visibleWith: ['supervision.answer', 'supervision.instruct'],
  resolve: async (db, id) => {
    const row = await getInstruction(db, id);
    const path = row ? await units.pathOf(db, row.unitId) : null;
    return path === null ? null : { parties: { unit: [path] } };
  },
});

export const accessTargets = [instructionTarget];
