import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, fromDayNumber, workCalendar } from '../calendar/index.js';
import {
  allowedLedgerActions,
  extensionProblem,
  closeOutEvidenceProblem,
  closeOutRates,
  deadlineStatus,
  extendSteps,
  itemStatus,
  LEDGER_ACTIONS,
  LEDGER_STATES,
  ledgerTransition,
  periodRange,
  reverseSchedule,
  stepDeadlinesProblem,
  subtractWorkingDays,
  type LedgerParty,
  DEFAULT_LEDGER_POLICY,
  unfinishedStepsFlag,
  unfinishedStepsProblem,
  type LedgerState,
} from './index.js';

// 2026 National Day arrangement as test data: 10-01…10-07 off; 09-20 (Sun) and 10-10 (Sat) worked.
const cal = workCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingWeekends: ['2026-09-20', '2026-10-10'],
});

describe('ledger state machine', () => {
  it('walks the happy path with a return', () => {
    let s = ledgerTransition('assigned', 'acknowledge', 'lead');
    expect(s).toBe('acknowledged');
    s = ledgerTransition(s, 'progress', 'co');
    s = ledgerTransition(s, 'request_close', 'lead');
    expect(s).toBe('close_requested');
    s = ledgerTransition(s, 'return', 'organiser');
    expect(s).toBe('in_progress');
    s = ledgerTransition(ledgerTransition(s, 'request_close', 'lead'), 'close', 'organiser');
    expect(s).toBe('closed');
  });
  it('refuses illegal steps with a sentence a person understands', () => {
    expect(() => ledgerTransition('assigned', 'request_close', 'lead')).toThrow('事项尚未签收，请先签收再申请销号');
    expect(() => ledgerTransition('closed', 'progress', 'lead')).toThrow('事项已销号，不能再报送进展');
    expect(() => ledgerTransition('close_requested', 'close', 'lead')).toThrow('“审核销号”只能由督查部门操作');
    expect(() => ledgerTransition('in_progress', 'request_close', 'co')).toThrow('只能由牵头单位操作');
    expect(() => ledgerTransition('close_requested', 'progress', 'lead')).toThrow('正在审核');
  });
  it('reassignment sends the item back to be signed for; extensions keep the state', () => {
    expect(ledgerTransition('in_progress', 'reassign', 'organiser')).toBe('assigned');
    expect(ledgerTransition('acknowledged', 'request_extension', 'lead')).toBe('acknowledged');
    expect(() => ledgerTransition('closed', 'reassign', 'organiser')).toThrow('已销号');
  });
  it('offers 分解 to the office on any open item, keeping its state', () => {
    expect(ledgerTransition('close_requested', 'split', 'organiser')).toBe('close_requested');
    expect(allowedLedgerActions('assigned', 'organiser')).toContain('split');
    expect(allowedLedgerActions('in_progress', 'lead')).not.toContain('split');
    expect(() => ledgerTransition('closed', 'split', 'organiser')).toThrow('事项已销号，不能再分解');
  });
  it('never leaves closed, and allowedLedgerActions agrees with ledgerTransition', () => {
    const party = fc.constantFrom<LedgerParty>('organiser', 'lead', 'lead_head', 'co');
    fc.assert(
      fc.property(fc.constantFrom(...LEDGER_STATES), fc.constantFrom(...LEDGER_ACTIONS), party, (state, action, by) => {
        const allowed = allowedLedgerActions(state, by).includes(action);
        let next: string | null = null;
        try {
          next = ledgerTransition(state, action, by);
        } catch {
          next = null;
        }
        expect(next !== null).toBe(allowed);
        if (state === 'closed') expect(next).toBeNull();
      }),
    );
  });
  it('offers a second extension request only once the first is decided, and a decision only while one waits', () => {
    expect(allowedLedgerActions('in_progress', 'lead', false)).toContain('request_extension');
    expect(allowedLedgerActions('in_progress', 'lead', true)).not.toContain('request_extension');
    expect(allowedLedgerActions('in_progress', 'organiser', true)).toContain('decide_extension');
    expect(allowedLedgerActions('in_progress', 'organiser', false)).not.toContain('decide_extension');
    expect(extensionProblem('request_extension', true)).toMatch('待审批');
    expect(extensionProblem('decide_extension', false)).toMatch('没有待审批');
    // Other actions do not depend on it.
    for (const pending of [true, false])
      expect(allowedLedgerActions('close_requested', 'organiser', pending)).toEqual(
        expect.arrayContaining(['close', 'return']),
      );
  });
  it('where the office asks for it, a close-out request waits for the head; a head’s own goes straight on', () => {
    const policy = { ...DEFAULT_LEDGER_POLICY, headConfirmsClose: true };
    expect(ledgerTransition('in_progress', 'request_close', 'lead', policy)).toBe('close_confirming');
    expect(ledgerTransition('in_progress', 'request_close', 'lead', policy, true)).toBe('close_requested');
    expect(ledgerTransition('in_progress', 'request_close', 'lead')).toBe('close_requested');
    expect(ledgerTransition('close_confirming', 'confirm_close', 'lead_head')).toBe('close_requested');
    expect(() => ledgerTransition('close_confirming', 'confirm_close', 'lead')).toThrow('牵头单位负责人');
    expect(() => ledgerTransition('close_confirming', 'close', 'organiser')).toThrow('待牵头单位负责人确认');
    expect(ledgerTransition('close_requested', 'comment', 'organiser')).toBe('close_requested');
  });
  it('never reaches the office past the head while the office asks for the head (any walk)', () => {
    const policy = { ...DEFAULT_LEDGER_POLICY, headConfirmsClose: true };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...LEDGER_ACTIONS), fc.constantFrom<LedgerParty>('organiser', 'lead', 'co')),
          {
            maxLength: 15,
          },
        ),
        (walk) => {
          let s: LedgerState = 'assigned';
          for (const [action, by] of walk) {
            if (!allowedLedgerActions(s, by).includes(action)) continue;
            s = ledgerTransition(s, action, by, policy);
            // Without the head acting, nothing gets to the office's review or is closed.
            expect(['close_requested', 'closed']).not.toContain(s);
          }
        },
      ),
    );
  });
  it('flags or refuses a close-out request with unfinished steps, as the office chose', () => {
    expect(unfinishedStepsProblem(DEFAULT_LEDGER_POLICY, 2)).toBeNull();
    expect(unfinishedStepsProblem({ ...DEFAULT_LEDGER_POLICY, unfinishedSteps: 'refuse' }, 2)).toMatch(
      '尚有 2 个节点未完成',
    );
    expect(unfinishedStepsProblem({ ...DEFAULT_LEDGER_POLICY, unfinishedSteps: 'refuse' }, 0)).toBeNull();
    expect(unfinishedStepsFlag(1)).toBe('申请销号时尚有 1 个节点未完成，请核查');
    expect(unfinishedStepsFlag(0)).toBeNull();
  });
  it('demands evidence for close-out', () => {
    expect(closeOutEvidenceProblem({ text: '', fileCount: 1 })).toMatch('办理情况说明');
    expect(closeOutEvidenceProblem({ text: '已完成整改并验收', fileCount: 0 })).toMatch('佐证材料');
    expect(closeOutEvidenceProblem({ text: '已完成整改并验收', fileCount: 2 })).toBeNull();
  });
});

