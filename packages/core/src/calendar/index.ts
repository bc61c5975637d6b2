import { check } from '../number/index.js';

/** A date as text, "2026-10-08". */
export type IsoDate = string;

/**
 * The year's calendar as data (DESIGN §3.6), imported each year from the State Council notice:
 * public holidays, and the weekend days that are working days instead (调休上班).
 */
export interface CalendarData {
  holidays: readonly IsoDate[];
  workingWeekends: readonly IsoDate[];
}

export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The `n`-th working day after `date` (the day itself not counted); n = 0 gives `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]: how many working days after `from` `to` is, 0 if not after. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC, so no time zone ever shifts a date). */
export function dayNumber(date: IsoDate, item = 'date'): number {
  const m = DATE.exec(date);
  check(m !== null, item, `日期“${date}”格式须为 YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  check(
    back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d,
    item,
    `日期“${date}”不存在`,
  );
  return ms / DAY_MS;
}

/** Whether text is a date that exists, "2026-02-28" but not "2026-02-30" or "9999-99-99" (years 1900–2199). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y < 2200 && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday; Saturday and Sunday are weekend days. */
const isWeekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
};

/** Validates the data (dates real, no day both a holiday and a working weekend, working weekends on weekends). */
export function workCalendar(data: CalendarData): WorkCalendar {
  const holidays = new Set<number>();
  const working = new Set<number>();
  data.holidays.forEach((d, i) => holidays.add(dayNumber(d, `holidays[${i}]`)));
  data.workingWeekends.forEach((d, i) => {
    const day = dayNumber(d, `workingWeekends[${i}]`);
    check(isWeekend(day), `workingWeekends[${i}]`, `${d} 不是周末，无需调休上班`);
    check(!holidays.has(day), `workingWeekends[${i}]`, `${d} 同时被列为节假日和调休上班日`);
    working.add(day);
  });
  const works = (day: number): boolean => working.has(day) || (!isWeekend(day) && !holidays.has(day));
  return {
    isWorkingDay: (date) => works(dayNumber(date)),
    addWorkingDays(date, n) {
      check(Number.isInteger(n) && n >= 0 && n <= 3660, 'workingDays', `工作日数须为 0 到 3660 的整数，实际为 ${n}`);
      let day = dayNumber(date);
      for (let left = n; left > 0;) {
        day += 1;
        if (works(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    workingDaysBetween(from, to) {
      const a = dayNumber(from, 'from');
      const b = dayNumber(to, 'to');
      let count = 0;
      for (let day = a + 1; day <= b; day += 1) if (works(day)) count += 1;
      return count;
    },
  };
}
