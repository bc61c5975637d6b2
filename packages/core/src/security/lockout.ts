import type { SecurityPolicy } from './policy.js';

/**
 * What a login attempt from one address must face, given that account's recent failures from that
 * address (newest last, all within the lock window). Failures are counted per account *and* address,
 * so someone guessing from elsewhere cannot lock the real user out; and the challenge comes before
 * the lock, so scripted guessing cannot reach the lock without solving challenges.
 *
 * From a shared address (an office's NAT, where a stranger sits behind the same address) the account is
 * never locked outright: past the lock count each attempt waits twice as long as the one before (from
 * BACKOFF_FIRST_SECONDS up to the lock time) and still needs a challenge, so guessing stays slow while the
 * real user can sign in after a short wait.
 */
export type LoginGate =
  { kind: 'open' } | { kind: 'challenge' } | { kind: 'wait'; until: Date } | { kind: 'locked'; until: Date };

export const BACKOFF_FIRST_SECONDS = 30;

export function loginGate(
  recentFailures: readonly Date[],
  now: Date,
  policy: SecurityPolicy,
  sharedAddress = false,
): LoginGate {
  const windowStart = now.getTime() - policy.lockMinutes * 60_000;
  const inWindow = recentFailures.filter((t) => t.getTime() > windowStart);
  if (inWindow.length >= policy.lockAfterFailures) {
    const last = Math.max(...inWindow.map((t) => t.getTime()));
    if (!sharedAddress) return { kind: 'locked', until: new Date(last + policy.lockMinutes * 60_000) };
    const excess = inWindow.length - policy.lockAfterFailures;
    const waitMs = Math.min(policy.lockMinutes * 60_000, BACKOFF_FIRST_SECONDS * 1000 * 2 ** Math.min(excess, 20));
    return last + waitMs > now.getTime() ? { kind: 'wait', until: new Date(last + waitMs) } : { kind: 'challenge' };
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
