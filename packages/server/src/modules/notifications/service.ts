import type { Db } from '../../db/client.js';
import { receiptsOf, type Receipt } from './delivery-service.js';
import { accountsWithRoles, insertNotices, markNoticesRead, noticesOf, unreadCount } from './repository.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** Same key, same user: told once, however often the sender runs. */
  dedupeKey?: string;
  /** Sent outside the app even at night and on days off (quiet hours do not hold it). */
  urgent?: boolean;
}

/** Tells each user once; returns the new notices. Call it inside the change's transaction. */
export async function notify(
  tx: Db,
  userIds: Iterable<number>,
  n: NotificationInput,
): Promise<{ id: number; userId: number }[]> {
  return insertNotices(
    tx,
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      dedupeKey: n.dedupeKey ?? null,
    })),
  );
}

/** The working accounts of some units (heads and reporters): who is told about the units' items. */
export async function unitRecipients(tx: Db, unitIds: number[]): Promise<number[]> {
  return [...(await recipientsByUnit(tx, unitIds)).values()].flat();
}

/** The same, per unit, in one query: for senders that tell many units each their own thing. */
export async function recipientsByUnit(tx: Db, unitIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const r of await accountsWithRoles(tx, ['unit_head', 'reporter'], unitIds))
    out.set(r.unitId, [...(out.get(r.unitId) ?? []), r.id]);
  return out;
}

/** The units' active heads (一把手): who signs what the reporters prepared. */
export async function unitHeadRecipients(tx: Db, unitIds: number[]): Promise<number[]> {
  return (await accountsWithRoles(tx, ['unit_head'], unitIds)).map((r) => r.id);
}

/** The assessment office's accounts (organisers): who is told that something waits for review. */
export async function officeRecipients(tx: Db): Promise<number[]> {
  return (await accountsWithRoles(tx, ['organiser'])).map((r) => r.id);
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
  /** Where the notice went outside the app (robots, SMS, email) and how that went. */
  receipts: Receipt[];
}

export async function listNotifications(
  db: Db,
  userId: number,
  opts: { before?: number; limit: number },
): Promise<{ items: NotificationView[]; unread: number }> {
  const rows = await noticesOf(db, userId, opts);
  const receipts = await receiptsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null, receipts: receipts.get(r.id) ?? [] })),
    unread: await unreadCount(db, userId),
  };
}

/** Marks the user's own notifications read (all when `ids` is omitted); another user's ids are ignored. */
export const markRead = (db: Db, userId: number, ids?: number[]): Promise<number> => markNoticesRead(db, userId, ids);
