import { fromDayNumber, type WorkCalendar } from '../calendar/index.js';

/**
 * 为基层减负: no messages at night, on weekends or on holidays unless marked urgent. The quiet hours are
 * minutes of the local day, [start, end), wrapping past midnight when start > end (20:00–08:00).
 */
export interface QuietRules {
  /** Minute of the day the quiet hours begin (1200 = 20:00). */
  start: number;
  /** Minute of the day they end (480 = 08:00). Equal to start: no quiet hours. */
  end: number;
  /** Hold messages on the calendar's days off (weekends, holidays; 调休 working weekends are working days). */
  holdOnDaysOff: boolean;
}

export const DEFAULT_QUIET_RULES: QuietRules = { start: 20 * 60, end: 8 * 60, holdOnDaysOff: true };

const DAY_MIN = 1440;
const MIN_MS = 60_000;

export function isQuietMinute(minute: number, rules: QuietRules): boolean {
  const { start, end } = rules;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first moment at or after `at` (ms since the epoch) a message may go out: `at` itself when urgent
 * or outside the quiet hours on a working day; else the end of the quiet hours on the next day a
 * message may be sent. `offsetMinutes` is the local zone's offset from UTC (480 for Asia/Shanghai).
 */
export function deliverAfter(
  at: number,
  calendar: WorkCalendar,
  rules: QuietRules,
  urgent: boolean,
  offsetMinutes = 480,
): number {
  if (urgent) return at;
  const localMs = at + offsetMinutes * MIN_MS;
  let day = Math.floor(localMs / (DAY_MIN * MIN_MS));
  let minute = Math.floor((localMs - day * DAY_MIN * MIN_MS) / MIN_MS);
  // A year of days off in a row cannot happen; the bound keeps a broken calendar from looping.
  for (let i = 0; i < 400; i++) {
    const open = !rules.holdOnDaysOff || calendar.isWorkingDay(fromDayNumber(day));
    if (open) {
      // The end minute itself is never quiet ([start, end) is half-open).
      const m = isQuietMinute(minute, rules) ? quietEndAfter(minute, rules) : minute;
      if (m < DAY_MIN) {
        if (m === minute && i === 0) return at;
        return (day * DAY_MIN + m - offsetMinutes) * MIN_MS;
      }
    }
    day += 1;
    minute = 0;
  }
  return at;
}

/** The minute the quiet period holding `minute` ends (today's `end`, or the day's end when it ends tomorrow). */
function quietEndAfter(minute: number, rules: QuietRules): number {
  return rules.end > minute ? rules.end : DAY_MIN;
}
