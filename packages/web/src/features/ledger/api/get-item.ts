import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ItemDetail } from '../types';
import { ledgerKey } from './keys';

export const ledgerItemKey = (id: number) => [...ledgerKey, 'item', id] as const;
export const getLedgerItem = (id: number) => api.get<ItemDetail>(`/ledger/items/${id}`);
export const ledgerItemQuery = (id: number) =>
  queryOptions({ queryKey: ledgerItemKey(id), queryFn: () => getLedgerItem(id) });
export const useLedgerItem = (id: number) => useQuery(ledgerItemQuery(id));
