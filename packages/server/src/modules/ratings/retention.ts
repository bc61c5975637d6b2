import type { DailyJob } from '../../jobs/runner.js';
import { eraseAddressesBefore, erasePhoneCodesBefore } from './repository.js';
import { ratingSettings } from './settings.js';

/** PIPL: each day, erase the keyed address hashes older than the retention setting, and spent or expired SMS codes. */
export const ratingsRetentionJob: DailyJob = {
  name: 'ratings.retention',
  atHour: 3,
  run: async (tx) => {
    const { addressRetentionDays } = await ratingSettings(tx);
    const erased = await eraseAddressesBefore(tx, new Date(Date.now() - addressRetentionDays * 86_400_000));
    const codes = await erasePhoneCodesBefore(tx, new Date(Date.now() - 86_400_000));
    return `erased ${erased} address hashes older than ${addressRetentionDays} days and ${codes} SMS codes older than a day`;
  },
};
