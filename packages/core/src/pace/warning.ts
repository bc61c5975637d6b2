import { exactParam, explain, type Explanation } from '../explain/index.js';
import {
  ONE,
  ScoringInputError,
  check,
  compareRatio,
  divRatio,
  formatRatio,
  mulRatio,
  parseDecimal,
  ratio,
  ratioOf,
  roundRatio,
  shownRatio,
  toDecimal,
  type Decimal,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';
import {
  PACE_DEN,
  expectedValue,
  paceNumerator,
  paceProfile,
  type PaceProfile,
  type PaceProfileInput,
} from './profile.js';

/** cumulative: count or amount to date; rate: a point-in-time value; growth: 同比 % against last year. */
export type IndicatorKind = 'cumulative' | 'rate' | 'growth';

/** The two ways districts judge the gap to pace (DESIGN §3.1); thresholds are scheme settings. */
export type WarningRule =
  /** gap = p(t) − actual/target in points of the annual target: green < yellowFrom ≤ yellow ≤ redFrom < red. */
  | { kind: 'pointsBehind'; yellowFromPoints: DecimalInput; redFromPoints: DecimalInput }
  /** r = actual/expected (expected/actual when lower is better): green ≥ 1 > yellow ≥ redBelow > red. */
  | { kind: 'ratio'; redBelowRatio: DecimalInput };

/** Default thresholds (DESIGN §3.1: 银川's 10/30 points behind pace, 三亚's 50 % of pace): the forms' starting values. */
export const DEFAULT_THRESHOLDS = { yellowFromPoints: '10', redFromPoints: '30', redBelowRatio: '0.5' } as const;
export const DEFAULT_POINTS_RULE = {
  kind: 'pointsBehind',
  yellowFromPoints: DEFAULT_THRESHOLDS.yellowFromPoints,
  redFromPoints: DEFAULT_THRESHOLDS.redFromPoints,
} as const satisfies WarningRule;
export const DEFAULT_RATIO_RULE = {
  kind: 'ratio',
  redBelowRatio: DEFAULT_THRESHOLDS.redBelowRatio,
} as const satisfies WarningRule;

/**
 * overdue: no report and its deadline has passed; pending: no accepted figure yet and not overdue (not
 * yet reported before the deadline, or reported and waiting for review). Neither is green.
 */
export type WarningState = 'green' | 'yellow' | 'red' | 'overdue' | 'pending';

/**
 * One word per light, for documents (Word, Excel, the brief); the web catalogue's keys are these states.
 * `pending` is 待报: the figure is not in yet (the report's own 待审核 is REPORT_STATE_LABELS.submitted).
 */
export const WARNING_STATE_LABELS: Record<WarningState, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  overdue: '逾期未报',
  pending: '待报',
};

export interface PaceWarningInput {
  /** Names the unit and indicator in errors, e.g. "商务局/新签约亿元以上项目". */
  item: string;
  kind: IndicatorKind;
  lowerIsBetter?: boolean;
  profile: PaceProfileInput | PaceProfile;
  annualTarget: DecimalInput;
  /** Period end, 1–12. */
  month: number;
  /** Cumulative to date for a cumulative indicator, the period's value otherwise; null when not reported. */
  actual: DecimalInput | null;
  deadlinePassed: boolean;
  rule: WarningRule;
}

export interface PaceWarning {
  state: WarningState;
  /** p(t) as a fraction; 1 for rate and growth indicators, which have no time profile. */
  pace: Decimal;
  expected: Decimal;
  actual: Decimal | null;
  /** Points behind pace (pointsBehind rule), negative when ahead. */
  gapPoints: Decimal | null;
  /** Ratio to pace (ratio rule); null when undefined (nothing expected, or nothing done when lower is better). */
  ratio: Decimal | null;
  /**
   * The figures as the board and the bulletin show them: two places rounded once from the exact values
   * (not from the six-place figures above), trailing zeros dropped; `ratioPercent` is the ratio in %,
   * one place ("40.0"), as percentages are printed.
   */
  shown: { actual: string | null; expected: string; gapPoints: string | null; ratioPercent: string | null };
  explanation: Explanation;
}

const HUNDRED = 100 * ONE;

/** Parsed thresholds of a rule, so a batch of warnings parses them once. */
export interface ParsedRule {
  kind: WarningRule['kind'];
  yellowFrom: Micro;
  redFrom: Micro;
}

export function parseWarningRule(rule: WarningRule, item = 'rule'): ParsedRule {
  if (rule.kind === 'pointsBehind') {
    const yellowFrom = parseDecimal(rule.yellowFromPoints, `${item}.yellowFromPoints`);
    const redFrom = parseDecimal(rule.redFromPoints, `${item}.redFromPoints`);
    check(yellowFrom >= 0, `${item}.yellowFromPoints`, '黄灯阈值不能为负');
    check(redFrom >= yellowFrom, `${item}.redFromPoints`, '红灯阈值不能小于黄灯阈值');
    return { kind: rule.kind, yellowFrom, redFrom };
  }
  const redFrom = parseDecimal(rule.redBelowRatio, `${item}.redBelowRatio`);
  check(redFrom >= 0 && redFrom <= ONE, `${item}.redBelowRatio`, '红灯比例须在 0 到 1 之间');
  return { kind: rule.kind, yellowFrom: ONE, redFrom };
}

/** Points behind pace → state, on the exact gap. Exactly on a threshold counts as the worse colour ("from 10 to 30"). */
export function stateByPoints(gap: Ratio, rule: ParsedRule): 'green' | 'yellow' | 'red' {
  return compareRatio(gap, ratioOf(rule.redFrom)) > 0
    ? 'red'
    : compareRatio(gap, ratioOf(rule.yellowFrom)) >= 0
      ? 'yellow'
      : 'green';
}

