import { z } from 'zod';
import { ZDate as ZCalendarDate } from '../../http/schemas.js';
import { workCalendar, type CalendarData, type WorkCalendar } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

const KEY = 'calendar';
const ZDate = ZCalendarDate();
export const ZCalendarData = z.object({ holidays: z.array(ZDate).max(2000), workingWeekends: z.array(ZDate).max(500) });

/** The stored calendar data (sorted), or none: then only weekends are days off. */
export async function calendarData(db: Db): Promise<CalendarData> {
  const parsed = ZCalendarData.safeParse(await readSetting(db, KEY));
  return parsed.success ? parsed.data : { holidays: [], workingWeekends: [] };
}

/** The working-day calendar (DESIGN §3.6) every deadline rule counts on. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  return workCalendar(await calendarData(db));
}

/** Validates with core's rules (real dates, 调休 days on weekends, no day both) before storing; audited. */
export async function saveCalendar(db: Db, who: AuditActor, data: CalendarData): Promise<CalendarData> {
  const sorted = {
    holidays: [...new Set(data.holidays)].sort(),
    workingWeekends: [...new Set(data.workingWeekends)].sort(),
  };
  workCalendar(sorted);
  await writeSetting(db, who, KEY, sorted, calendarData);
  return sorted;
}
