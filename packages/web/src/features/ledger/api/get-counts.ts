import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LedgerUnitCounts } from '@leitai/core';
import { api } from '../../../lib/api';
import { ledgerKey } from './keys';

export type UnitCounts = LedgerUnitCounts;
export const ledgerCountsKey = [...ledgerKey, 'counts'] as const;
export const getLedgerCounts = async () => (await api.get<{ units: UnitCounts[] }>('/ledger/counts')).units;
export const ledgerCountsQuery = () => queryOptions({ queryKey: ledgerCountsKey, queryFn: getLedgerCounts });
export const useLedgerCounts = () => useQuery(ledgerCountsQuery());
