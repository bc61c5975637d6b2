import type { Db } from '../../db/client.js';
import { notify, officeRecipients, unitRecipients } from '../notifications/index.js';
import { unitsByIds, type ItemRow } from './repository.js';

/** Tells the lead unit's accounts and the responsible leader about an item. */
export async function tellLeadUnit(
  tx: Db,
  item: ItemRow,
  kind: string,
  title: string,
  body: string,
  dedupeKey?: string,
): Promise<number> {
  const recipients = await unitRecipients(tx, [item.leadUnitId]);
  if (item.leaderId) recipients.push(item.leaderId);
  return notify(tx, recipients, {
    kind,
    title,
    body,
    link: `/ledger/items/${item.id}`,
    ...(dedupeKey ? { dedupeKey } : {}),
  });
}

/**
 * Tells the organiser who created the item (a close-out or extension waits for them); the office's
 * organisers for an item the system opened (a citizen's bad rating).
 */
export async function tellOrganiser(tx: Db, item: ItemRow, kind: string, title: string, body: string): Promise<number> {
  const to = item.createdBy === null ? await officeRecipients(tx) : [item.createdBy];
  return notify(tx, to, { kind, title, body, link: `/ledger/items/${item.id}` });
}

/** Tells the co-operating units' accounts (配合单位) about an item they help with. */
export async function tellCoUnits(tx: Db, item: ItemRow): Promise<number> {
  if (item.coUnitIds.length === 0) return 0;
  const lead = (await unitsByIds(tx, [item.leadUnitId])).get(item.leadUnitId)?.name ?? '';
  const recipients = await unitRecipients(tx, item.coUnitIds);
  return notify(tx, recipients, {
    kind: 'ledger.co_assigned',
    title: `配合督办事项：${item.title}`,
    body: `牵头单位：${lead}，完成期限 ${item.deadline}，请配合办理`,
    link: `/ledger/items/${item.id}`,
  });
}
