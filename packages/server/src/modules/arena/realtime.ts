import type { RealtimeTopic } from '../../realtime/index.js';
import { liveSnapshot } from './live.js';
import { arenaTopic } from './setup.js';

/** The live arena ('arena:<id>'): the big screen, the host console and the judges' phones follow it. */
export const arenaRealtime: RealtimeTopic = {
  prefix: 'arena',
  load: async (db, id) => {
    const arenaId = Number(id);
    return Number.isInteger(arenaId) ? { event: 'state', data: await liveSnapshot(db, arenaId) } : null;
  },
  topicsOf: (event) => (event.type.startsWith('arena.') && 'arenaId' in event ? [arenaTopic(event.arenaId)] : []),
};
