/**
 * The arena module's face (擂台赛): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
export { arenaRoutes } from './routes.js';
export { createArena, drawArena } from './setup.js';
export { hostAction } from './host.js';
export { arenaResult } from './result.js';
export { arenaBrief, briefDocument } from './brief.js';
export { commitmentsOf } from './commitments.js';
export { DEFAULT_CRITERIA } from './schema.js';

// For the demo seeders and the authorisation matrix, which stage arenas mid-show or finished directly.
export { hashSecret } from './setup.js';
export { contestantsOf, getArena, judgesOf, listArenas, saveState } from './repo.js';
