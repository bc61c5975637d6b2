import type { IsoDate } from '@leitai/core';

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hour12: false,
});

/** The date (and hour) in Asia/Shanghai, where campaigns run, whatever the server's time zone. */
export function shanghaiNow(at: Date = new Date()): { date: IsoDate; hour: number } {
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
}

export const shanghaiDate = (at: Date = new Date()): IsoDate => shanghaiNow(at).date;
