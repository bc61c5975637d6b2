import { dayNumber, isCalendarDate, type IsoDate } from '../calendar/index.js';
import { parseDecimal, shownDecimal, type Decimal } from '../number/index.js';
import { MILESTONES, MILESTONE_LABELS, type Milestone } from './catalog.js';
import { monthlyPlanProblem } from './cards.js';

/**
 * A project's plan for a year: the investment plan (万元), its months, and the milestones' planned dates.
 * Version 1 is the start-of-year baseline, frozen; later versions are approved change requests.
 */
export interface ProjectPlan {
  yearPlan: Decimal;
  /** 12 monthly amounts adding up to the year plan, or null for the time-proportional plan (m/12). */
  monthly: Decimal[] | null;
  milestones: Partial<Record<Milestone, IsoDate>>;
}

export interface PlanProblem {
  field: 'yearPlan' | 'monthly' | 'milestones';
  message: string;
}

/** Every problem of a plan: the form, the import and the change request say the same sentences. */
export function planProblems(plan: ProjectPlan): PlanProblem[] {
  const out: PlanProblem[] = [];
  let yearOk = true;
  try {
    if (parseDecimal(plan.yearPlan, '年度计划投资') < 0)
      out.push({ field: 'yearPlan', message: '年度计划投资不能为负' });
  } catch {
    yearOk = false;
    out.push({ field: 'yearPlan', message: `年度计划投资“${plan.yearPlan}”不是数字` });
  }
  if (yearOk) {
    const problem = monthlyPlanProblem(plan.yearPlan, plan.monthly);
    if (problem) out.push({ field: 'monthly', message: problem });
  }
  let previous: { m: Milestone; day: number } | null = null;
  for (const m of MILESTONES) {
    const date = plan.milestones[m];
    if (date === undefined) continue;
    if (!isCalendarDate(date)) {
      out.push({ field: 'milestones', message: `${MILESTONE_LABELS[m]}计划日期“${date}”不是有效日期` });
      continue;
    }
    const day = dayNumber(date);
    // 入库纳统 follows the start, not the completion: only the build milestones are in sequence.
    if (m !== 'stats' && previous && day < previous.day)
      out.push({
        field: 'milestones',
        message: `${MILESTONE_LABELS[m]}（${date}）不能早于${MILESTONE_LABELS[previous.m]}`,
      });
    if (
      m === 'stats' &&
      plan.milestones.start &&
      isCalendarDate(plan.milestones.start) &&
      day < dayNumber(plan.milestones.start)
    )
      out.push({ field: 'milestones', message: `入库纳统（${date}）不能早于开工` });
    if (m !== 'stats') previous = { m, day };
  }
  return out;
}

export interface PlanChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** What a change moves, line by line, for the request, the approval and the page beside the baseline. */
export function planDiff(before: ProjectPlan, after: ProjectPlan): PlanChangeLine[] {
  const out: PlanChangeLine[] = [];
  if (before.yearPlan !== after.yearPlan && parseDecimal(before.yearPlan, 'a') !== parseDecimal(after.yearPlan, 'b'))
    out.push({
      field: 'yearPlan',
      label: '年度计划投资（万元）',
      before: shownDecimal(before.yearPlan),
      after: shownDecimal(after.yearPlan),
    });
  const months = (p: ProjectPlan) => (p.monthly ? p.monthly.map((v) => shownDecimal(v)).join('/') : '按序时');
  if (months(before) !== months(after))
    out.push({ field: 'monthly', label: '月度计划', before: months(before), after: months(after) });
  for (const m of MILESTONES) {
    const a = before.milestones[m] ?? '';
    const b = after.milestones[m] ?? '';
    if (a !== b)
      out.push({
        field: `milestones.${m}`,
        label: `${MILESTONE_LABELS[m]}计划日期`,
        before: a || '—',
        after: b || '—',
      });
  }
  return out;
}

/** 计划调整: a request waits for the office, which approves (a new plan version) or refuses with a reason. */
export type PlanChangeState = 'pending' | 'approved' | 'refused';
export const PLAN_CHANGE_STATE_LABELS: Record<PlanChangeState, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
};
export type PlanChangeAction = 'approve' | 'refuse';

/** What the viewer may do with a request: only the office decides, and only while it waits. */
export function planChangeActions(state: PlanChangeState, may: { manage: boolean }): PlanChangeAction[] {
  return state === 'pending' && may.manage ? ['approve', 'refuse'] : [];
}
