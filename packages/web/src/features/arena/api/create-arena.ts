import type { ArenaKind } from '@leitai/core';
import { api } from '../../../lib/api';

export interface NewArena {
  campaignId: number | null;
  title: string;
  kind: ArenaKind | null;
  heldOn: string;
  speakingSeconds: number;
  criteria: { id: string; max: number }[];
  groups: { id: string; weight: number }[];
  /** A unit, or a person from the cadre register standing for their unit. */
  contestants: ({ unitId: number } | { kind: 'person'; cadreId: number })[];
  /** An outside judge by name (scores with a code), or an account (`userId`: scores signed in). */
  judges: ({ name: string; groupId: string; unitId: number | null } | { userId: number; groupId: string })[];
}
export const createArena = (arena: NewArena) => api.post<{ id: number }>('/arenas', arena);
