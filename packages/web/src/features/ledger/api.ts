import { useQuery } from '@tanstack/react-query';
import type { LedgerRateRow, LedgerUnitCounts } from '@leitai/core';
import { api } from '../../lib/api';
import type { ItemDetail, LedgerItem, LedgerMeta } from './types';

export interface LedgerFilter {
  state?: string | undefined;
  source?: string | undefined;
  unitId?: number | undefined;
  leaderId?: number | undefined;
  colour?: string | undefined;
  q?: string | undefined;
}

export const filterQuery = (f: LedgerFilter) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const useLedgerMeta = () =>
  useQuery({ queryKey: ['ledger', 'meta'], queryFn: () => api.get<LedgerMeta>('/ledger/meta'), staleTime: 300_000 });

export const useLedgerItems = (f: LedgerFilter) =>
  useQuery({
    queryKey: ['ledger', 'items', f],
    queryFn: async () => (await api.get<{ items: LedgerItem[] }>(`/ledger/items${filterQuery(f)}`)).items,
  });

export const useLedgerItem = (id: number) =>
  useQuery({ queryKey: ['ledger', 'item', id], queryFn: () => api.get<ItemDetail>(`/ledger/items/${id}`) });

export type UnitCounts = LedgerUnitCounts;
export const useLedgerCounts = () =>
  useQuery({
    queryKey: ['ledger', 'counts'],
    queryFn: async () => (await api.get<{ units: UnitCounts[] }>('/ledger/counts')).units,
  });

export type RateRow = LedgerRateRow;
export const useLedgerRates = (period: string) =>
  useQuery({
    queryKey: ['ledger', 'rates', period],
    queryFn: () =>
      api.get<{ from: string; to: string; asOf: string; rows: RateRow[] }>(
        `/ledger/rates?period=${encodeURIComponent(period)}`,
      ),
  });
