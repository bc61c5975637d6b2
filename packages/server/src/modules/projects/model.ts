import {
  MILESTONES,
  formatRatio,
  investmentPlanToDate,
  ratio,
  parseDecimal,
  projectCard,
  projectStage,
  shownRatio,
  toDecimal,
  type Milestone,
  type ProjectCard,
  type ProjectCardResult,
  type ProjectCardRules,
  type ProjectMonthInput,
  type ProjectPlan,
  type Ratio,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import {
  cardFiguresOf,
  cardsOf,
  changesOf,
  interviewsOf,
  milestonesOf,
  monthFiguresOf,
  monthsOf,
  plansOf,
  stepsOf,
  type CardFigure,
  type CardRow,
  type ChangeRow,
  type InterviewRow,
  type MonthFigure,
  type MonthRow,
  type PlanRow,
  type ProjectRow,
  type StepRow,
} from './repository.js';

/**
 * What the register, the map and the dashboard need of a set of projects for one year: plans, milestones
 * reached, each month's investment, the settled cards (their reasons for the judged month only).
 */
export interface YearFigures {
  year: number;
  plans: Map<number, PlanRow[]>;
  reached: Map<number, Map<Milestone, string>>;
  months: Map<number, MonthFigure[]>;
  cards: Map<number, CardFigure[]>;
}

/** Everything about a set of projects for one year, whole rows, read in a few queries (a project, the form, settlement). */
export interface YearData extends YearFigures {
  months: Map<number, MonthRow[]>;
  cards: Map<number, CardRow[]>;
}

export interface YearDetail extends YearData {
  interviews: InterviewRow[];
  changes: ChangeRow[];
  steps: Map<number, StepRow[]>;
}

export async function loadYearData(db: Db, ids: number[], year: number): Promise<YearData> {
  const [plans, reached, months, cards] = await Promise.all([
    plansOf(db, ids, year),
    milestonesOf(db, ids),
    monthsOf(db, ids, year),
    cardsOf(db, ids, year),
  ]);
  return { year, plans, reached, months, cards };
}

/** The portfolio views' read: months and cards aggregated a row a project; `judgedMonth` 0 reads no reasons. */
export async function loadYearFigures(db: Db, ids: number[], year: number, judgedMonth: number): Promise<YearFigures> {
  const [plans, reached, months, cards] = await Promise.all([
    plansOf(db, ids, year),
    milestonesOf(db, ids),
    monthFiguresOf(db, ids, year),
    cardFiguresOf(db, ids, year, judgedMonth > 0 ? periodOf(year, judgedMonth) : null),
  ]);
  return { year, plans, reached, months, cards };
}

/** The battle map's read: the figures and the reverse-scheduled steps. */
export async function loadMapData(
  db: Db,
  ids: number[],
  year: number,
  judgedMonth: number,
): Promise<YearFigures & { steps: Map<number, StepRow[]> }> {
  const [data, steps] = await Promise.all([loadYearFigures(db, ids, year, judgedMonth), stepsOf(db, ids)]);
  return { ...data, steps };
}

export async function loadYearDetail(db: Db, ids: number[], year: number): Promise<YearDetail> {
  const [data, interviews, changes, steps] = await Promise.all([
    loadYearData(db, ids, year),
    interviewsOf(db, ids),
    changesOf(db, ids),
    stepsOf(db, ids),
  ]);
  return { ...data, interviews, changes, steps };
}

export const periodOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const monthOfDate = (date: string) => date.slice(0, 7);

/** The baseline (version 1) and the plan in force (the latest approved version) for the year. */
export function plansFor(d: YearFigures, id: number): { baseline: PlanRow | null; current: PlanRow | null } {
  const list = d.plans.get(id) ?? [];
  return { baseline: list[0] ?? null, current: list.at(-1) ?? null };
}

/** Investment completed this year to the end of each month (index 0 = January), exactly, as decimal text. */
export function cumulative(d: YearFigures, id: number): (string | null)[] {
  const byPeriod = new Map((d.months.get(id) ?? []).map((m) => [m.period, m.investment]));
  let total = 0;
  let last = 0;
  const out: (string | null)[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const v = byPeriod.get(periodOf(d.year, m));
    if (v !== undefined) {
      total += parseDecimal(v, 'investment');
      last = m;
    }
    out.push(v === undefined ? null : toDecimal(total));
  }
  // A month left out after a later one was reported counts as nothing done that month.
  return out.map((v, i) => (v === null && i < last ? toDecimal(sumTo(byPeriod, d.year, i + 1)) : v));
}

/** Investment completed this year to the end of month `m`, exactly, or null when nothing is reported by then. */
export function completedBy(d: YearFigures, id: number, m: number): string | null {
  return (
    cumulative(d, id)
      .slice(0, m)
      .findLast((v) => v !== null) ?? null
  );
}

function sumTo(byPeriod: Map<string, string>, year: number, m: number): number {
  let total = 0;
  for (let i = 1; i <= m; i += 1) total += parseDecimal(byPeriod.get(periodOf(year, i)) ?? '0', 'investment');
  return total;
}

export function milestoneRows(plan: ProjectPlan | null, reached: Map<Milestone, string> | undefined) {
  return MILESTONES.filter((m) => plan?.milestones[m] !== undefined || reached?.has(m)).map((m) => ({
    id: m,
    plannedMonth: plan?.milestones[m] ? monthOfDate(plan.milestones[m]) : null,
    reachedMonth: reached?.get(m) ? monthOfDate(reached.get(m)!) : null,
  }));
}

/** The card input for a project's month, from the plan in force and what was reported. */
export function monthInput(
  p: ProjectRow,
  d: YearFigures,
  month: number,
  deadlinePassed: boolean,
): ProjectMonthInput | null {
  const { current } = plansFor(d, p.id);
  if (!current) return null;
  return {
    item: p.name,
    period: periodOf(d.year, month),
    yearPlan: current.plan.yearPlan,
    monthlyPlan: current.plan.monthly,
    completedToDate: cumulative(d, p.id)[month - 1] ?? null,
    deadlinePassed,
    milestones: milestoneRows(current.plan, d.reached.get(p.id)),
  };
}

export interface MonthCard {
  period: string;
  card: ProjectCard;
  reasons: ProjectCardResult['reasons'];
  /** Settled cards are final (the report accepted, or its deadline passed); others are as of now. */
  settled: boolean;
}

/** Each month's card up to `toMonth`: the settled one where there is one, else computed from today's data. */
export function monthCards(p: ProjectRow, d: YearFigures, toMonth: number, rules: ProjectCardRules): MonthCard[] {
  const settled = new Map((d.cards.get(p.id) ?? []).map((c) => [c.period, c]));
  const out: MonthCard[] = [];
  for (let m = 1; m <= toMonth; m += 1) {
    const period = periodOf(d.year, m);
    const s = settled.get(period);
    if (s) {
      out.push({ period, card: s.card, reasons: s.reasons, settled: true });
      continue;
    }
    const input = monthInput(p, d, m, false);
    if (!input) continue;
    const r = projectCard(input, rules);
    out.push({ period, card: r.card, reasons: r.reasons, settled: false });
  }
  return out;
}

export function stageOf(d: YearFigures, id: number) {
  return projectStage(new Set(d.reached.get(id)?.keys() ?? []));
}

/** Completed this year, the plan to date and the year plan for month `m`, shown. */
export function investmentFigures(p: ProjectRow, d: YearFigures, m: number) {
  const { current } = plansFor(d, p.id);
  const done =
    cumulative(d, p.id)
      .slice(0, m)
      .findLast((v) => v !== null) ?? '0';
  const toDate = current ? investmentPlanToDate(current.plan.yearPlan, current.plan.monthly, m) : { n: 0n, d: 1n };
  return {
    yearPlan: current ? shownRatio({ n: BigInt(parseDecimal(current.plan.yearPlan, 'plan')), d: 1n }) : '0',
    planToDate: shownRatio(toDate),
    completed: shownRatio({ n: BigInt(parseDecimal(done, 'done')), d: 1n }),
    completedExact: done,
  };
}

const micro = (v: string) => BigInt(parseDecimal(v, 'value'));
/** n / d as a percentage at one place, or null when there is nothing to divide by. */
export const percentOf = (n: Ratio, d: bigint) =>
  d === 0n ? null : formatRatio(ratio(n.n * 100n * 1_000_000n, n.d * d), 1);

/**
 * What the register, the map and the project's page show of a project for the month it is judged at
 * (`month` 0: a year not begun, no card): stage, card, the year's figures, shown. `last` is the card with
 * its reasons.
 */
export function projectFigures(p: ProjectRow, d: YearFigures, month: number, rules: ProjectCardRules) {
  const last = (month > 0 ? monthCards(p, d, month, rules) : []).at(-1) ?? null;
  const fig = investmentFigures(p, d, Math.max(month, 1));
  const { current } = plansFor(d, p.id);
  return {
    last,
    figures: {
      totalInvestment: shownRatio({ n: micro(p.totalInvestment), d: 1n }),
      stage: stageOf(d, p.id),
      card: last?.card ?? null,
      cardPeriod: last?.period ?? null,
      yearPlan: fig.yearPlan,
      planToDate: fig.planToDate,
      completed: fig.completed,
      completedPercent: current
        ? percentOf({ n: micro(fig.completedExact), d: 1n }, micro(current.plan.yearPlan))
        : null,
      planVersion: current?.version ?? null,
    },
  };
}
