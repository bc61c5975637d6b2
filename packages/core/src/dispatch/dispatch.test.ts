import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeInPeriod, periodEnd, reportTiming, shiftPeriod, splitPeriod } from './period.js';
import {
  allowedReportActions,
  DEFAULT_REPORT_POLICY,
  reportSubmitRefusal,
  reportActionProblem,
  reportNextState,
  type ReportAction,
  type ReportState,
} from './report-state.js';
import { checkFigure, checkReportFigures, prefillFigures, type FigureIndicator } from './validate.js';
import { reportReminder } from './reminder.js';
import { dayNumber, fromDayNumber, workCalendar } from '../calendar/index.js';

const signed: FigureIndicator = { name: '签约亿元以上项目（个）', kind: 'cumulative', allowNegative: false };
const growth: FigureIndicator = { name: '固定资产投资增长（%）', kind: 'growth', allowNegative: true };

describe('periods', () => {
  it('shifts across years and knows month ends', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-11', 3)).toBe('2027-02');
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(() => splitPeriod('2026-13')).toThrow('YYYY-MM');
  });
  it('shifting there and back is the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -500, max: 500 }),
        (y, m, n) => {
          const p = `${y}-${String(m).padStart(2, '0')}`;
          expect(shiftPeriod(shiftPeriod(p, n), -n)).toBe(p);
        },
      ),
    );
  });
  it('units added and indicators retired mid-year count only in their months', () => {
    expect(activeInPeriod('2026-03', '2026-05', null)).toBe(false);
    expect(activeInPeriod('2026-05', '2026-05', null)).toBe(true);
    expect(activeInPeriod('2026-07', null, '2026-07')).toBe(false);
    expect(activeInPeriod('2026-06', null, '2026-07')).toBe(true);
  });
  it('marks late and missing reports; a resubmission keeps the first timing', () => {
    expect(reportTiming('2026-05-05', '2026-05-05', '2026-05-20')).toBe('on_time');
    expect(reportTiming('2026-05-05', '2026-05-06', '2026-05-20')).toBe('late');
    expect(reportTiming('2026-05-05', null, '2026-05-06')).toBe('missing');
    expect(reportTiming('2026-05-05', null, '2026-05-05')).toBe('not_due');
  });
});

describe('report states', () => {
  it('walks fill → submit → return → resubmit → accept', () => {
    let s: ReportState = 'draft';
    for (const a of ['save', 'submit', 'return', 'save', 'submit', 'accept'] as ReportAction[]) {
      expect(reportActionProblem(s, a, true)).toBeNull();
      s = reportNextState(s, a);
    }
    expect(s).toBe('accepted');
  });
  it('refuses edits once submitted or accepted, and any filling in a closed period; the office may return an accepted report', () => {
    expect(reportActionProblem('submitted', 'save', true)).toMatch('不能再修改');
    expect(reportActionProblem('accepted', 'return', true)).toBeNull();
    expect(reportNextState('accepted', 'return')).toBe('returned');
    expect(reportActionProblem('draft', 'return', true)).toMatch('待审核或已通过');
    expect(reportActionProblem('draft', 'submit', false)).toMatch('已关闭');
    expect(reportActionProblem('submitted', 'accept', false)).toBeNull();
  });
});

