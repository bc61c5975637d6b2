import { api } from '../../../lib/api';

/** One action on an item (the server lists the allowed ones with the item); `version` guards against a stale page. */
export const actOnItem = (itemId: number, version: number, body: Record<string, unknown>) =>
  api.post(`/ledger/items/${itemId}/actions`, { ...body, version });
