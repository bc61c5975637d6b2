import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import { ratingsKey } from './keys';
import type { RatingView } from './types';

export interface ListFilter {
  from?: string;
  to?: string;
  bad?: '1';
  review?: 'held';
  appeal?: 'pending';
  page: number;
  pageSize: number;
}

export const ratingListQuery = (f: ListFilter) =>
  queryOptions({
    queryKey: [...ratingsKey, 'list', f] as const,
    queryFn: () => api.get<{ ratings: RatingView[]; total: number }>(`/ratings/list${queryString({ ...f })}`),
    placeholderData: keepPreviousData,
  });
export const useRatingList = (f: ListFilter) => useQuery(ratingListQuery(f));
