import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import type { LedgerItem } from '../types';
import { ledgerKey } from './keys';

export interface LedgerFilter {
  state?: string | undefined;
  source?: string | undefined;
  unitId?: number | undefined;
  leaderId?: number | undefined;
  colour?: string | undefined;
  extension?: 'pending' | undefined;
  q?: string | undefined;
}

export const ledgerItemsKey = (f: LedgerFilter) => [...ledgerKey, 'items', f] as const;
export const getLedgerItems = async (f: LedgerFilter) =>
  (await api.get<{ items: LedgerItem[] }>(`/ledger/items${queryString({ ...f })}`)).items;
export const ledgerItemsQuery = (f: LedgerFilter) =>
  queryOptions({ queryKey: ledgerItemsKey(f), queryFn: () => getLedgerItems(f) });
export const useLedgerItems = (f: LedgerFilter) => useQuery(ledgerItemsQuery(f));
