import { api } from '../../../lib/api';

/** Opens (or reopens) a reporting month with its filing deadline. */
export const openPeriod = (campaignId: number, period: string, deadline: string) =>
  api.post(`/dispatch/campaigns/${campaignId}/periods`, { period, deadline });
