import { and, eq, gt, sql } from 'drizzle-orm';
import { loginGate, passwordProblems } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { loginFailures, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { securityPolicy } from '../security/policy.js';
import { challengeNeeded } from './challenge-gate.js';
import { newChallenge } from './challenge.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { closeOtherSessions, openSession, type NewSession } from './sessions.js';

export interface LoginInput {
  username: string;
  password: string;
  challenge?: { token: string; answer: number } | undefined;
}

const sameName = (username: string) => sql`lower(${users.username}) = lower(${username})`;

async function recentFailures(db: Db, username: string, address: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(
      and(
        sql`lower(${loginFailures.username}) = lower(${username})`,
        eq(loginFailures.address, address),
        gt(loginFailures.at, since),
      ),
    );
  return rows.map((r) => r.at);
}

/**
 * Checks the gate for (account, address), then the password. Every failure is counted and audited;
 * the failure that crosses the limit also records the lock.
 */
export async function login(
  db: Db,
  secret: string,
  input: LoginInput,
  meta: { address: string; userAgent?: string | undefined },
): Promise<NewSession> {
  const now = new Date();
  const policy = await securityPolicy(db);
  const since = new Date(now.getTime() - policy.lockMinutes * 60_000);
  const failures = await recentFailures(db, input.username, meta.address, since);
  const gate = loginGate(failures, now, policy);
  if (gate.kind === 'locked') {
    throw new AppError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账号已锁定，请于 ${gate.until.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })} 后再试，或联系安全管理员解锁`,
      { until: gate.until.toISOString() },
    );
  }
  if (gate.kind === 'challenge') challengeNeeded(secret, input.challenge);

  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      active: users.active,
      unitId: users.unitId,
    })
    .from(users)
    .where(sameName(input.username));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const actor: AuditActor = { id: user?.id ?? null, name: input.username, address: meta.address };

  if (!user || !passwordOk || !user.active) {
    const after = loginGate([...failures, now], now, policy);
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ username: input.username.toLowerCase(), address: meta.address, at: now });
      await recordAudit(tx, actor, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: input.username,
        unitId: user?.unitId ?? null,
        after: { reason: !user ? 'unknown_user' : !user.active ? 'disabled' : 'wrong_password' },
      });
      if (after.kind === 'locked') {
        await recordAudit(tx, actor, {
          action: 'auth.locked',
          targetType: 'user',
          targetId: input.username,
          unitId: user?.unitId ?? null,
          after: { until: after.until.toISOString(), address: meta.address },
        });
      }
    });
    if (after.kind === 'locked')
      throw new AppError(
        'ACCOUNT_LOCKED',
        `登录失败次数过多，账号已锁定 ${policy.lockMinutes} 分钟，或联系安全管理员解锁`,
        { until: after.until.toISOString() },
      );
    const left = policy.lockAfterFailures - failures.length - 1;
    // The next attempt will need a challenge: hand it out now so the form can show it at once.
    throw new AppError(
      'INVALID_CREDENTIALS',
      `用户名或密码错误${left <= 2 ? `，再错 ${left} 次将锁定 ${policy.lockMinutes} 分钟` : ''}`,
      after.kind === 'challenge' ? { challenge: newChallenge(secret) } : undefined,
    );
  }

  return db.transaction(async (tx) => {
    await tx
      .delete(loginFailures)
      .where(
        and(sql`lower(${loginFailures.username}) = lower(${input.username})`, eq(loginFailures.address, meta.address)),
      );
    const session = await openSession(tx, user.id, meta);
    await recordAudit(
      tx,
      { ...actor, name: user.username },
      { action: 'auth.login', targetType: 'user', targetId: user.id, unitId: user.unitId },
    );
    return session;
  });
}

export async function changePassword(
  db: Db,
  actor: AuditActor & { id: number },
  sessionIdHash: string,
  current: string,
  next: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(user.passwordHash, current)))
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', { field: 'currentPassword' });
  if (current === next)
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', { problems: ['新密码不能与当前密码相同'] });
  const problems = passwordProblems(next, user.username, await securityPolicy(db));
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', problems.join('；'), { problems });
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, user.id));
    await closeOtherSessions(tx, user.id, sessionIdHash);
    await recordAudit(tx, actor, {
      action: 'user.password_change',
      targetType: 'user',
      targetId: user.id,
      unitId: user.unitId,
    });
  });
}

/** Clears an account's failures from every address (安全管理员解锁). */
export async function unlockAccount(db: Db, actor: AuditActor, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    const cleared = await tx
      .delete(loginFailures)
      .where(sql`lower(${loginFailures.username}) = lower(${username})`)
      .returning({ address: loginFailures.address });
    await recordAudit(tx, actor, {
      action: 'auth.unlock',
      targetType: 'user',
      targetId: username,
      after: { clearedFailures: cleared.length },
    });
  });
}

/** Accounts locked from some address right now. */
export async function lockedAccounts(
  db: Db,
): Promise<{ username: string; address: string; failures: number; until: string }[]> {
  const policy = await securityPolicy(db);
  const now = new Date();
  const since = new Date(now.getTime() - policy.lockMinutes * 60_000);
  const rows = await db
    .select({
      username: loginFailures.username,
      address: loginFailures.address,
      failures: sql<number>`count(*)::int`,
      last: sql<string>`max(${loginFailures.at})`,
    })
    .from(loginFailures)
    .where(gt(loginFailures.at, since))
    .groupBy(loginFailures.username, loginFailures.address);
  return rows
    .filter((r) => r.failures >= policy.lockAfterFailures)
    .map((r) => ({
      username: r.username,
      address: r.address,
      failures: r.failures,
      until: new Date(new Date(r.last).getTime() + policy.lockMinutes * 60_000).toISOString(),
    }));
}
