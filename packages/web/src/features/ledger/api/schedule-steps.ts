import { api } from '../../../lib/api';

/** Counts each step's deadline back from the final one in working days (the server's calendar). */
export const scheduleSteps = (body: {
  finalDeadline: string;
  steps: { title: string; workingDays: number | undefined }[];
}) => api.post<{ steps: { deadline: string }[] }>('/ledger/schedule', body);
