import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { passwordHistory, sessions, units, users } from '../../db/schema/index.js';

/** What signing in needs to know about an account. */
export interface Credentials {
  id: number;
  username: string;
  passwordHash: string;
  active: boolean;
  unitId: number;
}

const credentialColumns = {
  id: users.id,
  username: users.username,
  passwordHash: users.passwordHash,
  active: users.active,
  unitId: users.unitId,
};

/** Usernames are unique regardless of case. */
export async function credentialsByName(db: Db, username: string): Promise<Credentials | undefined> {
  const [row] = await db
    .select(credentialColumns)
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function credentialsById(db: Db, id: number): Promise<Credentials | undefined> {
  const [row] = await db.select(credentialColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function setPassword(tx: Db, id: number, passwordHash: string): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
    .where(eq(users.id, id));
}

/** The hashes of the account's replaced passwords, newest first (the trigger of migration 0022 keeps them). */
export async function replacedPasswordHashes(db: Db, userId: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(limit);
  return rows.map((r) => r.hash);
}

export async function insertSession(
  db: Db,
  row: { idHash: string; userId: number; csrfToken: string; address: string; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(row);
}

/**
 * A session with its account and the account's unit path, in one query: it runs on every request, so
 * it joins the unit here rather than asking the units module a second time.
 */
export async function sessionWithAccount(db: Db, idHash: string) {
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      unitId: users.unitId,
      unitPath: units.path,
      roles: users.roles,
      overseenUnitIds: users.overseenUnitIds,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // The unit path (the units module's) rides along: every request loads its session, in one query.
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.idHash, idHash));
  return row;
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOf(db: Db, userId: number, keepIdHash: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepIdHash
        ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${keepIdHash}`)
        : eq(sessions.userId, userId),
    );
}

/** Sessions idle since `idleSince` or opened before `openedBefore`; returns how many. */
export async function deleteSessionsExpired(db: Db, idleSince: Date, openedBefore: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleSince), lt(sessions.createdAt, openedBefore)))
    .returning({ idHash: sessions.idHash });
  return rows.length;
}
