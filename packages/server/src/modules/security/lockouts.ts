import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { securityPolicy } from './policy.js';
import { deleteFailures, failureCounts } from './repository.js';

/** Clears an account's failures from every address (安全管理员解锁). */
export async function unlockAccount(db: Db, actor: AuditActor, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    const cleared = await deleteFailures(tx, username);
    await recordAudit(tx, actor, {
      action: 'auth.unlock',
      targetType: 'user',
      targetId: username,
      after: { clearedFailures: cleared },
    });
  });
}

/** Accounts locked from some address right now. */
export async function lockedAccounts(
  db: Db,
): Promise<{ username: string; address: string; failures: number; until: string }[]> {
  const policy = await securityPolicy(db);
  const since = new Date(Date.now() - policy.lockMinutes * 60_000);
  return (await failureCounts(db, since))
    .filter((r) => r.failures >= policy.lockAfterFailures)
    .map((r) => ({
      username: r.username,
      address: r.address,
      failures: r.failures,
      until: new Date(new Date(r.last).getTime() + policy.lockMinutes * 60_000).toISOString(),
    }));
}
