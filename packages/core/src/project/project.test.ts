import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, workCalendar } from '../calendar/index.js';
import { reverseSchedule } from '../ledger/schedule.js';
import { DEFAULT_RATIO_RULE } from '../pace/warning.js';
import {
  DEFAULT_CARD_RULES,
  cardRulesProblem,
  interviewRung,
  planDiff,
  planProblems,
  portfolioRates,
  projectCard,
  projectStage,
  type ProjectMonthInput,
} from './index.js';

const base: ProjectMonthInput = {
  item: '城阳区轨道交通产业园',
  period: '2026-06',
  yearPlan: '1200',
  monthlyPlan: null,
  completedToDate: '600',
  deadlinePassed: true,
  milestones: [],
};
const ratioRules = { ...DEFAULT_CARD_RULES, investment: DEFAULT_RATIO_RULE };
const at = (completed: string, rules = DEFAULT_CARD_RULES) =>
  projectCard({ ...base, completedToDate: completed }, rules);

describe('investment against the time-proportional plan (银川: points behind)', () => {
  // June of a 1 200 万元 year: 600 due. 10 points of the year plan are 120 万元, 30 points 360 万元.
  it.each([
    ['600', 'green', '0'],
    ['481', 'green', '9.92'],
    ['480', 'yellow', '10'], // exactly 10 behind is yellow ("from 10 to 30")
    ['240', 'yellow', '30'], // exactly 30 behind is still yellow
    ['239.99', 'red', '30'], // 30.000833… points: red, shown rounded once
    ['700', 'green', '-8.33'], // ahead
  ])('%s 万元 completed → %s, %s points behind', (completed, card, points) => {
    const r = at(completed);
    expect(r.card).toBe(card);
    expect(r.investment?.gapPoints).toBe(points);
    expect(r.investment?.expected).toBe('600');
  });
  it('names the figures in its reason', () => {
    expect(at('240').reasons).toEqual([
      {
        rule: 'investment',
        card: 'yellow',
        text: '累计完成投资 240 万元，序时计划 600 万元，落后序时计划 30 个百分点',
      },
    ]);
  });
  it('follows a monthly plan when there is one (back-loaded: 100 a month to June, then 100)', () => {
    const monthly = ['50', '50', '100', '100', '100', '100', '100', '100', '100', '100', '150', '150'];
    const r = projectCard({ ...base, monthlyPlan: monthly, completedToDate: '380' });
    // plan to June 500: 120 behind of 1 200 is exactly 10 points.
    expect(r.investment).toMatchObject({ expected: '500', gapPoints: '10', ratioPercent: '76.0' });
    expect(r.card).toBe('yellow');
  });
  it('refuses a monthly plan that does not add up to the year plan', () => {
    expect(() => projectCard({ ...base, monthlyPlan: Array<string>(12).fill('99') })).toThrow(
      '与年度计划 1200 万元不符',
    );
  });
});

describe('investment by the ratio rule (三亚: up to 50 % behind is yellow)', () => {
  it.each([
    ['600', 'green', '100.0'],
    ['599.99', 'yellow', '100.0'], // 99.998 % of pace: yellow, though it rounds to 100.0
    ['300', 'yellow', '50.0'],
    ['299.99', 'red', '50.0'],
    ['0', 'red', '0.0'],
  ])('%s → %s (%s %%)', (completed, card, pct) => {
    const r = at(completed, ratioRules);
    expect(r.card).toBe(card);
    expect(r.investment?.ratioPercent).toBe(pct);
  });
  it('judges m/12 exactly: 8.333333 of 100/12 due is behind by a hair', () => {
    const jan = { ...base, period: '2026-01', yearPlan: '100', completedToDate: '8.333333' };
    expect(projectCard(jan, ratioRules).card).toBe('yellow');
    expect(projectCard(jan).card).toBe('green'); // 0.0000003 points behind
  });
});

describe('milestones, 入库纳统 and missing reports', () => {
  const start = (reached: string | null) => [{ id: 'start' as const, plannedMonth: '2026-03', reachedMonth: reached }];
  it.each([
    ['2026-02', 'green'],
    ['2026-03', 'yellow'], // not started by the end of its planned month
    ['2026-05', 'yellow'],
    ['2026-06', 'red'], // three months later
  ])('a start planned in March, not reached, at %s → %s', (period, card) => {
    expect(projectCard({ ...base, period, yearPlan: '0', milestones: start(null) }).card).toBe(card);
  });
  it('a start reached late is green from then on; a start reached after the month judged is not yet reached', () => {
    expect(projectCard({ ...base, yearPlan: '0', milestones: start('2026-04') }).card).toBe('green');
    expect(projectCard({ ...base, period: '2026-03', yearPlan: '0', milestones: start('2026-04') }).card).toBe(
      'yellow',
    );
  });
  it.each([
    ['2026-03', 'green'],
    ['2026-04', 'yellow'],
    ['2026-05', 'red'],
  ])('started in March, not 入库, at %s → %s', (period, card) => {
    const milestones = [...start('2026-03'), { id: 'stats' as const, plannedMonth: null, reachedMonth: null }];
    expect(projectCard({ ...base, period, yearPlan: '0', milestones }).card).toBe(card);
  });
  it('a missing report is overdue past its deadline, pending before; the worst reason wins', () => {
    expect(projectCard({ ...base, completedToDate: null }).card).toBe('overdue');
    expect(projectCard({ ...base, completedToDate: null, deadlinePassed: false }).card).toBe('pending');
    const late = projectCard({ ...base, completedToDate: null, milestones: start(null) });
    expect(late.card).toBe('red');
    expect(late.reasons.map((r) => r.rule)).toEqual(['milestone', 'report']);
  });
  it('checks a rule set', () => {
    expect(cardRulesProblem(DEFAULT_CARD_RULES)).toBeNull();
    expect(cardRulesProblem({ ...DEFAULT_CARD_RULES, statsRedAfterMonths: 1 })).toMatch('须大于转黄');
    expect(
      cardRulesProblem({
        ...DEFAULT_CARD_RULES,
        investment: { kind: 'pointsBehind', yellowFromPoints: '30', redFromPoints: '10' },
      }),
    ).toMatch('不能小于黄灯');
  });
});

