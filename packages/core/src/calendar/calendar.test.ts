import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, dayNumber, workCalendar } from './index.js';

// 2026 National Day and Mid-Autumn arrangement as published data would give it (test data, not code):
// 10-01 … 10-07 off; Sunday 09-20 and Saturday 10-10 are working days (调休).
const cal2026 = workCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingWeekends: ['2026-09-20', '2026-10-10'],
});

describe('working-day calendar', () => {
  it('lands "5 working days after 2026-09-30" after the National Day holiday', () => {
    // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon, 10-13 Tue.
    expect(cal2026.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(cal2026.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal2026.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });
  it('knows adjusted working weekends and ordinary weekends', () => {
    expect(cal2026.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(cal2026.isWorkingDay('2026-09-19')).toBe(false); // Saturday
    expect(cal2026.isWorkingDay('2026-10-05')).toBe(false);
    expect(cal2026.isWorkingDay('2026-09-18')).toBe(true);
    expect(cal2026.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
  });
  it('rejects bad data, naming the entry', () => {
    expect(() => workCalendar({ holidays: ['2026-02-30'], workingWeekends: [] })).toThrow(
      'holidays[0]：日期“2026-02-30”不存在',
    );
    expect(() => workCalendar({ holidays: [], workingWeekends: ['2026-09-21'] })).toThrow(
      'workingWeekends[0]：2026-09-21 不是周末',
    );
    expect(() => workCalendar({ holidays: ['2026-10-10'], workingWeekends: ['2026-10-10'] })).toThrow(
      '同时被列为节假日',
    );
    expect(() => cal2026.addWorkingDays('2026-9-1', 1)).toThrow('格式须为 YYYY-MM-DD');
  });
  it('counts back what it added (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2025-12-01'), max: dayNumber('2026-12-31') }),
        fc.integer({ min: 0, max: 40 }),
        (day, n) => {
          const from = fromDayNumber(day);
          const to = cal2026.addWorkingDays(from, n);
          return cal2026.workingDaysBetween(from, to) === n && (n === 0 || cal2026.isWorkingDay(to));
        },
      ),
    );
  });
});
