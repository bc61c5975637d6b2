import { loginGate, passwordProblems, permissionsOf } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { RequestUser } from '../../http/context.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  addressIn,
  clearLoginFailures,
  loginFailuresSince,
  recordLoginFailure,
  securityPolicy,
} from '../security/index.js';
import * as units from '../units/index.js';
import { challengeNeeded, newChallenge } from '../../http/public/index.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { credentialsById, credentialsByName, replacedPasswordHashes, setPassword } from './repository.js';
import { closeOtherSessions, closeSession, openSession, type NewSession } from './sessions.js';

/** A challenge is good only for the account and address it was issued to. */
const challengeSubject = (username: string, address: string) => `login:${username.toLowerCase()}|${address}`;

export interface LoginInput {
  username: string;
  password: string;
  challenge?: { token: string; answer: number } | undefined;
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
  const failures = await loginFailuresSince(db, input.username, meta.address, since);
  const shared = addressIn(meta.address, policy.sharedAddresses);
  const gate = loginGate(failures, now, policy, shared);
  const subject = challengeSubject(input.username, meta.address);
  if (gate.kind === 'wait') {
    const seconds = Math.ceil((gate.until.getTime() - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', `登录失败次数过多，请 ${seconds} 秒后再试`, {
      until: gate.until.toISOString(),
    });
  }
  if (gate.kind === 'locked') {
    throw new AppError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账号已锁定，请于 ${gate.until.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })} 后再试，或联系安全管理员解锁`,
      { until: gate.until.toISOString() },
    );
  }
  if (gate.kind === 'challenge') await challengeNeeded(db, secret, subject, input.challenge);

  const user = await credentialsByName(db, input.username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const actor: AuditActor = { id: user?.id ?? null, name: input.username, address: meta.address };

  if (!user || !passwordOk || !user.active) {
    const after = loginGate([...failures, now], now, policy, shared);
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, input.username, meta.address, now);
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
    const warning =
      after.kind === 'wait'
        ? `，请 ${Math.ceil((after.until.getTime() - now.getTime()) / 1000)} 秒后再试`
        : left > 2
          ? ''
          : shared
            ? `，再错 ${left} 次须等待后再试`
            : `，再错 ${left} 次将锁定 ${policy.lockMinutes} 分钟`;
    // The next attempt will need a challenge: hand it out now so the form can show it at once.
    throw new AppError(
      'INVALID_CREDENTIALS',
      `用户名或密码错误${warning}`,
      after.kind === 'challenge' || after.kind === 'wait' ? { challenge: newChallenge(secret, subject) } : undefined,
    );
  }

  return db.transaction(async (tx) => {
    await clearLoginFailures(tx, input.username, meta.address);
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
  const user = await credentialsById(db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  // A wrong current password counts as a failed sign-in from this address: a stolen session cannot guess
  // it without limit, and crossing the limit ends the session (signing in again meets the lock).
  const address = actor.address ?? 'unknown';
  const now = new Date();
  const policy = await securityPolicy(db);
  const failures = await loginFailuresSince(
    db,
    user.username,
    address,
    new Date(now.getTime() - policy.lockMinutes * 60_000),
  );
  if (loginGate(failures, now, policy).kind === 'locked') {
    await db.transaction((tx) => closeSession(tx, sessionIdHash));
    throw new AppError('ACCOUNT_LOCKED', '密码错误次数过多，账号已锁定，请稍后重新登录或联系安全管理员解锁');
  }
  if (!(await verifyPassword(user.passwordHash, current))) {
    const after = loginGate([...failures, now], now, policy);
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, user.username, address, now);
      await recordAudit(tx, actor, {
        action: 'user.password_change_failed',
        targetType: 'user',
        targetId: user.id,
        unitId: user.unitId,
        after: { reason: 'wrong_current_password', locked: after.kind === 'locked' },
      });
      if (after.kind === 'locked') await closeSession(tx, sessionIdHash);
    });
    if (after.kind === 'locked')
      throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定 ${policy.lockMinutes} 分钟，请稍后重新登录`);
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', { field: 'currentPassword' });
  }
  if (current === next)
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', { problems: ['新密码不能与当前密码相同'] });
  const problems = passwordProblems(next, user.username, policy);
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', problems.join('；'), { problems });
  // The current password is the first of the remembered ones; the history holds those it replaced.
  for (const old of await replacedPasswordHashes(db, user.id, policy.passwordHistory - 1)) {
    if (await verifyPassword(old, next)) {
      const reused = `新密码不能与最近 ${policy.passwordHistory} 次使用过的密码相同`;
      throw new AppError('WEAK_PASSWORD', reused, { problems: [reused] });
    }
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash);
    await closeOtherSessions(tx, user.id, sessionIdHash);
    await recordAudit(tx, actor, {
      action: 'user.password_change',
      targetType: 'user',
      targetId: user.id,
      unitId: user.unitId,
    });
  });
}

/** Ends the request's session, on the record. */
export async function logout(db: Db, who: AuditActor, user: RequestUser): Promise<void> {
  await db.transaction(async (tx) => {
    await closeSession(tx, user.sessionIdHash);
    await recordAudit(tx, who, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: user.actor.userId,
      unitId: user.actor.unitId,
    });
  });
}

/** Who is signed in, what they may do, and the token their writes carry. */
export async function me(db: Db, user: RequestUser) {
  return {
    user: {
      id: user.actor.userId,
      username: user.username,
      displayName: user.displayName,
      unitId: user.actor.unitId,
      unitName: (await units.nameOf(db, user.actor.unitId)) ?? '',
      roles: user.actor.roles,
      mustChangePassword: user.mustChangePassword,
    },
    permissions: permissionsOf(user.actor),
    csrfToken: user.csrfToken,
  };
}
