import { api } from '../../../lib/api';

/** Retires an indicator from a month on, or (null) brings it back. */
export const retireIndicator = (campaignId: number, indicatorId: number, retiredFrom: string | null) =>
  api.post(`/dispatch/campaigns/${campaignId}/indicators/${indicatorId}/retire`, { retiredFrom });
