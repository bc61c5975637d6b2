import { api } from '../../../lib/api';

export const closePeriod = (campaignId: number, period: string) =>
  api.post(`/dispatch/campaigns/${campaignId}/periods/${period}/close`);
