import { queryOptions } from '@tanstack/react-query';
import type { ArenaSummary } from '@leitai/core';
import { api } from '../../../lib/api';

export const arenasKey = ['arenas'] as const;
export const getArenas = () => api.get<ArenaSummary[]>('/arenas');
export const arenasQuery = () => queryOptions({ queryKey: arenasKey, queryFn: getArenas });
