import type { IsoDate } from '@leitai/core';

/**
 * The one clock for dates a user reads: "today", due dates, the dates shown and printed, in the
 * configured time zone (LEITAI_TIME_ZONE, default Asia/Shanghai, where campaigns run), whatever the
 * server's own zone. A date from `toISOString()` is a UTC date: one day early before 08:00 in Shanghai.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatterFor = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hour12: false,
  });

/** Throws a RangeError for a zone the runtime does not know. */
export function checkTimeZone(timeZone: string): string {
  formatterFor(timeZone);
  return timeZone;
}

let zone = DEFAULT_TIME_ZONE;
let format = formatterFor(zone);

/** Sets the zone for the whole process (at start-up, from the configuration). */
export function setTimeZone(timeZone: string): void {
  format = formatterFor(checkTimeZone(timeZone));
  zone = timeZone;
}
export const timeZone = (): string => zone;

/** The local date and hour at `at`. */
export function localNow(at: Date = new Date()): { date: IsoDate; hour: number } {
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
}

/** The local date (YYYY-MM-DD) at `at`: "today" by default. */
export const localDate = (at: Date = new Date()): IsoDate => localNow(at).date;

/** The names the modules already call; the same helper, in the configured zone. */
export const shanghaiNow = localNow;
export const shanghaiDate = localDate;
