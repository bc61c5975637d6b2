import { api } from '../../../lib/api';

export interface JudgeCode {
  judgeId: number;
  name: string;
  groupId: string;
  code: string;
}
/** Issues every judge a new join code, or one judge (a lost phone). */
export const issueCodes = (arenaId: number, judgeId?: number) =>
  api.post<{ codes: JudgeCode[] }>(`/arenas/${arenaId}/codes`, judgeId ? { judgeId } : {});
