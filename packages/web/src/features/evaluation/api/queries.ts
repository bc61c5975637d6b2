import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { EvaluationDetail, EvaluationSummary, RankHistoryPoint, UnitExplanation } from './types';

/** Every evaluation query starts here: any step (close, publish, an appeal) may change every view. */
export const evaluationsKey = ['evaluations'] as const;

export const useEvaluations = () =>
  useQuery(
    queryOptions({
      queryKey: [...evaluationsKey, 'list'] as const,
      queryFn: () => api.get<{ evaluations: EvaluationSummary[] }>('/evaluations'),
    }),
  );
export const useEvaluation = (id: number) =>
  useQuery(
    queryOptions({
      queryKey: [...evaluationsKey, id] as const,
      queryFn: () => api.get<EvaluationDetail>(`/evaluations/${id}`),
    }),
  );
export const useExplanation = (id: number, unitId: number) =>
  useQuery(
    queryOptions({
      queryKey: [...evaluationsKey, id, 'unit', unitId] as const,
      queryFn: () => api.get<UnitExplanation>(`/evaluations/${id}/units/${unitId}`),
    }),
  );
export const useRankHistory = (unitId: number) =>
  useQuery(
    queryOptions({
      queryKey: [...evaluationsKey, 'history', unitId] as const,
      queryFn: () => api.get<{ points: RankHistoryPoint[] }>(`/evaluations/history/${unitId}`),
    }),
  );

/** The campaigns an evaluation can belong to (the dispatch module's list, read through the API). */
export const useCampaignChoices = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: [...evaluationsKey, 'campaigns'] as const,
      queryFn: () => api.get<{ campaigns: { id: number; name: string }[] }>('/dispatch/campaigns'),
      enabled,
    }),
  );
