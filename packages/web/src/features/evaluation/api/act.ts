import type { AdjustmentAction } from '@leitai/core';
import type { EvaluationAction } from '@leitai/core';
import { api, download } from '../../../lib/api';
import type { EvaluationScheme, PreviewCategory } from './types';

export interface NewEvaluation {
  campaignId: number;
  name: string;
  kind: 'half' | 'year' | 'range';
  periodFrom: string;
  periodTo: string;
  appealDays: number;
  previousId?: number;
}
export const createEvaluation = (body: NewEvaluation) => api.post<{ id: number }>('/evaluations', body);
export const saveScheme = (id: number, scheme: EvaluationScheme) =>
  api.put<{ version: number }>(`/evaluations/${id}/scheme`, scheme);
export const previewScheme = (id: number, scheme: EvaluationScheme) =>
  api.post<{ categories: PreviewCategory[] }>(`/evaluations/${id}/preview`, { scheme });

export interface VerifyResult {
  identical: boolean;
  resultHash: string;
  inputsUnchanged: boolean | null;
}
/** One of the actions the server offered: its route is its name. */
export const runAction = (id: number, action: Exclude<EvaluationAction, 'editScheme'>) =>
  api.post<VerifyResult & { version?: number }>(`/evaluations/${id}/${action}`);

export const fileAppeal = (
  id: number,
  body: { unitId: number; componentId: string; reason: string; fileIds: number[] },
) => api.post<{ id: number }>(`/evaluations/${id}/appeals`, body);
export const decideAppeal = (id: number, body: { uphold: boolean; correction?: string; reason: string }) =>
  api.post(`/evaluation-appeals/${id}/decide`, body);
export const approveAppeal = (id: number) => api.post(`/evaluation-appeals/${id}/approve`);

export const downloadEvaluation = (id: number) => download(`/evaluations/${id}/export.xlsx`);
export const downloadBulletin = (id: number) => download(`/evaluations/${id}/bulletin.docx`);

export const proposeAdjustment = (
  id: number,
  body: { unitId: number; kind: 'bonus' | 'penalty' | 'waiver'; amount?: string; reason: string; fileIds: number[] },
) => api.post<{ id: number }>(`/evaluations/${id}/adjustments`, body);
/** One step of an adjustment's procedure (受理, 核实, 审定, 不予认定, 报备): the server lists the allowed ones. */
export const stepAdjustment = (id: number, body: { action: AdjustmentAction; text: string }) =>
  api.post(`/evaluation-adjustments/${id}/step`, body);
