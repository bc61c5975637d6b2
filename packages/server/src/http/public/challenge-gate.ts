import { AppError } from '../../errors.js';
import { challengeSolved, newChallenge } from './challenge.js';

/** Throws CHALLENGE_REQUIRED, with a fresh challenge, unless a valid answer came with the attempt. */
export function challengeNeeded(secret: string, given: { token: string; answer: number } | undefined): void {
  if (given && challengeSolved(secret, given.token, given.answer)) return;
  throw new AppError('CHALLENGE_REQUIRED', given ? '验证题答案不正确，请重新计算' : '失败次数较多，请先回答验证题', {
    challenge: newChallenge(secret),
  });
}
