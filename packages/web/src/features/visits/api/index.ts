import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RequestRating, RequestStage } from '@leitai/core';
import { api, createClient, download } from '../../../lib/api';
import { queryString as toQuery } from '../../../lib/query-string';
import type {
  Choices,
  Coverage,
  CoverageBy,
  EnterpriseList,
  MyVisits,
  NewVisit,
  PublicRequest,
  RequestList,
} from '../types';

/** The visits API, one place. Every change may touch any read: one root key. */
export const visitsKey = ['visits'] as const;

export interface EnterpriseFilter {
  q?: string | undefined;
  scale?: string | undefined;
  page: number;
}
export const useEnterprises = (f: EnterpriseFilter) =>
  useQuery({
    queryKey: [...visitsKey, 'enterprises', f],
    queryFn: () => api.get<EnterpriseList>(`/visits/enterprises${toQuery({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export interface RequestFilter {
  q?: string | undefined;
  stage?: RequestStage | undefined;
  page: number;
}
export const useRequests = (f: RequestFilter, enabled = true) =>
  useQuery({
    enabled,
    queryKey: [...visitsKey, 'requests', f],
    queryFn: () => api.get<RequestList>(`/visits/requests${toQuery({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export const useChoices = (enabled: boolean) =>
  useQuery({ queryKey: [...visitsKey, 'choices'], queryFn: () => api.get<Choices>('/visits/choices'), enabled });

export const useCoverage = (days: number, by: CoverageBy) =>
  useQuery({
    queryKey: [...visitsKey, 'coverage', days, by],
    queryFn: () => api.get<Coverage>(`/visits/coverage${toQuery({ days, by })}`),
    placeholderData: keepPreviousData,
  });
export const exportCoverage = (days: number, by: CoverageBy) =>
  download(`/visits/coverage/export${toQuery({ days, by })}`);
export const exportEnterprises = () => download('/visits/enterprises/export');

export const useMyVisits = () =>
  useQuery({ queryKey: [...visitsKey, 'mine'], queryFn: () => api.get<MyVisits>('/visits/mine') });

export const recordVisit = (body: NewVisit) => api.post<{ id: number; requestIds: number[] }>('/visits', body);
export const assignEnterprise = (body: { enterpriseId: number; userId: number; role: string; reason: string }) =>
  api.post('/visits/assignments', body);
export const dispatchRequest = (id: number, body: { leadUnitId: number; coUnitIds: number[] }) =>
  api.post<{ deadline: string }>(`/visits/requests/${id}/dispatch`, body);
export const mergeRequest = (id: number, intoId: number) => api.post(`/visits/requests/${id}/merge`, { intoId });

/** The enterprise contact's page: no account, no session. */
const open = createClient({ credentials: 'omit', headers: () => ({}), failed: (status) => `请求失败（${status}）` });
export const usePublicRequest = (code: string) =>
  useQuery({
    queryKey: ['visit-public', code],
    queryFn: () => open.get<PublicRequest>(`/public/visit-requests/${encodeURIComponent(code)}`),
  });
export const rateRequest = (code: string, rating: RequestRating, text: string) =>
  open.post<{ rating: RequestRating; closed: boolean }>(`/public/visit-requests/${encodeURIComponent(code)}/rating`, {
    rating,
    text,
  });
