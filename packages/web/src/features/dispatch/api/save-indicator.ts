import { api } from '../../../lib/api';

/** Adds an indicator to the campaign, or replaces the one with `id`. */
export const saveIndicator = (campaignId: number, id: number | null, indicator: object) =>
  id === null
    ? api.post(`/dispatch/campaigns/${campaignId}/indicators`, indicator)
    : api.put(`/dispatch/campaigns/${campaignId}/indicators/${id}`, indicator);
