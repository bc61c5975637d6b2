import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { LedgerMeta } from '../types';
import { ledgerKey } from './keys';

export const ledgerMetaKey = [...ledgerKey, 'meta'] as const;
export const getLedgerMeta = () => api.get<LedgerMeta>('/ledger/meta');
export const ledgerMetaQuery = () =>
  queryOptions({ queryKey: ledgerMetaKey, queryFn: getLedgerMeta, staleTime: 300_000 });
export const useLedgerMeta = () => useQuery(ledgerMetaQuery());
