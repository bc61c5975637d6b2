import { z } from 'zod';
import { DEFAULT_YELLOW_DAYS } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { AuditActor } from '../audit/index.js';

export const ZLedgerSettings = z.object({
  yellowDays: z
    .number({ error: '临期提醒天数须为整数' })
    .int('临期提醒天数须为整数')
    .min(0, '临期提醒天数不能为负')
    .max(30, '临期提醒天数不能超过 30 天')
    .default(DEFAULT_YELLOW_DAYS),
});
export type LedgerSettings = z.infer<typeof ZLedgerSettings>;

/** The working-day calendar lives in the calendar module (工作日历), shared with the dispatch's deadlines. */
export { loadCalendar } from '../calendar/index.js';

/** Ledger settings ('ledger' key): the yellow warning window in days. */
export async function ledgerSettings(db: Db): Promise<{ yellowDays: number }> {
  const parsed = ZLedgerSettings.safeParse((await readSetting(db, 'ledger')) ?? {});
  return parsed.success ? parsed.data : { yellowDays: DEFAULT_YELLOW_DAYS };
}

/** Saves the ledger settings (audited as a settings change); colours follow at once, notices from the next daily run. */
export async function saveLedgerSettings(db: Db, who: AuditActor, value: LedgerSettings): Promise<LedgerSettings> {
  await writeSetting(db, who, 'ledger', value, ledgerSettings);
  return value;
}
