import { parseCompositeScheme, type ComponentMethod, type CompositeSchemeInput } from '../composite/index.js';
import { check, parseDecimal, type DecimalInput } from '../number/index.js';

/** Where a component's raw value comes from (issue 14). Each source gives one value per unit, or none. */
export type ComponentSource =
  /** 指标得分率: Σ indicator scores (§3.2, against the pace to the period's end) / Σ weights × 100. */
  | { kind: 'indicators' }
  /** The unit's scores in the period's finished arenas, combined. */
  | { kind: 'arenas'; combine: ArenaCombine }
  /** 按期销号率 in percent; each item overdue at the period's end deducts `overduePenalty` (total capped). */
  | { kind: 'ledger'; overduePenalty: DecimalInput; overdueCap: DecimalInput }
  /** 群众满意度 (0–100) from the ratings module. */
  | { kind: 'ratings' };

export type ComponentSourceKind = ComponentSource['kind'];
export type ArenaCombine = 'mean' | 'best' | 'last';

export const SOURCE_LABELS: Record<ComponentSourceKind, string> = {
  indicators: '目标指标',
  arenas: '擂台比武',
  ledger: '督查督办',
  ratings: '群众评价',
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
  }[];
}

/** Validates a scheme for the categories evaluated (ids as text): weights add up, methods and sources sound. */
export function checkEvaluationScheme(scheme: EvaluationScheme, categories: readonly string[]): void {
  parseCompositeScheme(compositeSchemeOf(scheme), categories);
  const kinds = new Set<string>();
  scheme.components.forEach((c) => {
    const item = `scheme.components[${c.id}]`;
    check(c.name.trim().length > 0, `${item}.name`, '请填写分项名称');
    check(!kinds.has(c.source.kind), `${item}.source`, `数据来源“${SOURCE_LABELS[c.source.kind]}”只能用于一个分项`);
    kinds.add(c.source.kind);
    if (c.source.kind === 'ledger') {
      const p = parseDecimal(c.source.overduePenalty, `${item}.source.overduePenalty`);
      const cap = parseDecimal(c.source.overdueCap, `${item}.source.overdueCap`);
      check(p >= 0 && cap >= 0, `${item}.source`, '逾期扣分和扣分上限须为非负数');
    }
  });
}

export function compositeSchemeOf(scheme: EvaluationScheme): CompositeSchemeInput {
  return { ...scheme, components: scheme.components.map(({ id, method, weights }) => ({ id, method, weights })) };
}
