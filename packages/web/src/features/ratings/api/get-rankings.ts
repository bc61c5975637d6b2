import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublishedRanking } from '@leitai/core';
import { api } from '../../../lib/api';
import { ratingsKey } from './keys';

export const rankingsQuery = () =>
  queryOptions({
    queryKey: [...ratingsKey, 'rankings'] as const,
    queryFn: () => api.get<{ rankings: PublishedRanking[]; canPublish: boolean }>('/ratings/rankings'),
  });
/** The office's published rankings, newest first, and whether the viewer may publish the next version. */
export const useRankings = (enabled: boolean) => useQuery({ ...rankingsQuery(), enabled });
