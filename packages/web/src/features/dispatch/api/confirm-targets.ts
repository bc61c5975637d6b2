import { api } from '../../../lib/api';

/** A unit confirms the year's targets it was set; the answer says how many. */
export const confirmTargets = (campaignId: number, unitId: number, year: number) =>
  api.post<{ confirmed: number }>(`/dispatch/campaigns/${campaignId}/units/${unitId}/targets/confirm`, { year });
