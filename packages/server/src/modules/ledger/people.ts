import type { IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { ALL_ITEMS, itemsWithIds, listItems } from './repository.js';
import { ledgerSettings } from './settings.js';
import { toViews, type ItemView } from './views.js';

/**
 * The ledger as a cadre's record (干部实绩档案) reads it: the items a person is the responsible leader of
 * (责任领导, by their account), and the items their promises on stage became. Today's colours, as the ledger
 * shows them.
 */
export async function itemsLedBy(db: Db, userId: number, today: IsoDate): Promise<ItemView[]> {
  const { yellowDays } = await ledgerSettings(db);
  return toViews(db, await listItems(db, { scope: ALL_ITEMS, leaderId: userId }), today, yellowDays);
}

export async function itemsByIds(db: Db, ids: readonly number[], today: IsoDate): Promise<ItemView[]> {
  if (ids.length === 0) return [];
  const { yellowDays } = await ledgerSettings(db);
  return toViews(db, await itemsWithIds(db, ids), today, yellowDays);
}
