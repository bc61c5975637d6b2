import { reportReminder, splitPeriod, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { DailyJob } from '../../jobs/runner.js';
import { loadCalendar } from '../calendar/service.js';
import { notify, recipientsByUnit } from '../notifications/service.js';
import { boardRows } from './board.js';
import { openPeriods } from './repo.js';
import { dispatchSettings } from './settings.js';
import { loadYear } from './year.js';

/**
 * 催报: every morning, each unit that owes an open month's report and has not submitted it hears
 * that the deadline is near (within the office's lead time, in working days) or has passed. A notice is
 * keyed by period, unit, kind and deadline: told once, and told again only if the office moves the
 * deadline (reopening a month).
 */
export async function remindReports(tx: Db, day: IsoDate): Promise<string> {
  const calendar = await loadCalendar(tx);
  const { reminderWorkingDays } = await dispatchSettings(tx);
  const open = await openPeriods(tx);
  let owing = 0;
  let told = 0;
  for (const p of open) {
    const { year, month: m } = splitPeriod(p.period);
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
    const recipients = await recipientsByUnit(
      tx,
      due.map((d) => d.row.unit.id),
    );
    for (const { row, r } of due) {
      told += await notify(tx, recipients.get(row.unit.id) ?? [], {
        kind: `dispatch.${r.kind}`,
        title: r.kind === 'overdue' ? `逾期未报：${m} 月调度` : `催报：${m} 月调度将于 ${p.deadline} 截止`,
        body:
          r.kind === 'overdue'
            ? `${m} 月调度已过截止日期 ${p.deadline} ${r.daysOverdue} 天，尚未报送，请尽快填报并报送`
            : r.workingDaysLeft === 0
              ? '今天是截止日，请及时报送'
              : `还剩 ${r.workingDaysLeft} 个工作日，请及时填报并报送`,
        link: `/dispatch/report/${row.unit.id}/${p.period}`,
        dedupeKey: `dispatch:${p.id}:${row.unit.id}:${r.kind}:${p.deadline}`,
      });
    }
  }
  return `${owing} reports due soon or overdue, ${told} new notices`;
}

export const dispatchReminderJob: DailyJob = { name: 'dispatch.reminders', atHour: 8, run: remindReports };
