import { queryOptions } from '@tanstack/react-query';
import type { LedgerItem } from '@leitai/core';
import { api } from '../../../lib/api';

/** The promises made at the arena, each a supervised ledger item. */
export const commitmentsKey = (id: number) => ['arena-commitments', id] as const;
export const getCommitments = async (id: number) =>
  (await api.get<{ items: LedgerItem[] }>(`/arenas/${id}/commitments`)).items;
export const commitmentsQuery = (id: number) =>
  queryOptions({ queryKey: commitmentsKey(id), queryFn: () => getCommitments(id) });
