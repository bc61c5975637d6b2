import { milestoneState, periodIndex, type Period } from '../pace/milestone.js';
import {
  DEFAULT_POINTS_RULE,
  parseWarningRule,
  stateByPoints,
  stateByRatio,
  type WarningRule,
} from '../pace/warning.js';
import {
  ONE,
  check,
  formatRatio,
  parseDecimal,
  ratio,
  roundRatio,
  shownRatio,
  toDecimal,
  type Decimal,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';
import { MILESTONES, MILESTONE_LABELS, type Milestone, type ProjectCard } from './catalog.js';

/**
 * The jurisdiction's card rules (DESIGN §3.7), a versioned setting. Defaults are real rules: a planned
 * start missed → yellow, three months later → red; investment 10–30 points behind the time-proportional
 * plan → yellow, beyond → red (银川), or the ratio rule (三亚: behind by up to 50 % yellow); not 入库 one
 * month after the start → yellow, two → red.
 */
export interface ProjectCardRules {
  /** Milestones whose planned month, passed without them, colours the project. */
  watched: Milestone[];
  /** Months late at which a watched milestone's yellow turns red. */
  milestoneRedAfterMonths: number;
  investment: WarningRule;
  /** Months after the actual start without 入库纳统 that give yellow, and red. */
  statsYellowAfterMonths: number;
  statsRedAfterMonths: number;
}

export const DEFAULT_CARD_RULES: ProjectCardRules = {
  watched: ['start'],
  milestoneRedAfterMonths: 3,
  investment: DEFAULT_POINTS_RULE,
  statsYellowAfterMonths: 1,
  statsRedAfterMonths: 2,
};

/** What is wrong with a rule set, in a sentence for the office; null when it is sound. */
export function cardRulesProblem(rules: ProjectCardRules): string | null {
  if (rules.watched.some((m) => !(MILESTONES as readonly string[]).includes(m))) return '考核节点不在节点清单中';
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= 24;
  if (!whole(rules.milestoneRedAfterMonths)) return '节点逾期转红月数须为 1 到 24 的整数';
  if (!whole(rules.statsYellowAfterMonths) || !whole(rules.statsRedAfterMonths))
    return '开工后未入库的月数须为 1 到 24 的整数';
  if (rules.statsRedAfterMonths <= rules.statsYellowAfterMonths) return '未入库转红月数须大于转黄月数';
  try {
    parseWarningRule(rules.investment, 'investment');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

export interface ProjectMonthInput {
  /** Names the project in errors. */
  item: string;
  /** The month judged, "2026-06". */
  period: Period;
  /** This year's investment plan (万元); zero for a project with no investment this year (a signing). */
  yearPlan: DecimalInput;
  /** The monthly plan (12 amounts adding up to the year plan), or null for the time-proportional m/12. */
  monthlyPlan: readonly DecimalInput[] | null;
  /** Investment completed this year to the end of the month; null when the month is not reported. */
  completedToDate: DecimalInput | null;
  /** The month's report deadline has passed. */
  deadlinePassed: boolean;
  milestones: readonly { id: Milestone; plannedMonth: Period | null; reachedMonth: Period | null }[];
}

export type CardRule = 'milestone' | 'investment' | 'stats' | 'report';

export interface CardReason {
  rule: CardRule;
  card: Exclude<ProjectCard, 'green'>;
  /** One sentence for the page and the bulletin, figures rounded once from the exact values. */
  text: string;
}

export interface InvestmentPace {
  expected: Decimal;
  actual: Decimal | null;
  /** Points behind the plan to date, of the year plan (two places); negative when ahead. */
  gapPoints: string | null;
  /** Completed over the plan to date, in % (one place). */
  ratioPercent: string | null;
}

export interface ProjectCardResult {
  card: ProjectCard;
  reasons: CardReason[];
  investment: InvestmentPace | null;
}

const SEVERITY: Record<ProjectCard, number> = { green: 0, pending: 1, yellow: 2, overdue: 3, red: 4 };
export const worseCard = (a: ProjectCard, b: ProjectCard): ProjectCard => (SEVERITY[b] > SEVERITY[a] ? b : a);

function planToDate(yearPlan: Micro, monthly: Micro[] | null, m: number): Ratio {
  if (monthly) return { n: BigInt(monthly.slice(0, m).reduce((a, b) => a + b, 0)), d: 1n };
  return ratio(BigInt(yearPlan) * BigInt(m), 12n);
}

/** The plan to the end of month `m` (1–12), exactly in micro-units: Σ monthly plan, or year plan × m/12. */
export function investmentPlanToDate(
  yearPlan: DecimalInput,
  monthly: readonly DecimalInput[] | null,
  m: number,
): Ratio {
  return planToDate(
    parseDecimal(yearPlan, 'yearPlan'),
    monthly?.map((v, i) => parseDecimal(v, `monthlyPlan[${i + 1}]`)) ?? null,
    m,
  );
}

/** Validates a monthly plan against the year plan; the sentence names what is wrong. */
export function monthlyPlanProblem(yearPlan: DecimalInput, monthly: readonly DecimalInput[] | null): string | null {
  if (monthly === null) return null;
  if (monthly.length !== 12) return `月度计划须为 12 个月，实际为 ${monthly.length} 个`;
  let total = 0;
  for (const [i, v] of monthly.entries()) {
    let m: Micro;
    try {
      m = parseDecimal(v, `${i + 1}月计划`);
    } catch {
      return `${i + 1} 月计划“${v}”不是数字`;
    }
    if (m < 0) return `${i + 1} 月计划不能为负`;
    total += m;
  }
  const plan = parseDecimal(yearPlan, '年度计划');
  return total === plan ? null : `月度计划合计 ${toDecimal(total)} 万元，与年度计划 ${toDecimal(plan)} 万元不符`;
}

/** The colour of one project for one month and every reason behind it, decided on exact values. */
export function projectCard(input: ProjectMonthInput, rules: ProjectCardRules = DEFAULT_CARD_RULES): ProjectCardResult {
  const { item, period } = input;
  const asOf = periodIndex(period, `${item}.period`);
  const month = (asOf % 12) + 1;
  const reasons: CardReason[] = [];
  const reachedBy = (p: Period | null) => (p !== null && periodIndex(p) <= asOf ? p : null);

  for (const m of input.milestones) {
    if (!rules.watched.includes(m.id) || m.plannedMonth === null) continue;
    const s = milestoneState({
      id: `${item}.${m.id}`,
      plannedMonth: m.plannedMonth,
      reachedMonth: reachedBy(m.reachedMonth),
      asOf: period,
      redAfterMonths: rules.milestoneRedAfterMonths,
    });
    if (s.state === 'green') continue;
    const late = s.monthsLate === 0 ? '到期未完成' : `逾期 ${s.monthsLate} 个月未完成`;
    reasons.push({
      rule: 'milestone',
      card: s.state,
      text: `${MILESTONE_LABELS[m.id]}节点（计划 ${m.plannedMonth}）${late}`,
    });
  }

  const started = reachedBy(input.milestones.find((m) => m.id === 'start')?.reachedMonth ?? null);
  // Only a project that is to be 入库纳统 (it has the milestone, planned or not) is judged on it.
  const statsRow = input.milestones.find((m) => m.id === 'stats');
  if (statsRow && started !== null && reachedBy(statsRow.reachedMonth) === null) {
    const after = asOf - periodIndex(started);
    const card = after >= rules.statsRedAfterMonths ? 'red' : after >= rules.statsYellowAfterMonths ? 'yellow' : null;
    if (card) reasons.push({ rule: 'stats', card, text: `开工（${started}）后 ${after} 个月未入库纳统` });
  }

  const yearPlan = parseDecimal(input.yearPlan, `${item}.yearPlan`);
  check(yearPlan >= 0, `${item}.yearPlan`, '年度计划投资不能为负');
  let investment: InvestmentPace | null = null;
  if (yearPlan > 0) {
    const problem = monthlyPlanProblem(input.yearPlan, input.monthlyPlan);
    check(problem === null, `${item}.monthlyPlan`, problem ?? '');
    const monthly = input.monthlyPlan?.map((v, i) => parseDecimal(v, `${item}.monthlyPlan[${i + 1}]`)) ?? null;
    const expected = planToDate(yearPlan, monthly, month);
    const expectedShown = shownRatio(expected);
    if (input.completedToDate === null) {
      investment = { expected: toDecimal(roundRatio(expected)), actual: null, gapPoints: null, ratioPercent: null };
      reasons.push(
        input.deadlinePassed
          ? { rule: 'report', card: 'overdue', text: `${period} 项目进展逾期未报` }
          : { rule: 'report', card: 'pending', text: `${period} 项目进展待报` },
      );
    } else {
      const actual = parseDecimal(input.completedToDate, `${item}.completedToDate`);
      check(actual >= 0, `${item}.completedToDate`, '累计完成投资不能为负');
      // Points of the year plan, in micro-points: (expected − actual) × 100 / yearPlan.
      const gap = ratio((expected.n - BigInt(actual) * expected.d) * 100n * BigInt(ONE), expected.d * BigInt(yearPlan));
      const r = expected.n === 0n ? null : ratio(BigInt(actual) * expected.d * BigInt(ONE), expected.n);
      const rule = parseWarningRule(rules.investment, `${item}.rule`);
      const state =
        rule.kind === 'pointsBehind' ? stateByPoints(gap, rule) : r === null ? 'green' : stateByRatio(r, rule);
      const gapPoints = shownRatio(gap);
      const ratioPercent = r === null ? null : formatRatio(ratio(r.n * 100n, r.d), 1);
      investment = { expected: toDecimal(roundRatio(expected)), actual: toDecimal(actual), gapPoints, ratioPercent };
      if (state !== 'green') {
        const how =
          rule.kind === 'pointsBehind'
            ? `落后序时计划 ${gapPoints} 个百分点`
            : `仅完成序时计划的 ${ratioPercent ?? '0.0'}%`;
        reasons.push({
          rule: 'investment',
          card: state,
          text: `累计完成投资 ${shownRatio({ n: BigInt(actual), d: 1n })} 万元，序时计划 ${expectedShown} 万元，${how}`,
        });
      }
    }
  }
  const card = reasons.reduce<ProjectCard>((c, r) => worseCard(c, r.card), 'green');
  return { card, reasons, investment };
}
