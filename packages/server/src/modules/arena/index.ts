/**
 * The arena module's face (擂台赛): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { DISTRICT_PATH, defineTarget } from '../../http/access.js';
import { contestantsOf, findArena } from './repo.js';

export { arenaRoutes } from './routes.js';
export { createArena, drawArena } from './setup.js';
export { hostAction } from './host.js';
export { arenaResult } from './result.js';
export { arenaStandings, type ArenaStanding } from './standing.js';
export { arenaBrief, briefDocument } from './brief.js';
export { commitmentsOf } from './commitments.js';

// For the demo seeders and the authorisation matrix, which stage arenas mid-show or finished directly.
export { hashSecret } from './setup.js';
export { contestantsOf, getArena, judgesOf, listArenas, saveState } from './repo.js';

// The live topic ('arena:<id>') the realtime hub serves (realtime/).
export { arenaRealtime } from './realtime.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    arena: number;
  }
}

/**
 * An arena as an access target. It is the district's event, not a unit's (`arena`: the district
 * path, which only district-wide grants reach); its contestants' units are its other party.
 */
export const arenaTarget = defineTarget({
  kind: 'arena',
  noun: '擂台赛',
  visibleWith: ['arena.read', 'arena.manage'],
  resolve: async (db, id) =>
    (await findArena(db, id))
      ? { parties: { arena: [DISTRICT_PATH], contestant: (await contestantsOf(db, id)).map((c) => c.unitPath) } }
      : null,
});

export const accessTargets = [arenaTarget];
