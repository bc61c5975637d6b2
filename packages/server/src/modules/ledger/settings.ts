import { z } from 'zod';
import { DEFAULT_YELLOW_DAYS } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { readSetting } from '../settings/store.js';

const ZLedgerSettings = z.object({ yellowDays: z.number().int().min(0).max(30).default(DEFAULT_YELLOW_DAYS) });

/** The working-day calendar lives in the calendar module (工作日历), shared with the dispatch's deadlines. */
export { loadCalendar } from '../calendar/service.js';

/** Ledger settings ('ledger' key): the yellow warning window in days. */
export async function ledgerSettings(db: Db): Promise<{ yellowDays: number }> {
  const parsed = ZLedgerSettings.safeParse((await readSetting(db, 'ledger')) ?? {});
  return parsed.success ? parsed.data : { yellowDays: DEFAULT_YELLOW_DAYS };
}
