import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { dispatchKey } from './keys';

export interface TargetRow {
  id: number;
  unitName: string;
  indicatorId: number;
  base: string;
  stretch: string | null;
  pendingChange: { base: string; stretch: string | null; reason: string; byName: string } | null;
}

export const targetsKey = (campaignId: number | undefined, year: number) =>
  [...dispatchKey, 'targets', campaignId, year] as const;
export const getTargets = (campaignId: number, year: number) =>
  api.get<{ targets: TargetRow[] }>(`/dispatch/campaigns/${campaignId}/targets?year=${year}`);
export const targetsQuery = (campaignId: number | undefined, year: number) =>
  queryOptions({
    queryKey: targetsKey(campaignId, year),
    enabled: campaignId !== undefined,
    queryFn: () => getTargets(campaignId!, year),
  });
export const useTargets = (campaignId: number | undefined, year: number) => useQuery(targetsQuery(campaignId, year));
