import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** Same key, same user: told once, however often the sender runs. */
  dedupeKey?: string;
}

/** Tells each user once; returns how many notifications were new. Call it inside the change's transaction. */
export async function notify(tx: Db, userIds: Iterable<number>, n: NotificationInput): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

/** The working accounts of some units (heads and reporters): who is told about the units' items. */
export async function unitRecipients(tx: Db, unitIds: number[]): Promise<number[]> {
  return [...(await recipientsByUnit(tx, unitIds)).values()].flat();
}

/** The same, per unit, in one query: for senders that tell many units each their own thing. */
export async function recipientsByUnit(tx: Db, unitIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (unitIds.length === 0) return out;
  const rows = await tx
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(
      and(
        inArray(users.unitId, unitIds),
        eq(users.active, true),
        sql`${users.roles} && ARRAY['unit_head','reporter']::text[]`,
      ),
    );
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r.id]);
  return out;
}

/** The assessment office's accounts (organisers): who is told that something waits for review. */
export async function officeRecipients(tx: Db): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.roles} && ARRAY['organiser']::text[]`));
  return rows.map((r) => r.id);
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export async function listNotifications(
  db: Db,
  userId: number,
  opts: { before?: number; limit: number },
): Promise<{ items: NotificationView[]; unread: number }> {
  const where = opts.before
    ? and(eq(notifications.userId, userId), lt(notifications.id, opts.before))
    : eq(notifications.userId, userId);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.id))
    .limit(opts.limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items: rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null })), unread: unread?.n ?? 0 };
}

/** Marks the user's own notifications read (all when `ids` is omitted); another user's ids are ignored. */
export async function markRead(db: Db, userId: number, ids?: number[]): Promise<number> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
    .returning({ id: notifications.id });
  return rows.length;
}
