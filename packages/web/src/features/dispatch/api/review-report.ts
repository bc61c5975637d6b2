import { api } from '../../../lib/api';

/** Accepts a submitted report, or returns it (also an accepted one) with a reason and the indicators it points at. */
export const reviewReport = (
  reportId: number | null,
  action: 'accept' | 'return',
  reason: string,
  version: number,
  fields: number[] = [],
) => api.post(`/dispatch/reports/${reportId}/review`, { action, reason, version, fields });
