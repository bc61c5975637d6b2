import { queryOptions } from '@tanstack/react-query';
import type { ArenaBrief } from '@leitai/core';
import { api } from '../../../lib/api';

export const briefKey = (id: number) => ['arena-brief', id] as const;
export const getBrief = (id: number) => api.get<ArenaBrief>(`/arenas/${id}/brief`);
export const briefQuery = (id: number) => queryOptions({ queryKey: briefKey(id), queryFn: () => getBrief(id) });
