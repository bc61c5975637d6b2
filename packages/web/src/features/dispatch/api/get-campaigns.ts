import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { shiftPeriod } from '@leitai/core';
import { api } from '../../../lib/api';
import { dispatchKey } from './keys';

export interface Campaign {
  id: number;
  name: string;
  startYear: number;
  endYear: number;
  phases: { name: string; from: string; to: string }[];
}
export interface Campaigns {
  today: string;
  unitId: number;
  campaigns: Campaign[];
}

export const campaignsKey = [...dispatchKey, 'campaigns'] as const;
export const getCampaigns = () => api.get<Campaigns>('/dispatch/campaigns');
export const campaignsQuery = () => queryOptions({ queryKey: campaignsKey, queryFn: getCampaigns });
export const useCampaigns = () => useQuery(campaignsQuery());

/**
 * The dispatch year and the campaign running it (the latest one covering it). Each month reports the
 * month before, so in January the year being dispatched is still last year (December is filed then).
 */
export function useCurrentCampaign() {
  const q = useCampaigns();
  // A link may name the campaign (?campaign=, the home page's to-dos); else the one running the year.
  const named = Number(useSearchParams()[0].get('campaign'));
  const today = q.data?.today ?? new Date().toISOString().slice(0, 10);
  const year = Number(shiftPeriod(today.slice(0, 7), -1).slice(0, 4));
  const list = q.data?.campaigns ?? [];
  const campaign =
    list.find((c) => c.id === named) ??
    [...list].reverse().find((c) => c.startYear <= year && c.endYear >= year) ??
    list.at(-1);
  return { ...q, campaign, year, today: q.data?.today, myUnitId: q.data?.unitId };
}