describe('allowed report actions (the buttons the server serves)', () => {
  const reporter = { fill: true, submit: false, review: false, ownUnit: true };
  const head = { fill: true, submit: true, review: false, ownUnit: true };
  const office = { fill: false, submit: false, review: true, ownUnit: false };
  it('gives each person the actions their permissions and the state allow', () => {
    expect(allowedReportActions('draft', true, reporter)).toEqual(['save', 'handoff']);
    expect(allowedReportActions('handed_off', true, reporter)).toEqual(['save']);
    expect(allowedReportActions('handed_off', true, head)).toEqual(['save', 'submit']);
    expect(allowedReportActions('draft', true, head)).toEqual(['save', 'submit']);
    expect(allowedReportActions('returned', true, head)).toEqual(['save', 'submit']);
    expect(allowedReportActions('submitted', true, head)).toEqual([]);
    expect(allowedReportActions('submitted', true, office)).toEqual(['accept', 'return']);
    expect(allowedReportActions('accepted', true, office)).toEqual(['return']);
    expect(allowedReportActions('draft', true, office)).toEqual([]);
  });
  it('a closed month allows no filling, but the office still reviews', () => {
    expect(allowedReportActions('draft', false, head)).toEqual([]);
    expect(allowedReportActions('submitted', false, office)).toEqual(['accept', 'return']);
  });
  it('another unit fills nothing, whatever its permissions', () => {
    expect(allowedReportActions('draft', true, { ...head, ownUnit: false })).toEqual([]);
  });
  it('a reporter 报送 directly only where the office allows it', () => {
    const direct = { reporterMaySubmit: true };
    expect(allowedReportActions('draft', true, reporter, direct)).toEqual(['save', 'handoff', 'submit']);
    expect(reportSubmitRefusal(reporter, DEFAULT_REPORT_POLICY)).toMatch('负责人');
    expect(reportSubmitRefusal(reporter, direct)).toBeNull();
    expect(reportSubmitRefusal({ ...head, ownUnit: false }, direct)).toMatch('本单位');
    expect(reportSubmitRefusal({ ...office, ownUnit: true }, direct)).toMatch('没有报送');
  });
  it('walks save → hand off → the head submits', () => {
    let s: ReportState = 'draft';
    for (const a of ['save', 'handoff', 'save', 'submit'] as ReportAction[]) {
      expect(reportActionProblem(s, a, true)).toBeNull();
      s = reportNextState(s, a);
    }
    expect(s).toBe('submitted');
    expect(reportActionProblem('handed_off', 'handoff', true)).toMatch('不能重复');
  });
  it('never reaches the office past the head unless the setting allows (any walk of any viewer)', () => {
    const actions: ReportAction[] = ['save', 'handoff', 'submit', 'accept', 'return'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...actions), fc.boolean()), { maxLength: 12 }),
        fc.boolean(),
        (walk, allowDirect) => {
          let s: ReportState = 'draft';
          for (const [a, byOffice] of walk) {
            const who = byOffice ? office : reporter;
            if (!allowedReportActions(s, true, who, { reporterMaySubmit: allowDirect }).includes(a)) continue;
            s = reportNextState(s, a);
          }
          // Only the reporter and the office act: without the setting nothing is ever submitted.
          if (!allowDirect) expect(['draft', 'handed_off']).toContain(s);
        },
      ),
    );
  });
  it('every allowed action is one the state machine accepts', () => {
    const states: ReportState[] = ['draft', 'handed_off', 'submitted', 'returned', 'accepted'];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.boolean(),
        fc.record({ fill: fc.boolean(), submit: fc.boolean(), review: fc.boolean(), ownUnit: fc.boolean() }),
        fc.boolean(),
        (s, open, v, direct) => {
          for (const a of allowedReportActions(s, open, v, { reporterMaySubmit: direct }))
            expect(reportActionProblem(s, a, open)).toBeNull();
        },
      ),
    );
  });
});

describe('figures', () => {
  it('refuses text and negative counts, naming the field', () => {
    expect(checkFigure(signed, { raw: '十二', history: [] }).problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^签约亿元以上项目（个）：“十二”不是数字/),
    });
    expect(checkFigure(signed, { raw: '-3', history: [] }).problems[0]?.message).toMatch('不能为负数');
    expect(checkFigure(growth, { raw: '-3.5', history: [] })).toEqual({ value: '-3.5', problems: [] });
    expect(checkFigure(signed, { raw: '1.1234567', history: [] }).problems[0]?.message).toMatch('小数位');
  });
  it('refuses a cumulative value below last month', () => {
    const r = checkFigure(signed, { raw: '40', history: ['20', '35', '42'] });
    expect(r.value).toBeNull();
    expect(r.problems[0]?.message).toBe('签约亿元以上项目（个）：累计值 40 小于上期累计 42，累计数不能减少');
  });
  it('flags, but keeps, a figure far outside the unit history', () => {
    const big = checkFigure(signed, { raw: '200', history: ['8', '16', '24'] });
    expect(big.value).toBe('200');
    expect(big.problems[0]).toMatchObject({
      severity: 'flag',
      message: expect.stringContaining('超过此前月均新增 8 的 4 倍'),
    });
    expect(checkFigure(signed, { raw: '50', history: ['8', '16', '24'] }).problems).toEqual([]);
    expect(checkFigure(growth, { raw: '95', history: ['8', '9.5', '10'] }).problems[0]?.severity).toBe('flag');
    expect(checkFigure(growth, { raw: '12', history: ['8', '9.5', '10'] }).problems).toEqual([]);
    // Too little history to judge: nothing flagged.
    expect(checkFigure(signed, { raw: '500', history: ['1', '2'] }).problems).toEqual([]);
  });
  it('never accepts a cumulative value below the last one, whatever the numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 11 }),
        fc.integer({ min: 0, max: 1e6 }),
        (h, v) => {
          const history = [...h].sort((a, b) => a - b).map(String);
          const r = checkFigure(signed, { raw: v, history });
          const last = Number(history.at(-1));
          expect(r.value === null).toBe(v < last);
        },
      ),
    );
  });
  it('demands every figure on submit, not on save', () => {
    const rows = [
      { id: 1, indicator: signed, input: { raw: '', history: [] } },
      { id: 2, indicator: growth, input: { raw: '8', history: [] } },
    ];
    expect(checkReportFigures(rows, false).errors).toEqual([]);
    expect(checkReportFigures(rows, true).errors[0]?.message).toMatch('未填写');
  });
  it('prefills cumulative figures from last period, never rates, and keeps saved ones', () => {
    const inds = [
      { id: 'a', kind: 'cumulative' as const },
      { id: 'b', kind: 'growth' as const },
      { id: 'c', kind: 'cumulative' as const },
    ];
    const out = prefillFigures(
      inds,
      new Map([
        ['a', '12'],
        ['b', '7'],
        ['c', '3'],
      ]),
      new Map([['c', '5']]),
    );
    expect(Object.fromEntries(out)).toEqual({
      a: { value: '12', prefilled: true },
      b: { value: null, prefilled: false },
      c: { value: '5', prefilled: false },
    });
  });
});

