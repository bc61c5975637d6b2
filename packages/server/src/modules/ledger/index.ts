/**
 * The ledger module's face (督查督办): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { defineTarget } from '../../http/access.js';
import { resolveItemParties } from './access.js';

export { ledgerRoutes } from './routes.js';
export { ledgerColourJob } from './daily.js';
export { ledgerTodos } from './todos.js';
export { createItem, type NewItem } from './create.js';
export { closeOutFor, commitmentsOfArena, countsFor, type UnitCloseOut, type UnitLedger } from './queries.js';
/** What waits for a unit head's confirmation of a close-out request (the to-do home). */
export { closeConfirmTodos, type CloseConfirmTodo } from './queries.js';
export type { ItemView } from './views.js';
export { itemsByIds, itemsLedBy } from './people.js';
export {
  closeWithRecord,
  itemAnswers,
  openRectification,
  raterVerdict,
  waiveRectification,
  type ItemAnswer,
  type Rectification,
} from './external.js';

// For the demo seeders, which write a lived-in ledger (events in the past, colours announced) directly.
export { announceColours } from './daily.js';
export { itemFacts } from './facts.js';
export { insertEvent, insertItem, insertSteps } from './repository.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    ledger_item: number;
  }
}

/**
 * A ledger item as an access target: its office's record (docs/levels.md); its parties are its lead unit
 * (`lead`) and its cooperating units (`co`); hidden (404) from whoever may read it as none of them.
 */
export const ledgerItemTarget = defineTarget({
  kind: 'ledger_item',
  noun: '督办事项',
  visibleWith: ['ledger.read'],
  resolve: async (db, id) => {
    const parties = await resolveItemParties(db, id);
    return parties ? { office: parties.office, parties: { lead: parties.lead, co: parties.co } } : null;
  },
});

export const accessTargets = [ledgerItemTarget];
