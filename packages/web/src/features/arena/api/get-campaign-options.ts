import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The campaigns an arena's scores may feed (the dispatch list, read by name only). */
export const campaignOptionsKey = ['arena-campaigns'] as const;
export const getCampaignOptions = () => api.get<{ campaigns: { id: number; name: string }[] }>('/dispatch/campaigns');
export const campaignOptionsQuery = () => queryOptions({ queryKey: campaignOptionsKey, queryFn: getCampaignOptions });
