import type { IsoDate } from '../calendar/index.js';

/** A dispatch period is a calendar month, 'YYYY-MM', in Asia/Shanghai. */
export type MonthPeriod = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthPeriod(p: string): p is MonthPeriod {
  return PERIOD.test(p);
}

/** Year and month (1–12) of a period; throws on a malformed one (callers validate at the edge). */
export function splitPeriod(p: MonthPeriod): { year: number; month: number } {
  const m = PERIOD.exec(p);
  if (!m) throw new RangeError(`期间“${p}”格式须为 YYYY-MM`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function monthPeriod(year: number, month: number): MonthPeriod {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period `n` months after `p` (negative: before). */
export function shiftPeriod(p: MonthPeriod, n: number): MonthPeriod {
  const { year, month } = splitPeriod(p);
  const index = year * 12 + (month - 1) + n;
  return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** The period a date falls in. */
export const periodOf = (date: IsoDate): MonthPeriod => date.slice(0, 7);

/** Last day of a period, e.g. '2026-02' → '2026-02-28'. */
export function periodEnd(p: MonthPeriod): IsoDate {
  const { year, month } = splitPeriod(p);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${p}-${String(last).padStart(2, '0')}`;
}

/**
 * Is a unit × indicator in play for a period? A unit added mid-year carries indicators only from the
 * month it joined; an indicator retired mid-year stops counting from its retirement month on. Both are
 * periods (inclusive start, exclusive end), so earlier months keep their figures and colours.
 */
export function activeInPeriod(p: MonthPeriod, from: MonthPeriod | null, retiredFrom: MonthPeriod | null): boolean {
  return (from === null || p >= from) && (retiredFrom === null || p < retiredFrom);
}

/** When a report arrived relative to its deadline (逾期, 未报). */
export type ReportTiming = 'on_time' | 'late' | 'missing' | 'not_due';

/**
 * A report is on time when first submitted on or before the deadline day, late after it, missing when
 * the deadline has passed without a submission, and not yet due before. Resubmissions after a return
 * keep the first submission's timing: the unit answered in time and the office asked for corrections.
 */
export function reportTiming(deadline: IsoDate, firstSubmittedOn: IsoDate | null, today: IsoDate): ReportTiming {
  if (firstSubmittedOn !== null) return firstSubmittedOn <= deadline ? 'on_time' : 'late';
  return today > deadline ? 'missing' : 'not_due';
}

/** One word per timing, the same as the reporting states' (a late report is 逾期 on the board and in the bulletin). */
export const REPORT_TIMING_LABELS: Record<ReportTiming, string> = {
  on_time: '按时',
  late: '逾期',
  missing: '未报',
  not_due: '未到期',
};
