import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { ratingsKey } from './keys';
import type { Overview } from './types';

export const overviewQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: [...ratingsKey, 'overview', from, to] as const,
    queryFn: () => api.get<Overview>(`/ratings/overview?from=${from}&to=${to}`),
  });
export const useRatingsOverview = (from: string, to: string) => useQuery(overviewQuery(from, to));
