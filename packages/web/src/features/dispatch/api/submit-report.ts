import { api } from '../../../lib/api';
import { reportUrl } from './get-report';

export const submitReport = (campaignId: number, unitId: number, period: string, version: number) =>
  api.post(`${reportUrl(campaignId, unitId)}/submit?period=${period}`, { version });
