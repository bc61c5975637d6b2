import { periodIndex, type Period } from '../pace/milestone.js';
import {
  ZERO_RATIO,
  addRatio,
  formatRatio,
  parseDecimal,
  ratio,
  shownRatio,
  type DecimalInput,
  type Ratio,
} from '../number/index.js';
import { investmentPlanToDate } from './cards.js';
import type { Milestone } from './catalog.js';

export interface PortfolioProject {
  yearPlan: DecimalInput;
  /** The monthly plan, or null for the time-proportional one. */
  monthlyPlan: readonly DecimalInput[] | null;
  completedToDate: DecimalInput | null;
  milestones: readonly { id: Milestone; plannedMonth: Period | null; reachedMonth: Period | null }[];
}

export interface MilestoneRate {
  done: number;
  due: number;
  /** done / due in %, one place; null when nothing is due. */
  percent: string | null;
}

export interface PortfolioRates {
  /** 开工率: started of those planned to start by the month judged. */
  start: MilestoneRate;
  /** 竣工率: completed of those planned to complete by then. */
  completion: MilestoneRate;
  investment: {
    yearPlan: string;
    planToDate: string;
    completed: string;
    /** Completed / year plan, in % (投资完成率). */
    percent: string | null;
    /** The plan to date / year plan, in % (序时进度), to read the rate against. */
    pacePercent: string | null;
  };
}

const percent = (n: bigint, d: bigint): string | null =>
  d === 0n ? null : formatRatio(ratio(n * 100n * 1_000_000n, d), 1);

/** 开工率, 竣工率 and 投资完成率 of a set of projects at a month's end, against the pace, exactly. */
export function portfolioRates(projects: readonly PortfolioProject[], asOf: Period): PortfolioRates {
  const at = periodIndex(asOf);
  const rate = (m: Milestone): MilestoneRate => {
    let done = 0;
    let due = 0;
    for (const p of projects) {
      const ms = p.milestones.find((x) => x.id === m);
      if (!ms?.plannedMonth || periodIndex(ms.plannedMonth) > at) continue;
      due += 1;
      if (ms.reachedMonth !== null && periodIndex(ms.reachedMonth) <= at) done += 1;
    }
    return { done, due, percent: percent(BigInt(done), BigInt(due)) };
  };
  const month = (at % 12) + 1;
  let plan = 0n;
  let toDate: Ratio = ZERO_RATIO;
  let completed = 0n;
  for (const p of projects) {
    plan += BigInt(parseDecimal(p.yearPlan, 'yearPlan'));
    toDate = addRatio(toDate, investmentPlanToDate(p.yearPlan, p.monthlyPlan, month));
    if (p.completedToDate !== null) completed += BigInt(parseDecimal(p.completedToDate, 'completedToDate'));
  }
  const micro = (n: bigint) => shownRatio({ n, d: 1n });
  return {
    start: rate('start'),
    completion: rate('completion'),
    investment: {
      yearPlan: micro(plan),
      planToDate: shownRatio(toDate),
      completed: micro(completed),
      percent: percent(completed, plan),
      pacePercent: plan === 0n ? null : formatRatio(ratio(toDate.n * 100n * 1_000_000n, toDate.d * plan), 1),
    },
  };
}
