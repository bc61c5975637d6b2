import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chineseDate,
  chineseMonth,
  chinesePeriod,
  defaultOfficeCode,
  defaultOfficeTitle,
  documentNumber,
  inChinese,
} from './official.js';

describe('official document rules (GB/T 9704-2012)', () => {
  it('writes dates with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2026-12-02')).toBe('2026年12月2日');
    expect(chineseDate('2026-01-09T08:00:00+08:00')).toBe('2026年1月9日');
    expect(chineseMonth('2026-03')).toBe('2026年3月');
    expect(chinesePeriod('2026-01-01', '2026-03-31')).toBe('2026年1月1日至3月31日');
    expect(chinesePeriod('2025-12-01', '2026-01-31')).toBe('2025年12月1日至2026年1月31日');
    expect(() => chineseDate('12/02/2026')).toThrow();
    expect(inChinese('2026-Q3')).toBe('2026年第三季度');
    expect(inChinese('2026-H1')).toBe('2026年上半年');
    expect(inChinese('2026-11')).toBe('2026年11月');
    expect(inChinese('未报送')).toBe('未报送');
  });

  it('never leaves an ISO date behind', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const s = chineseDate(iso);
        expect(s).not.toMatch(/\d{4}-\d{2}/);
        expect(s).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
      }),
    );
  });

  it('numbers documents per office and year', () => {
    expect(documentNumber('城考办', 2026, 12)).toBe('城考办〔2026〕12号');
    expect(() => documentNumber('城考办', 2026, 0)).toThrow();
    expect(defaultOfficeCode('城阳区')).toBe('城考办');
    expect(defaultOfficeCode('流亭街道')).toBe('流考办');
    expect(defaultOfficeTitle('青岛市城阳区')).toBe('青岛市城阳区绩效考核办公室');
  });
});
