import { api } from '../../../lib/api';

/** Draws the speaking order, from the seed given (or one the server picks). */
export const draw = (arenaId: number, seed: string) =>
  api.post(`/arenas/${arenaId}/draw`, seed.trim() ? { seed: seed.trim() } : {});