describe('reverse scheduling (倒排工期)', () => {
  it('counts back over the National Day holiday and adjusted weekends', () => {
    const steps = reverseSchedule(cal, {
      finalDeadline: '2026-10-13',
      steps: [
        { title: '方案制定', workingDays: 3 },
        { title: '施工改造', workingDays: 5 },
        { title: '验收销号', workingDays: 2 },
      ],
    });
    // 验收 due 10-13; 2 working days before: 10-12 (Mon), 10-10 (Sat, 调休) → 10-10.
    // 施工 due 10-10; 5 working days before: 10-09, 10-08, 09-30, 09-29, 09-28 → 09-28.
    expect(steps.map((s) => s.deadline)).toEqual(['2026-09-28', '2026-10-10', '2026-10-13']);
  });
  it('moves a final deadline on a holiday back to the last working day', () => {
    const [only] = reverseSchedule(cal, { finalDeadline: '2026-10-04', steps: [{ title: '整改', workingDays: 1 }] });
    expect(only!.deadline).toBe('2026-09-30');
  });
  it('refuses a plan that should have started already', () => {
    expect(() =>
      reverseSchedule(cal, {
        finalDeadline: '2026-10-13',
        today: '2026-10-09',
        steps: [{ title: '施工', workingDays: 10 }],
      }),
    ).toThrow('已晚于今天');
    expect(() =>
      reverseSchedule(cal, { finalDeadline: '2026-10-13', steps: [{ title: '施工', workingDays: 0 }] }),
    ).toThrow('1 到 365');
  });
  it('always yields ordered working-day deadlines ending by the final deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2026-12-31') }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }),
        (day, durations) => {
          const final = fromDayNumber(day);
          const out = reverseSchedule(cal, {
            finalDeadline: final,
            steps: durations.map((d, i) => ({ title: `节点${i}`, workingDays: d })),
          });
          for (const [i, s] of out.entries()) {
            expect(cal.isWorkingDay(s.deadline)).toBe(true);
            if (i > 0) expect(cal.workingDaysBetween(out[i - 1]!.deadline, s.deadline)).toBe(s.workingDays);
          }
          expect(dayNumber(out.at(-1)!.deadline)).toBeLessThanOrEqual(day);
          expect(stepDeadlinesProblem(final, out)).toBeNull();
        },
      ),
    );
  });
  it('subtractWorkingDays undoes addWorkingDays on working days', () => {
    expect(subtractWorkingDays(cal, cal.addWorkingDays('2026-09-29', 4), 4)).toBe('2026-09-29');
  });
  it('checks hand-entered steps', () => {
    expect(stepDeadlinesProblem('2026-06-30', [{ title: '验收', deadline: '2026-07-02' }])).toMatch('晚于事项期限');
    expect(
      stepDeadlinesProblem('2026-06-30', [
        { title: 'a', deadline: '2026-06-10' },
        { title: 'b', deadline: '2026-06-01' },
      ]),
    ).toMatch('先后顺序');
  });
});

