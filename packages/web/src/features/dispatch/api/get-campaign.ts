import type { DerivedFigure } from '@leitai/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Campaign } from './get-campaigns';
import { dispatchKey } from './keys';

export interface PeriodInfo {
  period: string;
  deadline: string;
  open: boolean;
  reopenCount: number;
}
export interface IndicatorInfo {
  id: number;
  name: string;
  measure: string;
  kind: 'cumulative' | 'rate' | 'growth';
  retiredFrom: string | null;
  lowerIsBetter: boolean;
  rule:
    | { kind: 'pointsBehind'; yellowFromPoints: string; redFromPoints: string }
    | { kind: 'ratio'; redBelowRatio: string };
  profile: { kind: 'linear' } | { kind: 'seasonal'; cumulative: string[] };
  weight: string;
  /** A sum of the project register, derived in the monthly form (core DERIVED_FIGURES). */
  derivedFrom: DerivedFigure | null;
  assignments: { unitId: number | null; categoryId: number | null }[];
}
export interface CampaignDetail {
  campaign: Campaign;
  indicators: IndicatorInfo[];
  periods: PeriodInfo[];
}

export const campaignKey = (id: number | undefined, year: number) => [...dispatchKey, 'campaign', id, year] as const;
export const getCampaign = (id: number, year: number) =>
  api.get<CampaignDetail>(`/dispatch/campaigns/${id}?year=${year}`);
export const campaignQuery = (id: number | undefined, year: number) =>
  queryOptions({
    queryKey: campaignKey(id, year),
    enabled: id !== undefined,
    queryFn: () => getCampaign(id!, year),
  });
export const useCampaignDetail = (id: number | undefined, year: number) => useQuery(campaignQuery(id, year));
