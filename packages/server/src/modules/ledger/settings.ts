import { z } from 'zod';
import { DEFAULT_LEDGER_POLICY, DEFAULT_YELLOW_DAYS } from '@leitai/core';
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
  /** A close-out request with unfinished steps: flagged to the verifier, or refused (core's LedgerPolicy). */
  unfinishedSteps: z
    .enum(['flag', 'refuse'], { error: '未完成节点的处理方式须为“提示核查”或“不予申请”' })
    .default(DEFAULT_LEDGER_POLICY.unfinishedSteps),
  /** Whether the lead unit's head confirms a close-out request before it reaches the office. */
  headConfirmsClose: z
    .boolean({ error: '是否须负责人确认须为是或否' })
    .default(DEFAULT_LEDGER_POLICY.headConfirmsClose),
});
export type LedgerSettings = z.infer<typeof ZLedgerSettings>;

/** The working-day calendar lives in the calendar module (工作日历), shared with the dispatch's deadlines. */
export { loadCalendar } from '../calendar/index.js';

/** Ledger settings ('ledger' key): the yellow warning window in days, and the close-out policy. */
export async function ledgerSettings(db: Db): Promise<LedgerSettings> {
  const parsed = ZLedgerSettings.safeParse((await readSetting(db, 'ledger')) ?? {});
  return parsed.success ? parsed.data : { yellowDays: DEFAULT_YELLOW_DAYS, ...DEFAULT_LEDGER_POLICY };
}

/** Saves the ledger settings (audited as a settings change); colours follow at once, notices from the next daily run. */
export async function saveLedgerSettings(db: Db, who: AuditActor, value: LedgerSettings): Promise<LedgerSettings> {
  await writeSetting(db, who, 'ledger', value, ledgerSettings);
  return value;
}