describe('extension moves the open steps (整体顺延)', () => {
  it('moves undone steps by the working days gained, across the holiday, keeping done ones', () => {
    // 09-30 → 10-13 gains 10-08, 10-09, 10-10 (调休), 10-12, 10-13: five working days. The step due 09-28
    // moves five working days on: 09-29, 09-30, 10-08, 10-09, 10-10.
    const steps = [
      { deadline: '2026-09-25', doneOn: '2026-09-24' },
      { deadline: '2026-09-28', doneOn: null },
      { deadline: '2026-09-30', doneOn: null },
    ];
    expect(extendSteps(cal, '2026-09-30', '2026-10-13', steps)).toEqual(['2026-09-25', '2026-10-10', '2026-10-13']);
  });
  it('never moves a step earlier or past the new deadline, keeps the order, and done steps stay (property)', () => {
    const day = (n: number) => fromDayNumber(dayNumber('2026-06-01') + n);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 120 }), done: fc.boolean() }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 120 }),
        (raw, gain) => {
          const sorted = [...raw].sort((a, b) => a.at - b.at);
          const from = day(sorted.at(-1)!.at);
          const to = day(sorted.at(-1)!.at + gain);
          const steps = sorted.map((s) => ({
            title: `节点${s.at}`,
            deadline: day(s.at),
            doneOn: s.done ? day(s.at) : null,
          }));
          const out = extendSteps(cal, from, to, steps);
          out.forEach((d, i) => {
            expect(dayNumber(d)).toBeGreaterThanOrEqual(dayNumber(steps[i]!.deadline));
            if (steps[i]!.doneOn !== null) expect(d).toBe(steps[i]!.deadline);
          });
          const open = steps
            .map((s, i) => ({ title: s.title, deadline: out[i]! }))
            .filter((_, i) => steps[i]!.doneOn === null);
          expect(stepDeadlinesProblem(to, open)).toBeNull();
        },
      ),
    );
  });
});

