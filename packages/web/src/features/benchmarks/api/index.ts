import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BenchmarkBoard } from '../types';

/** The benchmarks API: one read; the import invalidates it. */
export const benchmarksKey = ['benchmarks'] as const;
export const useBoard = () =>
  useQuery({ queryKey: benchmarksKey, queryFn: () => api.get<BenchmarkBoard>('/benchmarks') });
