import type { SecurityPolicy } from './policy.js';

/**
 * What a login attempt from one address must face, given that account's recent failures from that
 * address (newest last, all within the lock window). Failures are counted per account *and* address,
 * so someone guessing from elsewhere cannot lock the real user out; and the challenge comes before
 * the lock, so scripted guessing cannot reach the lock without solving challenges.
 */
export type LoginGate = { kind: 'open' } | { kind: 'challenge' } | { kind: 'locked'; until: Date };

export function loginGate(recentFailures: readonly Date[], now: Date, policy: SecurityPolicy): LoginGate {
  const windowStart = now.getTime() - policy.lockMinutes * 60_000;
  const inWindow = recentFailures.filter((t) => t.getTime() > windowStart);
  if (inWindow.length >= policy.lockAfterFailures) {
    const last = Math.max(...inWindow.map((t) => t.getTime()));
    return { kind: 'locked', until: new Date(last + policy.lockMinutes * 60_000) };
  }
  if (inWindow.length >= policy.challengeAfterFailures) return { kind: 'challenge' };
  return { kind: 'open' };
}

/** Is a session still alive? Idle timeout since last use, absolute lifetime since sign-in. */
export function sessionAlive(createdAt: Date, lastSeenAt: Date, now: Date, policy: SecurityPolicy): boolean {
  const idleMs = policy.sessionIdleMinutes * 60_000;
  const absoluteMs = policy.sessionAbsoluteHours * 3_600_000;
  return now.getTime() - lastSeenAt.getTime() < idleMs && now.getTime() - createdAt.getTime() < absoluteMs;
}
