import { dispatchReminderJob } from '../modules/dispatch/index.js';
import { ledgerColourJob } from '../modules/ledger/index.js';
import { ratingsRetentionJob } from '../modules/ratings/index.js';
import { projectSettleJob } from '../modules/projects/index.js';
import { authHousekeepingJob } from '../modules/auth/index.js';
import { unclaimedFilesJob } from '../modules/files/index.js';
import type { DailyJob } from './runner.js';

export { startJobRunner, runDailyJob, type DailyJob, type JobRunner } from './runner.js';

/** Every daily job, one line each. */
export const dailyJobs: DailyJob[] = [
  ledgerColourJob,
  dispatchReminderJob,
  ratingsRetentionJob,
  projectSettleJob,
  authHousekeepingJob,
  unclaimedFilesJob,
];
