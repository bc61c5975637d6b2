import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { ratingsKey } from './keys';
import type { PointView } from './types';

export const pointsQuery = () =>
  queryOptions({
    queryKey: [...ratingsKey, 'points'] as const,
    queryFn: () => api.get<{ points: PointView[]; units: { id: number; name: string }[] }>('/ratings/points'),
  });
export const useRatingPoints = () => useQuery(pointsQuery());
