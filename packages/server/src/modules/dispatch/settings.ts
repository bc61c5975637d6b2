import { z } from 'zod';
import { DEFAULT_REMINDER_WORKING_DAYS, DEFAULT_REPORT_POLICY } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

export const ZDispatchSettings = z.object({
  reminderWorkingDays: z
    .number({ error: '催报提前天数须为整数' })
    .int('催报提前天数须为整数')
    .min(0, '催报提前天数不能为负')
    .max(10, '催报提前天数不能超过 10 个工作日')
    .default(DEFAULT_REMINDER_WORKING_DAYS),
  /** Whether a reporter may 报送 without the head (core's ReportPolicy); off: the head signs. */
  reporterMaySubmit: z.boolean({ error: '是否允许填报员直接报送须为是或否' }).default(false),
});
export type DispatchSettings = z.infer<typeof ZDispatchSettings>;

/** Dispatch settings ('dispatch' key): how many working days before a deadline units are reminded (催报), and who may 报送. */
export async function dispatchSettings(db: Db): Promise<DispatchSettings> {
  const parsed = ZDispatchSettings.safeParse((await readSetting(db, 'dispatch')) ?? {});
  return parsed.success
    ? parsed.data
    : {
        reminderWorkingDays: DEFAULT_REMINDER_WORKING_DAYS,
        reporterMaySubmit: DEFAULT_REPORT_POLICY.reporterMaySubmit,
      };
}

/** Saves them, audited as a settings change; the next morning's reminders follow. */
export async function saveDispatchSettings(
  db: Db,
  who: AuditActor,
  value: DispatchSettings,
): Promise<DispatchSettings> {
  await writeSetting(db, who, 'dispatch', value, dispatchSettings);
  return value;
}
