import { api } from '../../../lib/api';
import type { Robot } from './get-robots';

export interface RobotInput {
  unitId: number;
  kind: 'wecom' | 'dingtalk';
  name: string;
  webhook: string;
  secret?: string | null;
  keywords: string[];
  enabled: boolean;
}

export const createRobot = (input: RobotInput) => api.post<Robot>('/delivery/robots', input);
/** Omitted webhook or secret: unchanged on the server (the web never holds them). */
export const updateRobot = (id: number, patch: Partial<Omit<RobotInput, 'unitId' | 'kind'>>) =>
  api.patch<Robot>(`/delivery/robots/${id}`, patch);
export const deleteRobot = (id: number) => api.delete<{ ok: true }>(`/delivery/robots/${id}`);
