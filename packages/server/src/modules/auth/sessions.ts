import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { sessionAlive } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { sessions, units, users } from '../../db/schema/index.js';
import type { RequestUser } from '../../http/context.js';
import { buildActor } from './actor.js';
import { securityPolicy } from '../security/policy.js';

export const SESSION_COOKIE = 'leitai_session';
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_MS = 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewSession {
  id: string;
  csrfToken: string;
}

/** Opens a session; the cookie gets `id`, the table only its hash (a leaked table opens nothing). */
export async function openSession(
  db: Db,
  userId: number,
  meta: { address: string; userAgent?: string | undefined },
): Promise<NewSession> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    idHash: sha256(id),
    userId,
    csrfToken,
    address: meta.address,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { id, csrfToken };
}

/** The user behind a session cookie, or null when it is unknown, expired or the account is disabled. */
export async function resolveSession(db: Db, sessionId: string, now = new Date()): Promise<RequestUser | null> {
  const idHash = sha256(sessionId);
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
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return null;
  const policy = await securityPolicy(db);
  if (!row.active || !sessionAlive(row.createdAt, row.lastSeenAt, now, policy)) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    actor: await buildActor(db, row),
    username: row.username,
    displayName: row.displayName,
    mustChangePassword: row.mustChangePassword,
    sessionIdHash: idHash,
    csrfToken: row.csrfToken,
  };
}

export async function closeSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user but one (after a password change: other devices must sign in again). */
export async function closeOtherSessions(db: Db, userId: number, keepIdHash: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepIdHash
        ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${keepIdHash}`)
        : eq(sessions.userId, userId),
    );
}

/** Housekeeping: sessions idle past any policy's longest idle time. */
export async function purgeStaleSessions(db: Db, olderThan: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, olderThan));
}