describe('colours', () => {
  it('is green, yellow within 3 days, red after the deadline with days overdue', () => {
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-06-26' }).colour).toBe('green');
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-06-27' }).colour).toBe('yellow');
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-06-30' })).toEqual({
      colour: 'yellow',
      daysLeft: 0,
      daysOverdue: 0,
    });
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-07-12' })).toEqual({
      colour: 'red',
      daysLeft: -12,
      daysOverdue: 12,
    });
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-07-12', closedOn: '2026-07-02' })).toEqual({
      colour: 'closed',
      daysLeft: null,
      daysOverdue: 2,
    });
    expect(deadlineStatus({ deadline: '2026-06-30', today: '2026-06-20', yellowDays: 10 }).colour).toBe('yellow');
  });
  it('turns an item red when an unfinished step is overdue', () => {
    const s = itemStatus({
      deadline: '2026-12-31',
      today: '2026-07-10',
      steps: [{ deadline: '2026-06-30', doneOn: '2026-06-29' }, { deadline: '2026-07-05' }],
    });
    expect(s.colour).toBe('red');
    expect(s.daysOverdue).toBe(5);
    expect(s.drivenByStep).toBe(1);
    expect(s.steps[0]!.colour).toBe('closed');
  });
  it('seen on a past day, an item closed later was still open then (a bulletin as of a period end)', () => {
    const closedLate = {
      deadline: '2026-10-20',
      closedOn: '2026-11-05',
      steps: [{ deadline: '2026-10-10', doneOn: '2026-11-01' }],
    };
    expect(itemStatus({ ...closedLate, today: '2026-10-31' })).toMatchObject({
      colour: 'red',
      daysOverdue: 21,
      drivenByStep: 0,
    });
    expect(itemStatus({ ...closedLate, today: '2026-11-10' })).toMatchObject({ colour: 'closed', daysOverdue: 16 });
  });
  it('a day after the close-out never changes the colour once closed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (d, c, later) => {
          const day = (n: number) => fromDayNumber(dayNumber('2026-06-01') + n);
          const seen = (n: number) => deadlineStatus({ deadline: day(d), closedOn: day(c), today: day(n) });
          expect(seen(c + later)).toEqual(seen(c));
          if (c > 0) expect(seen(c - 1).colour).not.toBe('closed');
        },
      ),
    );
  });
});

describe('on-time close-out rate', () => {
  const items = [
    { id: '1', unitId: 'a', deadline: '2026-05-10', closedOn: '2026-05-09' },
    { id: '2', unitId: 'a', deadline: '2026-05-20', closedOn: '2026-05-25' },
    { id: '3', unitId: 'a', deadline: '2026-05-28', closedOn: null },
    { id: '4', unitId: 'b', deadline: '2026-05-15', closedOn: '2026-05-15' },
    { id: '5', unitId: 'b', deadline: '2026-05-31', closedOn: null },
    { id: '6', unitId: 'b', deadline: '2026-06-15', closedOn: null },
  ];
  it('counts on time, late, overdue and not yet due per unit, and ranks by rate', () => {
    const rows = closeOutRates({ items, ...periodRange('2026-05'), asOf: '2026-05-30', unitIds: ['a', 'b', 'c'] });
    const [a, b, c] = rows;
    expect(a).toMatchObject({
      unitId: 'a',
      due: 3,
      onTime: 1,
      late: 1,
      overdue: 1,
      notDue: 0,
      rate: '0.333333',
      rank: 2,
    });
    expect(b).toMatchObject({ unitId: 'b', due: 1, onTime: 1, overdue: 0, notDue: 1, rate: '1', rank: 1 });
    expect(c).toMatchObject({ unitId: 'c', due: 0, rate: null, rank: null });
    expect(a!.explanation.children?.map((n) => n.source?.id)).toEqual(['1', '2', '3']);
  });
  it('keeps the rate within [0, 1] and the counts adding up', () => {
    const item = fc.record({
      id: fc.uuid(),
      unitId: fc.constantFrom('a', 'b'),
      deadline: fc.integer({ min: 0, max: 60 }).map((d) => fromDayNumber(dayNumber('2026-05-01') + d)),
      closedOn: fc.option(fc.integer({ min: 0, max: 70 }).map((d) => fromDayNumber(dayNumber('2026-04-25') + d))),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (list) => {
        for (const r of closeOutRates({ items: list, from: '2026-05-01', to: '2026-05-31', asOf: '2026-06-10' })) {
          expect(r.onTime + r.late + r.overdue).toBe(r.due);
          if (r.rate !== null) expect(Number(r.rate)).toBeGreaterThanOrEqual(0);
          if (r.rate !== null) expect(Number(r.rate)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
  it('reads periods', () => {
    expect(periodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(() => periodRange('2026-13')).toThrow('格式须为');
  });
});
