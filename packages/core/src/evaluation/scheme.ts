import {
  parseCompositeScheme,
  type ComponentMethod,
  type CompositeSchemeInput,
  type NoDataRule,
} from '../composite/index.js';
import { check, parseDecimal, type DecimalInput } from '../number/index.js';
import { checkQuestionnaire, type ReviewQuestionnaire } from './review.js';

/** Where a component's raw value comes from (issue 14). Each source gives one value per unit, or none. */
export type ComponentSource =
  /** 指标得分率: Σ indicator scores (§3.2, against the pace to the period's end) / Σ weights × 100. */
  | { kind: 'indicators' }
  /** The unit's scores in the period's finished arenas, combined. */
  | { kind: 'arenas'; combine: ArenaCombine }
  /** 按期销号率 in percent; each item overdue at the period's end deducts `overduePenalty` (total capped). */
  | { kind: 'ledger'; overduePenalty: DecimalInput; overdueCap: DecimalInput }
  /** 群众满意度 (0–100) from the ratings module. */
  | { kind: 'ratings' }
  /** 评议: the questionnaire answered by rater groups, in percent of its points. */
  | { kind: 'review'; questionnaire: ReviewQuestionnaire };

export type ComponentSourceKind = ComponentSource['kind'];
export type ArenaCombine = 'mean' | 'best' | 'last';

export const SOURCE_LABELS: Record<ComponentSourceKind, string> = {
  indicators: '目标指标',
  arenas: '擂台比武',
  ledger: '督查督办',
  ratings: '群众评价',
  review: '评议',
};
export const COMBINE_LABELS: Record<ArenaCombine, string> = { mean: '取平均', best: '取最好', last: '取最近一场' };
export const METHOD_LABELS: Record<ComponentMethod['kind'], string> = {
  direct: '直接计分',
  curve: '按曲线折算',
  proportional: '第1名得满分，其余按比例',
  rankTable: '按名次得分表',
};

/** 考核方案: the composite scheme, each component with its name and source. */
export interface EvaluationScheme extends Omit<CompositeSchemeInput, 'components'> {
  components: {
    id: string;
    name: string;
    source: ComponentSource;
    method: ComponentMethod;
    weights: Readonly<Record<string, DecimalInput>>;
    noData?: NoDataRule;
  }[];
}

/** Validates a scheme for the categories evaluated (ids as text): weights add up, methods and sources sound. */
export function checkEvaluationScheme(
  scheme: EvaluationScheme,
  categories: readonly string[],
  nameOf?: (category: string) => string,
): void {
  parseCompositeScheme(compositeSchemeOf(scheme), categories, nameOf);
  const kinds = new Set<string>();
  scheme.components.forEach((c) => {
    const item = `scheme.components[${c.id}]`;
    check(c.name.trim().length > 0, `${item}.name`, '请填写分项名称');
    check(!kinds.has(c.source.kind), `${item}.source`, `数据来源“${SOURCE_LABELS[c.source.kind]}”只能用于一个分项`);
    kinds.add(c.source.kind);
    if (c.source.kind === 'review') checkQuestionnaire(c.source.questionnaire, `${item}.source.questionnaire`);
    if (c.source.kind === 'ledger') {
      const p = parseDecimal(c.source.overduePenalty, `${item}.source.overduePenalty`);
      const cap = parseDecimal(c.source.overdueCap, `${item}.source.overdueCap`);
      check(p >= 0 && cap >= 0, `${item}.source`, '逾期扣分和扣分上限须为非负数');
    }
  });
}

export function compositeSchemeOf(scheme: EvaluationScheme): CompositeSchemeInput {
  return {
    ...scheme,
    components: scheme.components.map(({ id, method, weights, noData }) => ({
      id,
      method,
      weights,
      ...(noData ? { noData } : {}),
    })),
  };
}

/** Percent to points: 0 % → 0, 100 % → the weight (按得分率折算). */
const PERCENT = {
  kind: 'curve',
  points: [
    { value: 0, share: 0 },
    { value: 100, share: 1 },
  ],
} as const;

/**
 * A new evaluation's scheme, as DESIGN §3.5's example: 目标指标 60, 擂台比武 15 (第1名满分其余按比例),
 * 群众评价 10, 督查督办 15 (逾期未办结每件扣 0.5 分，最多 3 分); adjustments +5 / −10; 优秀 ≤ 30 %.
 * A unit with no data in a component (no targets, no arena, no rating point) takes its category's mean.
 */
export function defaultEvaluationScheme(categories: readonly string[]): EvaluationScheme {
  const w = (v: number) => Object.fromEntries(categories.map((c) => [c, v]));
  return {
    components: [
      {
        id: 'indicators',
        name: '目标指标',
        source: { kind: 'indicators' },
        method: PERCENT,
        weights: w(60),
        noData: 'average',
      },
      {
        id: 'arenas',
        name: '擂台比武',
        source: { kind: 'arenas', combine: 'mean' },
        method: { kind: 'proportional' },
        weights: w(15),
        noData: 'average',
      },
      {
        id: 'ratings',
        name: '群众评价',
        source: { kind: 'ratings' },
        method: PERCENT,
        weights: w(10),
        noData: 'average',
      },
      {
        id: 'ledger',
        name: '督查督办',
        source: { kind: 'ledger', overduePenalty: '0.5', overdueCap: 3 },
        method: PERCENT,
        weights: w(15),
        noData: 'average',
      },
    ],
    adjustmentCap: { bonus: 5, penalty: 10 },
    honourCount: 3,
    warningCount: 3,
    tieBreakers: ['indicators'],
  };
}
