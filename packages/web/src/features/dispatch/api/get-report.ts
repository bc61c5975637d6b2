import type { DerivedFigure } from '@leitai/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  IndicatorKind,
  PaceProfileInput,
  ReportAction,
  ReportState,
  ReportTiming,
  Supervision,
  WarningRule,
} from '@leitai/core';
import { api } from '../../../lib/api';
import { dispatchKey } from './keys';

export interface ReportFormData {
  period: { period: string; deadline: string; open: boolean };
  unit: { id: number; name: string };
  report: {
    id: number | null;
    state: ReportState;
    /** What the viewer may do with the report now (core's allowedReportActions, served with the form). */
    actions: ReportAction[];
    version: number;
    progress: string;
    problems: string;
    plans: string;
    returnReason: string | null;
    /** The indicators the office's return points at (退回指出). */
    returnFields: number[];
    timing: ReportTiming;
  };
  rows: {
    indicatorId: number;
    name: string;
    measure: string;
    kind: IndicatorKind;
    /** What core's paceWarning needs besides the figure: the form lights a typed figure as the board will. */
    lowerIsBetter: boolean;
    profile: PaceProfileInput;
    rule: WarningRule;
    base: string;
    stretch: string | null;
    previous: string | null;
    value: string | null;
    prefilled: boolean;
    /** Summed from the register (the server derives it; the form shows it read-only). */
    derivedFrom: DerivedFigure | null;
    flag: string | null;
  }[];
  files: { id: number; name: string; size: number }[];
  /** Other features' parts of the form, by key (the projects' month), drawn by their components. */
  sections: Record<string, unknown>;
  versions: { version: number; action: string; state: string; actorName: string; reason: string | null; at: string }[];
  /** 催办 and 批示 on the month, and whether the viewer may urge or instruct. */
  supervision: Supervision | null;
}

/** A unit's report route; the form, the Excel template and import, and submitting all hang off it. */
export const reportUrl = (campaignId: number, unitId: number) =>
  `/dispatch/campaigns/${campaignId}/units/${unitId}/report`;

export const reportKey = (campaignId: number | undefined, unitId: number, period: string) =>
  [...dispatchKey, 'report', campaignId, unitId, period] as const;
export const getReport = (campaignId: number, unitId: number, period: string) =>
  api.get<ReportFormData>(`${reportUrl(campaignId, unitId)}?period=${period}`);
export const reportQuery = (campaignId: number | undefined, unitId: number, period: string) =>
  queryOptions({
    queryKey: reportKey(campaignId, unitId, period),
    enabled: campaignId !== undefined,
    queryFn: () => getReport(campaignId!, unitId, period),
  });
export const useReport = (campaignId: number | undefined, unitId: number, period: string) =>
  useQuery(reportQuery(campaignId, unitId, period));
