import type { LedgerItemFacts } from '../../events/types.js';
import type { ItemRow } from './repository.js';

/**
 * An item as its events carry it (who leads, who oversees, who created it). The ledger says what
 * happened; the bell (notifications) says it to whom, in its words.
 */
export const itemFacts = (item: ItemRow): LedgerItemFacts => ({
  itemId: item.id,
  title: item.title,
  leadUnitId: item.leadUnitId,
  leaderId: item.leaderId,
  createdBy: item.createdBy,
});
