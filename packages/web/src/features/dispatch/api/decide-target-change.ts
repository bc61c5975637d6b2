import { api } from '../../../lib/api';

export const decideTargetChange = (targetId: number, approve: boolean) =>
  api.post(`/dispatch/targets/${targetId}/decision`, { approve });
