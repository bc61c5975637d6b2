import { api } from '../../../lib/api';

/** Splits an item into one per unit; answers the new items' ids. */
export const splitItem = (itemId: number, unitIds: number[]) =>
  api.post<{ ids: number[] }>(`/ledger/items/${itemId}/split`, { parts: unitIds.map((unitId) => ({ unitId })) });
