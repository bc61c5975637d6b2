import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginFailures } from '../../db/schema/index.js';

const sameName = (username: string) => sql`lower(${loginFailures.username}) = lower(${username})`;

/** When the account failed to sign in from this address since `since`. */
export async function failuresSince(db: Db, username: string, address: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(sameName(username), eq(loginFailures.address, address), gt(loginFailures.at, since)));
  return rows.map((r) => r.at);
}

export async function insertFailure(tx: Db, username: string, address: string, at: Date): Promise<void> {
  await tx.insert(loginFailures).values({ username: username.toLowerCase(), address, at });
}

/** Forgets an account's failures: from one address (after a good sign-in), or from all (unlock). Returns how many. */
export async function deleteFailures(tx: Db, username: string, address?: string): Promise<number> {
  const rows = await tx
    .delete(loginFailures)
    .where(address === undefined ? sameName(username) : and(sameName(username), eq(loginFailures.address, address)))
    .returning({ address: loginFailures.address });
  return rows.length;
}

/** Failures since `since` per (account, address). */
export async function failureCounts(
  db: Db,
  since: Date,
): Promise<{ username: string; address: string; failures: number; last: string }[]> {
  return db
    .select({
      username: loginFailures.username,
      address: loginFailures.address,
      failures: sql<number>`count(*)::int`,
      last: sql<string>`max(${loginFailures.at})`,
    })
    .from(loginFailures)
    .where(gt(loginFailures.at, since))
    .groupBy(loginFailures.username, loginFailures.address);
}

/** Housekeeping: failures too old to count toward any lock. Returns how many. */
export async function deleteFailuresBefore(tx: Db, before: Date): Promise<number> {
  const rows = await tx.delete(loginFailures).where(lt(loginFailures.at, before)).returning({ id: loginFailures.id });
  return rows.length;
}
