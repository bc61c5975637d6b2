import { api } from '../../../lib/api';
import { reportUrl } from './get-report';
import type { ReportDraft } from './save-report';

/**
 * 提交负责人 (handoff) or 报送 (submit). With the form (a person who may still fill it), what is on screen is
 * written and sent as one version; without it, what is stored is sent.
 */
export const sendReport = (
  campaignId: number,
  unitId: number,
  period: string,
  action: 'handoff' | 'submit',
  version: number,
  form?: Omit<ReportDraft, 'version'>,
) =>
  api.post<{ version: number }>(`${reportUrl(campaignId, unitId)}/submit?period=${period}`, { action, version, form });
