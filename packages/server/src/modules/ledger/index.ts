/**
 * The ledger module's face (督查督办): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
export { ledgerRoutes } from './routes.js';
export { ledgerColourJob } from './daily.js';
export { createItem, type NewItem } from './create.js';
export { commitmentsOfArena, countsFor, type UnitLedger } from './queries.js';
export type { ItemView } from './views.js';

// For the demo seeders, which write a lived-in ledger (events in the past, colours announced) directly.
export { announceColours } from './daily.js';
export { itemFacts } from './facts.js';
export { insertEvent, insertItem, insertSteps } from './repository.js';
