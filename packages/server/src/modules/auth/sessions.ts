import { createHash, randomBytes } from 'node:crypto';
import { sessionAlive } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { RequestUser } from '../../http/context.js';
import { securityPolicy } from '../security/index.js';
import { buildActor } from './actor.js';
import { deleteSession, deleteSessionsOf, insertSession, sessionWithAccount, touchSession } from './repository.js';
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
  await insertSession(db, {
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
  const row = await sessionWithAccount(db, idHash);
  if (!row) return null;
  const policy = await securityPolicy(db);
  if (!row.active || !sessionAlive(row.createdAt, row.lastSeenAt, now, policy)) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await touchSession(db, idHash, now);
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
  await deleteSession(db, idHash);
}

/** Ends every session of a user but one (after a password change: other devices must sign in again). */
export async function closeOtherSessions(db: Db, userId: number, keepIdHash: string | null): Promise<void> {
  await deleteSessionsOf(db, userId, keepIdHash);
}
