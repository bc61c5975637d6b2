import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BenchmarkBoard } from '../types';

export { chooseModel } from './choose-model';

/** The benchmarks API: the board of the region (unitId null) or of one unit; the import invalidates it. */
export const benchmarksKey = ['benchmarks'] as const;
export const useBoard = (unitId: number | null) =>
  useQuery({
    queryKey: [...benchmarksKey, unitId],
    queryFn: () => api.get<BenchmarkBoard>(unitId === null ? '/benchmarks' : `/benchmarks?unitId=${unitId}`),
  });
