import { api } from '../../../lib/api';

/** Accepts a submitted report, or returns it (also an accepted one) with a reason. */
export const reviewReport = (reportId: number | null, action: 'accept' | 'return', reason: string, version: number) =>
  api.post(`/dispatch/reports/${reportId}/review`, { action, reason, version });
