import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The accounts under the actor's office that may be picked as judges. */
export interface JudgeOption {
  id: number;
  name: string;
  username: string;
  unitId: number;
  unitName: string;
}
export const judgeOptionsKey = ['arena-judge-accounts'] as const;
export const getJudgeOptions = () => api.get<JudgeOption[]>('/arenas/options/judges');
export const judgeOptionsQuery = () => queryOptions({ queryKey: judgeOptionsKey, queryFn: getJudgeOptions });
