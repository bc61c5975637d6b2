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

/**
 * How far the test clock is moved from the real one (ms): 0 unless a browser test moved "today" through
 * the test-only route (LEITAI_TEST_CLOCK=1, which production refuses). Jobs keep the real clock.
 */
let testOffsetMs = 0;

/** The present moment as the server's requests see it: the real time, or the test clock's. */
export const clockNow = (): Date => new Date(Date.now() + testOffsetMs);

/**
 * The test clock: makes "today" the given local date, keeping the time of day; null goes back to the real
 * date. Only the test-clock route (registered when LEITAI_TEST_CLOCK=1) and tests call it.
 */
export function setTestToday(date: IsoDate | null): void {
  testOffsetMs = date === null ? 0 : Date.parse(`${date}T00:00:00Z`) - Date.parse(`${localDate(new Date())}T00:00:00Z`);
}

/**
 * The local date and hour at `at` (by default now, by the server's clock). Every public rating asks for
 * "today", and Intl's formatting is dear on that path: the answer is kept for the minute it holds in (zones
 * differ from UTC by whole minutes, so a minute never straddles two local hours).
 */
export function localNow(at: Date = clockNow()): Readonly<{ date: IsoDate; hour: number }> {
  const minute = Math.floor(at.getTime() / 60_000);
  if (lastMinute.minute === minute && lastMinute.format === format) return lastMinute.value;
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const value = Object.freeze({ date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 });
  lastMinute = { minute, format, value };
  return value;
}
let lastMinute: { minute: number; format: Intl.DateTimeFormat; value: { date: IsoDate; hour: number } } = {
  minute: Number.NaN,
  format,
  value: { date: '1970-01-01', hour: 0 },
};

/** The local date (YYYY-MM-DD) at `at`: "today" by default. */
export const localDate = (at: Date = clockNow()): IsoDate => localNow(at).date;

/** The names the modules already call; the same helper, in the configured zone. */
export const shanghaiNow = localNow;
export const shanghaiDate = localDate;
