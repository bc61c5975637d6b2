import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BoardRow, Cell, ReportState, ReportTiming, WarningState } from '@leitai/core';
import { api } from '../../../lib/api';
import { dispatchKey } from './keys';

export interface TrendSeries {
  indicatorId: number;
  name: string;
  measure: string;
  /** Six-place figures, and `shown`: two places rounded once from the exact values (what the chart plots). */
  points: {
    period: string;
    actual: string | null;
    expected: string;
    shown: { actual: string | null; expected: string };
    state: WarningState;
  }[];
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

export const unitOverviewKey = (campaignId: number | undefined, unitId: number | undefined, year: number) =>
  [...dispatchKey, 'unit', campaignId, unitId, year] as const;
export const getUnitOverview = (campaignId: number, unitId: number, year: number) =>
  api.get<UnitOverview>(`/dispatch/campaigns/${campaignId}/units/${unitId}/overview?year=${year}`);
export const unitOverviewQuery = (campaignId: number | undefined, unitId: number | undefined, year: number) =>
  queryOptions({
    queryKey: unitOverviewKey(campaignId, unitId, year),
    enabled: campaignId !== undefined && unitId !== undefined,
    queryFn: () => getUnitOverview(campaignId!, unitId!, year),
  });
export const useUnitOverview = (campaignId: number | undefined, unitId: number | undefined, year: number) =>
  useQuery(unitOverviewQuery(campaignId, unitId, year));