describe('the 约谈 ladder', () => {
  it.each([
    [[], null],
    [['green'], null],
    [['yellow'], 'yellow'],
    [['green', 'yellow'], 'yellow'],
    [['yellow', 'yellow'], 'twoYellows'],
    [['yellow', 'overdue'], 'twoYellows'],
    [['yellow', 'yellow', 'yellow'], 'twoYellows'],
    [['red', 'yellow'], 'yellow'],
    [['yellow', 'red'], 'red'],
    [['yellow', 'green'], null],
    [['pending'], null],
  ] as const)('%j → %s', (cards, rung) => {
    expect(interviewRung(cards)).toBe(rung);
  });
});

describe('plans and stages', () => {
  const plan = { yearPlan: '1200', monthly: null, milestones: { signing: '2026-01-15', start: '2026-03-31' } };
  it('accepts a sound plan and names every problem of a wrong one', () => {
    expect(planProblems(plan)).toEqual([]);
    expect(
      planProblems({ yearPlan: 'x', monthly: null, milestones: { start: '2026-03-31', completion: '2026-02-30' } }),
    ).toEqual([
      { field: 'yearPlan', message: '年度计划投资“x”不是数字' },
      { field: 'milestones', message: '竣工计划日期“2026-02-30”不是有效日期' },
    ]);
    expect(
      planProblems({ ...plan, milestones: { start: '2026-05-01', structure: '2026-04-01', stats: '2026-04-01' } }),
    ).toEqual([
      { field: 'milestones', message: '主体完工（2026-04-01）不能早于开工' },
      { field: 'milestones', message: '入库纳统（2026-04-01）不能早于开工' },
    ]);
  });
  it('lists what a change moves', () => {
    expect(
      planDiff(plan, { ...plan, yearPlan: '1000.00', milestones: { ...plan.milestones, start: '2026-05-31' } }),
    ).toEqual([
      { field: 'yearPlan', label: '年度计划投资（万元）', before: '1200', after: '1000' },
      { field: 'milestones.start', label: '开工计划日期', before: '2026-03-31', after: '2026-05-31' },
    ]);
    expect(planDiff(plan, { ...plan, yearPlan: '1200.0' })).toEqual([]);
  });
  it('derives the stage from the furthest build milestone', () => {
    expect(projectStage(new Set())).toBe('prep');
    expect(projectStage(new Set(['signing', 'start', 'stats'] as const))).toBe('building');
    expect(projectStage(new Set(['operation'] as const))).toBe('operating');
  });
});

describe('portfolio rates', () => {
  it('counts 开工率 over those due and 投资完成率 against the pace, exactly', () => {
    const p = (planned: string, reached: string | null, completed: string | null) => ({
      yearPlan: '1200',
      monthlyPlan: null,
      completedToDate: completed,
      milestones: [{ id: 'start' as const, plannedMonth: planned, reachedMonth: reached }],
    });
    const r = portfolioRates(
      [p('2026-03', '2026-02', '600'), p('2026-05', null, '100'), p('2026-09', null, null)],
      '2026-06',
    );
    expect(r.start).toEqual({ done: 1, due: 2, percent: '50.0' });
    expect(r.completion).toEqual({ done: 0, due: 0, percent: null });
    expect(r.investment).toEqual({
      yearPlan: '3600',
      planToDate: '1800',
      completed: '700',
      percent: '19.4',
      pacePercent: '50.0',
    });
  });
});

describe('steps reverse-scheduled from a milestone around holidays (倒排工期)', () => {
  it('land on working days, the given working days apart, never after the milestone', () => {
    const first = dayNumber('2026-01-01');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
        fc.integer({ min: 120, max: 364 }),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
        (holidayOffsets, milestoneOffset, durations) => {
          const cal = workCalendar({
            holidays: holidayOffsets.map((o) => fromDayNumber(first + o)),
            workingWeekends: [],
          });
          const milestone = fromDayNumber(first + milestoneOffset);
          const steps = reverseSchedule(cal, {
            finalDeadline: milestone,
            steps: durations.map((d, i) => ({ title: `步骤${i + 1}`, workingDays: d })),
          });
          expect(steps).toHaveLength(durations.length);
          for (const [i, s] of steps.entries()) {
            expect(cal.isWorkingDay(s.deadline)).toBe(true);
            expect(holidayOffsets).not.toContain(dayNumber(s.deadline) - first);
            if (i > 0) expect(cal.workingDaysBetween(steps[i - 1]!.deadline, s.deadline)).toBe(durations[i]);
          }
          const last = dayNumber(steps.at(-1)!.deadline);
          expect(last).toBeLessThanOrEqual(dayNumber(milestone));
          // the last working day on or before the milestone: nothing working in between
          expect(cal.workingDaysBetween(steps.at(-1)!.deadline, milestone)).toBe(0);
        },
      ),
    );
  });
});
