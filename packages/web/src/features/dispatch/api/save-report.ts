import { api } from '../../../lib/api';
import { reportUrl } from './get-report';

export interface ReportDraft {
  values: Record<string, string>;
  progress: string;
  problems: string;
  plans: string;
  fileIds: number[];
  /** Evidence taken off before 报送 (the versions keep it). */
  removeFileIds: number[];
  /** Other features' parts of the report, by key (lib/report-sections). */
  sections: Record<string, unknown>;
  /** The version the form was loaded at: a stale save is refused. */
  version: number;
}
/** Saves the draft; answers the new version. */
export const saveReport = (campaignId: number, unitId: number, period: string, draft: ReportDraft) =>
  api.put<{ version: number }>(`${reportUrl(campaignId, unitId)}?period=${period}`, draft);
