/**
 * The arena module's face (擂台赛): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { DISTRICT_PATH, defineTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { contestantsOf, findArena } from './repo.js';

export { arenaRoutes } from './routes.js';
export { arenaTodos } from './todos.js';
export { createArena, drawArena } from './setup.js';
export { hostAction } from './host.js';
export { arenaResult } from './result.js';
export { arenaStandings, type ArenaStanding } from './standing.js';
export { arenaBrief, briefDocument } from './brief.js';
export { commitmentsOf, recordCommitment } from './commitments.js';
export { cadreOnStage, type Appearance } from './people.js';

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
 * An arena as an access target. It is its office's event, not a unit's: the office's organisers run it,
 * the offices above and the units under the office read it (docs/levels.md); its contestants' units are
 * its party.
 */
export const arenaTarget = defineTarget({
  kind: 'arena',
  noun: '擂台赛',
  visibleWith: ['arena.read', 'arena.manage'],
  resolve: async (db, id) => {
    const row = await findArena(db, id);
    if (!row) return null;
    return {
      office: (await units.pathOf(db, row.officeUnitId)) ?? DISTRICT_PATH,
      parties: { contestant: (await contestantsOf(db, id)).map((c) => c.unitPath) },
    };
  },
});

export const accessTargets = [arenaTarget];
