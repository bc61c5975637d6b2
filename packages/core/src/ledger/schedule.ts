import { dayNumber, fromDayNumber, type IsoDate, type WorkCalendar } from '../calendar/index.js';
import { LedgerRuleError } from './states.js';

export interface StepPlan {
  title: string;
  /** Working days the step takes, counted back from the deadline of the step after it. */
  workingDays: number;
}

export interface ScheduledStep {
  title: string;
  workingDays: number;
  deadline: IsoDate;
}

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let day = dayNumber(date);
  for (let guard = 0; !calendar.isWorkingDay(fromDayNumber(day)); guard += 1) {
    if (guard > 60) throw new LedgerRuleError(`${date} 之前 60 天内没有工作日，请检查节假日数据`);
    day -= 1;
  }
  return fromDayNumber(day);
}

/** The `n`-th working day before `date` (the day itself not counted). */
export function subtractWorkingDays(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0 || n > 3660)
    throw new LedgerRuleError(`工作日数须为 0 到 3660 的整数，实际为 ${n}`);
  let day = dayNumber(date);
  for (let left = n; left > 0;) {
    day -= 1;
    if (calendar.isWorkingDay(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * 倒排工期: the organiser gives the final deadline and the steps in order with their durations; the
 * last step is due on the final deadline (moved back to a working day), and each earlier step is due
 * its successor's duration in working days before its successor. Refuses a plan whose first step
 * would fall before `today`, naming how many working days are missing.
 */
export function reverseSchedule(
  calendar: WorkCalendar,
  input: { finalDeadline: IsoDate; steps: readonly StepPlan[]; today?: IsoDate },
): ScheduledStep[] {
  if (input.steps.length === 0) return [];
  input.steps.forEach((s, i) => {
    if (!Number.isInteger(s.workingDays) || s.workingDays < 1 || s.workingDays > 365) {
      throw new LedgerRuleError(`第 ${i + 1} 个节点“${s.title}”的工期须为 1 到 365 个工作日`);
    }
  });
  const out: ScheduledStep[] = new Array<ScheduledStep>(input.steps.length);
  let deadline = workingDayOnOrBefore(calendar, input.finalDeadline);
  for (let i = input.steps.length - 1; i >= 0; i -= 1) {
    const step = input.steps[i]!;
    out[i] = { title: step.title, workingDays: step.workingDays, deadline };
    deadline = subtractWorkingDays(calendar, deadline, step.workingDays);
  }
  // `deadline` is now the day work must start on for the plan to hold.
  if (input.today !== undefined && dayNumber(deadline) < dayNumber(input.today)) {
    const short = calendar.workingDaysBetween(deadline, input.today);
    throw new LedgerRuleError(
      `按所填工期须于 ${deadline} 开工，已晚于今天，共缺 ${short} 个工作日，请压缩工期或推迟最终期限`,
    );
  }
  return out;
}

/** Steps entered by hand must run in order and end by the item's deadline. */
export function stepDeadlinesProblem(
  deadline: IsoDate,
  steps: readonly { title: string; deadline: IsoDate }[],
): string | null {
  const end = dayNumber(deadline);
  let previous = -Infinity;
  for (const [i, s] of steps.entries()) {
    const d = dayNumber(s.deadline, `steps[${i}].deadline`);
    if (d > end) return `第 ${i + 1} 个节点“${s.title}”的期限 ${s.deadline} 晚于事项期限 ${deadline}`;
    if (d < previous) return `第 ${i + 1} 个节点“${s.title}”的期限早于上一个节点，请按先后顺序排列`;
    previous = d;
  }
  return null;
}

/**
 * 整体顺延: when an extension is approved, the steps not yet done move later by the working days the
 * item gained, keeping the plan's working-day gaps, and none past the new deadline. Done steps keep
 * their dates: they are history. Returns each step's deadline, in the order given.
 */
export function extendSteps(
  calendar: WorkCalendar,
  from: IsoDate,
  to: IsoDate,
  steps: readonly { deadline: IsoDate; doneOn: IsoDate | null }[],
): IsoDate[] {
  const gained = calendar.workingDaysBetween(from, to);
  const end = dayNumber(to, 'to');
  return steps.map((s) => {
    if (s.doneOn !== null) return s.deadline;
    const moved = calendar.addWorkingDays(s.deadline, gained);
    return dayNumber(moved) > end ? to : moved;
  });
}
