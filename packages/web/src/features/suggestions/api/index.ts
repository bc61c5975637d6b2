import { useQuery } from '@tanstack/react-query';
import { api, createClient, download } from '../../../lib/api';
import type { Choices, IdeaDetail, MyIdeas, PublicRound, Round, RoundDetail, RoundStats } from '../types';

/** The suggestions API, one place. Every change may touch any read: one root key. */
export const suggestionsKey = ['suggestions'] as const;

export const useRounds = () =>
  useQuery({ queryKey: [...suggestionsKey, 'rounds'], queryFn: () => api.get<Round[]>('/suggestions/rounds') });
export const useRound = (id: number | null) =>
  useQuery({
    enabled: id !== null,
    queryKey: [...suggestionsKey, 'round', id],
    queryFn: () => api.get<RoundDetail>(`/suggestions/rounds/${id}`),
  });
export const useRoundStats = (id: number | null, enabled: boolean) =>
  useQuery({
    enabled: id !== null && enabled,
    queryKey: [...suggestionsKey, 'stats', id],
    queryFn: () => api.get<RoundStats>(`/suggestions/rounds/${id}/stats`),
  });
export const exportRound = (id: number) => download(`/suggestions/rounds/${id}/export`);
export const useIdea = (id: number | null) =>
  useQuery({
    enabled: id !== null,
    queryKey: [...suggestionsKey, 'idea', id],
    queryFn: () => api.get<IdeaDetail>(`/suggestions/${id}`),
  });
export const useMyIdeas = () =>
  useQuery({ queryKey: [...suggestionsKey, 'mine'], queryFn: () => api.get<MyIdeas>('/suggestions/mine') });
export const useChoices = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: [...suggestionsKey, 'choices'],
    queryFn: () => api.get<Choices>('/suggestions/choices'),
  });

export const createRound = (body: { title: string; opensOn: string; closesOn: string; topN: number }) =>
  api.post<Round>('/suggestions/rounds', body);
export const submitIdea = (body: { roundId: number; title: string; body: string; fileIds: number[] }) =>
  api.post<{ id: number }>('/suggestions', body);
export const setReviewers = (id: number, userIds: number[]) => api.put(`/suggestions/${id}/reviewers`, { userIds });
export const scoreIdea = (id: number, scores: Record<string, string>, comment: string) =>
  api.put<{ total: string }>(`/suggestions/${id}/score`, { scores, comment });
export const adoptIdea = (id: number, body: { leadUnitId: number; deadline: string; note: string }) =>
  api.post<{ ledgerItemId: number }>(`/suggestions/${id}/adopt`, body);
export const rejectIdea = (id: number, note: string) => api.post(`/suggestions/${id}/reject`, { note });
export const rewardIdea = (id: number, level: string | null) => api.put(`/suggestions/${id}/reward`, { level });

/** The public's page: no account, no session. */
const open = createClient({ credentials: 'omit', headers: () => ({}), failed: (status) => `请求失败（${status}）` });
export const usePublicRound = (code: string) =>
  useQuery({
    queryKey: ['suggestion-public', code],
    queryFn: () => open.get<PublicRound>(`/public/suggestions/${encodeURIComponent(code)}`),
  });
export const submitPublicIdea = (code: string, body: { title: string; body: string; name: string; contact: string }) =>
  open.post<{ received: boolean }>(`/public/suggestions/${encodeURIComponent(code)}`, body);
