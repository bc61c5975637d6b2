import { api } from '../../../lib/api';

export interface NewCampaign {
  name: string;
  startYear: number;
  endYear: number;
  copyFromId?: number;
}
/** A new campaign may copy another's indicators; the answer says how many it copied. */
export const createCampaign = (campaign: NewCampaign) =>
  api.post<{ copiedIndicators: number }>('/dispatch/campaigns', { ...campaign, phases: [] });
