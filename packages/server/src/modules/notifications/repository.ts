import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';

export interface NoticeRow {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
}

/** Inserts notices, skipping any whose (user, dedupe key) exists; returns the new ones. */
export async function insertNotices(tx: Db, rows: NoticeRow[]): Promise<{ id: number; userId: number }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
}

/** Active accounts holding one of `roles`, with their unit; all units, or only `unitIds`. */
export async function accountsWithRoles(
  tx: Db,
  roles: readonly string[],
  unitIds?: readonly number[],
): Promise<{ id: number; unitId: number }[]> {
  if (unitIds?.length === 0) return [];
  const roleList = sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );
  return tx
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(
      and(
        unitIds ? inArray(users.unitId, [...unitIds]) : undefined,
        eq(users.active, true),
        sql`${users.roles} && ARRAY[${roleList}]::text[]`,
      ),
    );
}

export async function noticesOf(db: Db, userId: number, opts: { before?: number; limit: number }) {
  const where = opts.before
    ? and(eq(notifications.userId, userId), lt(notifications.id, opts.before))
    : eq(notifications.userId, userId);
  return db
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
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's own unread notices read (all, or those among `ids`); returns how many. */
export async function markNoticesRead(db: Db, userId: number, ids?: number[]): Promise<number> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
    .returning({ id: notifications.id });
  return rows.length;
}

/** Which of the users already hold a notice with this dedupe key. */
export async function holdersOfKey(tx: Db, dedupeKey: string, userIds: number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.dedupeKey, dedupeKey), inArray(notifications.userId, userIds)));
  return rows.map((r) => r.userId);
}
