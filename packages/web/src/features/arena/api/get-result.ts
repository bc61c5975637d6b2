import { queryOptions } from '@tanstack/react-query';
import type { ArenaResult } from '@leitai/core';
import { api } from '../../../lib/api';

export const resultKey = (id: number) => ['arena-result', id] as const;
export const getResult = (id: number) => api.get<ArenaResult>(`/arenas/${id}/result`);
export const resultQuery = (id: number) => queryOptions({ queryKey: resultKey(id), queryFn: () => getResult(id) });
