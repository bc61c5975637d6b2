import { check } from '../number/index.js';

/** A period as text, "2026-09". */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0, so periods subtract; `item` names a malformed period in the error. */
export function periodIndex(period: Period, item = 'period'): number {
  const m = PERIOD.exec(period);
  check(m !== null, item, `期间“${period}”格式须为 YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export interface MilestoneInput {
  id: string;
  plannedMonth: Period;
  /** The month it was reached, or null while it is not. */
  reachedMonth: Period | null;
  /** The period being judged (its end). */
  asOf: Period;
  /** Months late at which yellow turns red; DESIGN §3.1 default 3. */
  redAfterMonths?: number;
}

export interface MilestoneState {
  state: 'green' | 'yellow' | 'red';
  reached: boolean;
  /** How many months after the planned month it was (or, if not reached, is still) open; 0 when on time. */
  monthsLate: number;
}

/**
 * Not reached by the end of its planned month → yellow; `redAfterMonths` months after that → red.
 * A reached milestone is green whatever its lateness, which stays on record in `monthsLate`.
 */
export function milestoneState(input: MilestoneInput): MilestoneState {
  const red = input.redAfterMonths ?? 3;
  check(Number.isInteger(red) && red >= 1, `${input.id}.redAfterMonths`, '转红月数须为正整数');
  const planned = periodIndex(input.plannedMonth, `${input.id}.plannedMonth`);
  const asOf = periodIndex(input.asOf, `${input.id}.asOf`);
  if (input.reachedMonth !== null) {
    const reached = periodIndex(input.reachedMonth, `${input.id}.reachedMonth`);
    check(reached <= asOf, `${input.id}.reachedMonth`, '完成月份不能晚于评价期间');
    return { state: 'green', reached: true, monthsLate: Math.max(0, reached - planned) };
  }
  if (asOf < planned) return { state: 'green', reached: false, monthsLate: 0 };
  const late = asOf - planned;
  return { state: late >= red ? 'red' : 'yellow', reached: false, monthsLate: late };
}
