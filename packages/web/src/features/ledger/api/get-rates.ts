import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LedgerRateRow } from '@leitai/core';
import { api } from '../../../lib/api';
import { ledgerKey } from './keys';

export type RateRow = LedgerRateRow;
export const ledgerRatesKey = (period: string) => [...ledgerKey, 'rates', period] as const;
export const getLedgerRates = (period: string) =>
  api.get<{ from: string; to: string; asOf: string; rows: RateRow[] }>(
    `/ledger/rates?period=${encodeURIComponent(period)}`,
  );
export const ledgerRatesQuery = (period: string) =>
  queryOptions({ queryKey: ledgerRatesKey(period), queryFn: () => getLedgerRates(period) });
export const useLedgerRates = (period: string) => useQuery(ledgerRatesQuery(period));
