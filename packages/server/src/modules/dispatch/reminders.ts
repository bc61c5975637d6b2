import { reportReminder, splitPeriod, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { DailyJob } from '../../jobs/runner.js';
import { loadCalendar } from '../calendar/index.js';
import { emit } from '../../events/emit.js';
import type { EventOf } from '../../events/types.js';
import { newNotices } from '../notifications/index.js';
import { boardRows } from './board.js';
import { openPeriods } from './repo.js';
import { dispatchSettings } from './settings.js';
import { loadYear } from './year.js';

/**
 * 催报: every morning, each unit that owes an open month's report and has not submitted it hears
 * that the deadline is near (within the office's lead time, in working days) or has passed: a
 * `report.reminder` event, worded by the bell (notifications). A reminder is keyed by period, unit,
 * kind and deadline: told once, and told again only if the office moves the deadline (reopening a month).
 */
export async function remindReports(tx: Db, day: IsoDate): Promise<string> {
  const calendar = await loadCalendar(tx);
  const { reminderWorkingDays } = await dispatchSettings(tx);
  const open = await openPeriods(tx);
  let owing = 0;
  let told = 0;
  for (const p of open) {
    const { year } = splitPeriod(p.period);
    const due = boardRows(await loadYear(tx, p.campaignId, year), p, () => true, day).flatMap((row) => {
      const r = reportReminder({
        deadline: p.deadline,
        today: day,
        firstSubmittedOn: row.report.firstSubmittedOn,
        calendar,
        leadWorkingDays: reminderWorkingDays,
      });
      return r ? [{ row, r }] : [];
    });
    owing += due.length;
    for (const { row, r } of due) {
      const event: EventOf<'report.reminder'> = {
        type: 'report.reminder',
        periodId: p.id,
        unitId: row.unit.id,
        period: p.period,
        deadline: p.deadline,
        reminder: r,
      };
      // Told already (same period, unit, kind and deadline): no event, nobody told twice.
      const fresh = await newNotices(tx, event);
      if (fresh === 0) continue;
      await emit(tx, event);
      told += fresh;
    }
  }
  return `${owing} reports due soon or overdue, ${told} new notices`;
}

export const dispatchReminderJob: DailyJob = { name: 'dispatch.reminders', atHour: 8, run: remindReports };