describe('report reminders (催报)', () => {
  // 2026: National Day week off, Sunday 2026-09-27 and Saturday 2026-10-10 worked instead.
  const calendar = workCalendar({
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workingWeekends: ['2026-09-27', '2026-10-10'],
  });
  const remind = (today: string, deadline = '2026-10-09', firstSubmittedOn: string | null = null) =>
    reportReminder({ deadline, today, firstSubmittedOn, calendar });

  it('counts working days to the deadline across a holiday, and not on the holiday itself', () => {
    expect(remind('2026-09-29')).toBeNull(); // Tue: 30 Sep and 8, 9 Oct are 3 working days away
    expect(remind('2026-09-30')).toEqual({ kind: 'due_soon', workingDaysLeft: 2 });
    expect(remind('2026-10-05')).toBeNull(); // a holiday: nobody is reminded
    expect(remind('2026-10-09')).toEqual({ kind: 'due_soon', workingDaysLeft: 0 });
    expect(remind('2026-10-12')).toEqual({ kind: 'overdue', daysOverdue: 3 });
  });
  it('reminds the deadline day even when it falls on a weekend, and never a unit that has submitted', () => {
    expect(remind('2026-10-11', '2026-10-11')).toEqual({ kind: 'due_soon', workingDaysLeft: 0 });
    expect(remind('2026-10-20', '2026-10-09', '2026-10-12')).toBeNull();
  });
  it('is overdue exactly after the deadline, and due soon only within the lead time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 10 }),
        (a, b, lead) => {
          const today = fromDayNumber(dayNumber('2026-01-01') + a);
          const deadline = fromDayNumber(dayNumber('2026-01-01') + b);
          const r = reportReminder({ deadline, today, firstSubmittedOn: null, calendar, leadWorkingDays: lead });
          expect(r?.kind === 'overdue').toBe(today > deadline);
          if (r?.kind === 'due_soon') expect(r.workingDaysLeft).toBe(calendar.workingDaysBetween(today, deadline));
          if (r?.kind === 'due_soon') expect(r.workingDaysLeft).toBeLessThanOrEqual(lead);
          if (today <= deadline && calendar.workingDaysBetween(today, deadline) <= lead && calendar.isWorkingDay(today))
            expect(r?.kind).toBe('due_soon');
        },
      ),
    );
  });
});

describe('one word per state (issue 12)', () => {
  it('a late report is 逾期 in its timing and its reporting state; shared states share their word', async () => {
    const { REPORT_TIMING_LABELS } = await import('./period.js');
    const { REPORTING_STATE_LABELS } = await import('./standing.js');
    const { REPORT_STATE_LABELS } = await import('./report-state.js');
    expect(REPORT_TIMING_LABELS.late).toBe('逾期');
    for (const [k, word] of Object.entries(REPORT_TIMING_LABELS))
      expect(REPORTING_STATE_LABELS[k as keyof typeof REPORTING_STATE_LABELS]).toBe(word);
    expect(REPORTING_STATE_LABELS.submitted).toBe(REPORT_STATE_LABELS.submitted);
    // Distinct states, distinct words: a bulletin never prints one word for two states.
    expect(new Set(Object.values(REPORTING_STATE_LABELS)).size).toBe(Object.keys(REPORTING_STATE_LABELS).length);
  });
});
