import { api } from '../../../lib/api';

export type HostAction =
  | { type: 'start' | 'call' | 'timerStart' | 'timerStop' | 'timerReset' | 'open' | 'close' | 'reveal' | 'finish' }
  | { type: 'reopen'; contestantId: number; reason: string }
  | { type: 'absent' | 'present'; judgeId: number; contestantId?: number };

/** One audited host action; the new state arrives over the event stream. */
export const hostAction = (arenaId: number, action: HostAction) => api.post(`/arenas/${arenaId}/host`, action);