/** Ratio to pace (micro-units of 1, exact) → state: ≥ 1 green, down to the red line yellow, below it red. */
export function stateByRatio(r: Ratio, rule: ParsedRule): 'green' | 'yellow' | 'red' {
  return compareRatio(r, ratioOf(ONE)) >= 0 ? 'green' : compareRatio(r, ratioOf(rule.redFrom)) >= 0 ? 'yellow' : 'red';
}

/**
 * Points behind pace exactly (micro-points, negative when ahead): p(t) × 100 − actual / target × 100,
 * mirrored when lower is better. `numerator` is p(t) over PACE_DEN.
 */
export function pointsGap(actual: Micro, target: Micro, numerator: number, lower: boolean): Ratio {
  // due = 100·num/12 and achieved = actual·10⁸/target micro-points, over the common denominator 12·target.
  const due = BigInt(numerator) * 100n * BigInt(target);
  const achieved = BigInt(actual) * BigInt(HUNDRED) * 12n;
  return ratio(lower ? achieved - due : due - achieved, 12n * BigInt(target));
}

/** The warning for one unit × indicator × month (DESIGN §3.1), decided on exact values. */
export function paceWarning(input: PaceWarningInput): PaceWarning {
  const { item } = input;
  const profile = 'numerators' in input.profile ? input.profile : paceProfile(input.profile, `${item}.profile`);
  const rule = parseWarningRule(input.rule, `${item}.rule`);
  const target = parseDecimal(input.annualTarget, `${item}.annualTarget`);
  check(target > 0, `${item}.annualTarget`, '年度目标须大于 0，否则无法计算进度');
  const timed = input.kind === 'cumulative';
  const numerator = timed ? paceNumerator(profile, input.month, `${item}.month`) : PACE_DEN;
  const pace = ratio(numerator, 12);
  const expected = expectedValue(target, numerator);
  const lower = input.lowerIsBetter === true;
  const base = { pace: toDecimal(roundRatio(pace)), expected: toDecimal(roundRatio(expected)) };
  const shownExpected = shownRatio(expected);
  const facts = {
    month: input.month,
    kind: input.kind,
    lowerIsBetter: lower,
    rule: rule.kind,
    profile: timed ? profile.kind : 'none',
  };
  const paceNode = explain(
    'pace.expected',
    roundRatio(expected),
    { target: toDecimal(target), pace: base.pace, ...exactParam(pace, 'paceExact'), ...exactParam(expected) },
    [],
    { type: 'target', id: item },
  );

  if (input.actual === null) {
    const state = input.deadlinePassed ? 'overdue' : 'pending';
    return {
      state,
      ...base,
      actual: null,
      gapPoints: null,
      ratio: null,
      shown: { actual: null, expected: shownExpected, gapPoints: null, ratioPercent: null },
      explanation: explain(`warning.${state}`, null, facts, [paceNode], { type: 'report', id: item }),
    };
  }
  const actual = parseDecimal(input.actual, `${item}.actual`);
  const actualNode = explain('pace.actual', actual, {}, [], { type: 'report', id: item });
  const shownActual = shownRatio(ratioOf(actual));

  if (rule.kind === 'pointsBehind') {
    // Both sides in points of the annual target, exactly; the gap is rounded once, to show it.
    const gap = inRange(() => {
      const g = pointsGap(actual, target, numerator, lower);
      return { g, micro: roundRatio(g), achieved: roundRatio(ratio(BigInt(actual) * BigInt(HUNDRED), target)) };
    }, item);
    const state = stateByPoints(gap.g, rule);
    const node = explain(
      `warning.${state}`,
      gap.micro,
      {
        ...facts,
        achievedPoints: toDecimal(gap.achieved),
        duePoints: toDecimal(roundRatio(ratio(numerator * 100, 12))),
        yellowFromPoints: toDecimal(rule.yellowFrom),
        redFromPoints: toDecimal(rule.redFrom),
        ...exactParam(gap.g),
      },
      [paceNode, actualNode],
    );
    return {
      state,
      ...base,
      actual: toDecimal(actual),
      gapPoints: toDecimal(gap.micro),
      ratio: null,
      shown: { actual: shownActual, expected: shownExpected, gapPoints: shownRatio(gap.g), ratioPercent: null },
      explanation: node,
    };
  }

  const num = lower ? expected : ratioOf(actual);
  const den = lower ? ratioOf(actual) : expected;
  // Nothing expected yet (seasonal 0 %) or nothing done on a lower-is-better indicator: on pace.
  const r =
    den.n === 0n
      ? null
      : inRange(() => {
          const x = mulRatio(divRatio(num, den), ratioOf(ONE));
          return { x, micro: roundRatio(x) };
        }, item);
  const state = r === null ? 'green' : stateByRatio(r.x, rule);
  const node = explain(
    `warning.${state}`,
    r === null ? null : r.micro,
    { ...facts, redBelowRatio: toDecimal(rule.redFrom), ...exactParam(r === null ? null : r.x) },
    [paceNode, actualNode],
  );
  return {
    state,
    ...base,
    actual: toDecimal(actual),
    gapPoints: null,
    ratio: r === null ? null : toDecimal(r.micro),
    shown: {
      actual: shownActual,
      expected: shownExpected,
      gapPoints: null,
      ratioPercent: r === null ? null : formatRatio(mulRatio(r.x, ratioOf(100)), 1),
    },
    explanation: node,
  };
}

/** A quotient too large for 2^53 micro-units means absurd data (e.g. a target of 0.000001): say so. */
function inRange<T>(f: () => T, item: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError)
      throw new ScoringInputError(`${item}.actual`, '实际值与目标相差过于悬殊，超出可计算范围，请核对数据');
    throw e;
  }
}
