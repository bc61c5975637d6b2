import { useQuery } from '@tanstack/react-query';
import {
  shiftPeriod,
  type Board,
  type BoardRow,
  type Cell,
  type ReportAction,
  type ReportState,
  type ReportTiming,
  type WarningState,
} from '@leitai/core';

export type { Board, BoardRow, Cell };
import { api } from '../../lib/api';

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

export const useCampaigns = () =>
  useQuery({ queryKey: ['dispatch', 'campaigns'], queryFn: () => api.get<Campaigns>('/dispatch/campaigns') });

/**
 * The dispatch year and the campaign running it (the latest one covering it). Each month reports the
 * month before, so in January the year being dispatched is still last year (December is filed then).
 */
export function useCurrentCampaign() {
  const q = useCampaigns();
  const today = q.data?.today ?? new Date().toISOString().slice(0, 10);
  const year = Number(shiftPeriod(today.slice(0, 7), -1).slice(0, 4));
  const list = q.data?.campaigns ?? [];
  const campaign = [...list].reverse().find((c) => c.startYear <= year && c.endYear >= year) ?? list.at(-1);
  return { ...q, campaign, year, today: q.data?.today, myUnitId: q.data?.unitId };
}

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
  assignments: { unitId: number | null; categoryId: number | null }[];
}
export interface CampaignDetail {
  campaign: Campaign;
  indicators: IndicatorInfo[];
  periods: PeriodInfo[];
}
export const useCampaignDetail = (id: number | undefined, year: number) =>
  useQuery({
    queryKey: ['dispatch', 'campaign', id, year],
    enabled: id !== undefined,
    queryFn: () => api.get<CampaignDetail>(`/dispatch/campaigns/${id}?year=${year}`),
  });

export const boardQuery = (p: {
  period: string;
  categoryId?: number | undefined;
  indicatorId?: number | undefined;
}) => {
  const q = new URLSearchParams({ period: p.period });
  if (p.categoryId) q.set('categoryId', String(p.categoryId));
  if (p.indicatorId) q.set('indicatorId', String(p.indicatorId));
  return q.toString();
};

export const useBoard = (
  campaignId: number | undefined,
  p: { period: string | undefined; categoryId?: number | undefined; indicatorId?: number | undefined },
) =>
  useQuery({
    queryKey: ['dispatch', 'board', campaignId, p],
    enabled: campaignId !== undefined && p.period !== undefined,
    queryFn: () => api.get<Board>(`/dispatch/campaigns/${campaignId}/board?${boardQuery({ ...p, period: p.period! })}`),
  });

export interface TrendSeries {
  indicatorId: number;
  name: string;
  measure: string;
  points: { period: string; actual: string | null; expected: string; state: WarningState }[];
}
export interface UnitOverview {
  campaign: { id: number; name: string };
  unit: { id: number; name: string };
  year: number;
  latest: { period: string; deadline: string; row: BoardRow | null } | null;
  warnings: (Cell & { name: string })[];
  due: {
    period: string;
    deadline: string;
    state: ReportState | 'none';
    timing: ReportTiming;
    returnReason: string | null;
  }[];
  targets: {
    id: number;
    indicatorId: number;
    name: string;
    measure: string;
    base: string;
    stretch: string | null;
    fromPeriod: string | null;
    retiredFrom: string | null;
    confirmed: boolean;
    pendingChange: { base: string; stretch: string | null; reason: string } | null;
  }[];
  periods: { period: string; deadline: string; open: boolean; state: ReportState | 'none'; timing: ReportTiming }[];
  trend: TrendSeries[];
}
export const useUnitOverview = (campaignId: number | undefined, unitId: number | undefined, year: number) =>
  useQuery({
    queryKey: ['dispatch', 'unit', campaignId, unitId, year],
    enabled: campaignId !== undefined && unitId !== undefined,
    queryFn: () => api.get<UnitOverview>(`/dispatch/campaigns/${campaignId}/units/${unitId}/overview?year=${year}`),
  });

export interface ReportFormData {
  period: { period: string; deadline: string; open: boolean };
  unit: { id: number; name: string };
  report: {
    id: number | null;
    state: ReportState;
    version: number;
    progress: string;
    problems: string;
    plans: string;
    returnReason: string | null;
    timing: ReportTiming;
    /** What the viewer may do now, decided on the server by core's allowedReportActions. */
    actions: ReportAction[];
  };
  rows: {
    indicatorId: number;
    name: string;
    measure: string;
    kind: string;
    base: string;
    stretch: string | null;
    previous: string | null;
    value: string | null;
    prefilled: boolean;
    flag: string | null;
  }[];
  files: { id: number; name: string; size: number }[];
  versions: { version: number; action: string; state: string; actorName: string; reason: string | null; at: string }[];
}
export const reportUrl = (campaignId: number, unitId: number) =>
  `/dispatch/campaigns/${campaignId}/units/${unitId}/report`;
export const useReport = (campaignId: number | undefined, unitId: number, period: string) =>
  useQuery({
    queryKey: ['dispatch', 'report', campaignId, unitId, period],
    enabled: campaignId !== undefined,
    queryFn: () => api.get<ReportFormData>(`${reportUrl(campaignId!, unitId)}?period=${period}`),
  });
