import type { DailyJob } from '../../jobs/runner.js';
import { purgeSpentChallenges } from '../../http/public/index.js';
import { purgeLoginFailuresBefore, securityPolicy } from '../security/index.js';
import { deleteSessionsExpired } from './repository.js';

const DAY = 86_400_000;

/**
 * Each night: sessions past the policy's idle or absolute limit (they could no longer sign anyone in, but
 * their rows would pile up), failed sign-ins older than a day or the lock window, whichever is longer, and
 * answered challenges past their expiry.
 */
export const authHousekeepingJob: DailyJob = {
  name: 'auth.housekeeping',
  atHour: 3,
  run: async (tx) => {
    const policy = await securityPolicy(tx);
    const now = Date.now();
    const sessions = await deleteSessionsExpired(
      tx,
      new Date(now - policy.sessionIdleMinutes * 60_000),
      new Date(now - policy.sessionAbsoluteHours * 3_600_000),
    );
    const failures = await purgeLoginFailuresBefore(tx, new Date(now - Math.max(DAY, policy.lockMinutes * 60_000)));
    const challenges = await purgeSpentChallenges(tx, new Date(now));
    return `purged ${sessions} expired sessions and ${failures} old failed sign-ins, ${challenges} spent challenges`;
  },
};
