import { api } from '../../../lib/api';

export interface NewArena {
  campaignId: number | null;
  title: string;
  heldOn: string;
  speakingSeconds: number;
  groups: { id: string; weight: number }[];
  contestants: { unitId: number }[];
  judges: { name: string; groupId: string; unitId: number | null }[];
}
export const createArena = (arena: NewArena) => api.post<{ id: number }>('/arenas', arena);
