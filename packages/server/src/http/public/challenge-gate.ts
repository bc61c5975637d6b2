import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { spentChallenges } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { challengeSolved, newChallenge } from './challenge.js';

/**
 * Throws CHALLENGE_REQUIRED, with a fresh challenge for the same subject, unless a right answer to a challenge
 * issued for this subject came with the attempt and has not been used before (its nonce is spent now).
 */
export async function challengeNeeded(
  db: Db,
  secret: string,
  subject: string,
  given: { token: string; answer: number } | undefined,
): Promise<void> {
  const solved = given ? challengeSolved(secret, subject, given.token, given.answer) : null;
  if (solved) {
    const spent = await db
      .insert(spentChallenges)
      .values({ nonce: solved.nonce, expiresAt: solved.expires })
      .onConflictDoNothing()
      .returning({ nonce: spentChallenges.nonce });
    if (spent.length === 1) return;
  }
  throw new AppError(
    'CHALLENGE_REQUIRED',
    given ? '验证题答案不正确或已使用，请回答新的验证题' : '失败次数较多，请先回答验证题',
    {
      challenge: newChallenge(secret, subject),
    },
  );
}

/** Housekeeping: a spent challenge past its expiry could not be answered again anyway. Returns how many. */
export async function purgeSpentChallenges(tx: Db, now: Date): Promise<number> {
  const rows = await tx
    .delete(spentChallenges)
    .where(lt(spentChallenges.expiresAt, now))
    .returning({ nonce: spentChallenges.nonce });
  return rows.length;
}
