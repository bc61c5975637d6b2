import { dayNumber, type IsoDate, type WorkCalendar } from '../calendar/index.js';

/** A unit is reminded this many working days before its report is due (the deadline day counts as 0). */
export const DEFAULT_REMINDER_WORKING_DAYS = 2;

export type ReportReminder =
  /** Due within the lead time: `workingDaysLeft` working days after today, 0 on the deadline day. */
  | { kind: 'due_soon'; workingDaysLeft: number }
  /** The deadline has passed with nothing submitted. */
  | { kind: 'overdue'; daysOverdue: number };

export interface ReminderInput {
  deadline: IsoDate;
  today: IsoDate;
  /** The first submission decides: a unit that has submitted once is never reminded (a return is told on its own). */
  firstSubmittedOn: IsoDate | null;
  calendar: WorkCalendar;
  leadWorkingDays?: number;
}

/**
 * 催报: whether a unit that owes a monthly report should be reminded today. Reminders go out on
 * working days only (nobody is paged on a holiday about a deadline after it), except on the deadline
 * day itself. The sender keys each reminder by period, unit, kind and deadline, so it is given once.
 */
export function reportReminder(input: ReminderInput): ReportReminder | null {
  const { deadline, today, calendar } = input;
  if (input.firstSubmittedOn !== null) return null;
  const late = dayNumber(today, 'today') - dayNumber(deadline, 'deadline');
  if (late > 0) return { kind: 'overdue', daysOverdue: late };
  const left = calendar.workingDaysBetween(today, deadline);
  const lead = input.leadWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS;
  if (left > lead || (late < 0 && !calendar.isWorkingDay(today))) return null;
  return { kind: 'due_soon', workingDaysLeft: left };
}
