import { api } from '../../../lib/api';

export const recordCommitment = (arenaId: number, c: { contestantId: number; title: string; deadline: string }) =>
  api.post(`/arenas/${arenaId}/commitments`, c);
