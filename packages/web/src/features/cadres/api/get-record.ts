import { queryOptions } from '@tanstack/react-query';
import type { CadreRecord } from '@leitai/core';
import { api } from '../../../lib/api';
import { cadresKey } from './keys';

/** Each fetch is an audited read on the server: kept fresh for a minute rather than refetched on focus. */
export const recordQuery = (id: number) =>
  queryOptions({
    queryKey: [...cadresKey, 'record', id],
    queryFn: () => api.get<CadreRecord>(`/cadres/${id}/record`),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
