import { ONE, check, parseDecimal, sum, type DecimalInput, type Micro } from '../number/index.js';
import { uniqueIds } from '../ranking/index.js';

/** The criteria and maxima an arena starts with (实绩 40, 举措 30, 表现 20, 作风 10), unless the office sets others. */
export const DEFAULT_CRITERIA: readonly { readonly id: string; readonly max: number }[] = [
  { id: '实绩', max: 40 },
  { id: '举措', max: 30 },
  { id: '表现', max: 20 },
  { id: '作风', max: 10 },
];

/** An arena's scoring scheme (DESIGN §3.3); every constant is configuration. */
export interface ArenaSchemeInput {
  /** Criteria with their maxima, e.g. 实绩 40, 举措 30, 表现 20, 作风 10. */
  criteria: readonly { id: string; max: DecimalInput }[];
  /** Judge groups (leaders, experts, public representatives) and their weights. */
  groups: readonly { id: string; weight: DecimalInput }[];
  /** What the group weights must add up to; default 1 (use 100 for percentages). */
  weightTotal?: DecimalInput;
  /** Trimmed mean: with at least `minScores` scores in a group, drop the highest and lowest `drop`. Default 5 and 1. */
  trim?: { minScores: number; drop: number };
  /**
   * A total at or above `atOrAbove` × the maximum, or below `below` × the maximum, needs a one-line
   * reason from the judge. Default 1 and 0.6; null switches the rule off.
   */
  reasonRule?: { atOrAbove: DecimalInput; below: DecimalInput } | null;
  /** Per-judge z-score normalisation, mapped back to the panel's mean and spread. */
  normalise?: boolean;
  /** Criteria that break ties in order (e.g. ["实绩"]); without them ties share a rank. */
  tieBreakers?: readonly string[];
}

export interface ArenaScheme {
  criteria: readonly { id: string; max: Micro }[];
  maxTotal: Micro;
  groups: readonly { id: string; weight: Micro }[];
  trim: { minScores: number; drop: number };
  reasonRule: { atOrAbove: Micro; below: Micro } | null;
  normalise: boolean;
  tieBreakers: readonly string[];
}

/** Validates a scheme; each problem is an error naming the criterion, group or setting. */
export function parseArenaScheme(input: ArenaSchemeInput): ArenaScheme {
  check(input.criteria.length > 0, 'scheme.criteria', '至少需要一个评分项');
  const dupC = uniqueIds(input.criteria.map((c) => c.id));
  check(dupC === null, `scheme.criteria[${dupC}]`, '评分项重复');
  const criteria = input.criteria.map((c) => {
    const max = parseDecimal(c.max, `scheme.criteria[${c.id}].max`);
    check(max > 0, `scheme.criteria[${c.id}].max`, '评分项满分须大于 0');
    return { id: c.id, max };
  });
  check(input.groups.length > 0, 'scheme.groups', '至少需要一个评委组');
  const dupG = uniqueIds(input.groups.map((g) => g.id));
  check(dupG === null, `scheme.groups[${dupG}]`, '评委组重复');
  const groups = input.groups.map((g) => {
    const weight = parseDecimal(g.weight, `scheme.groups[${g.id}].weight`);
    check(weight > 0, `scheme.groups[${g.id}].weight`, '评委组权重须大于 0');
    return { id: g.id, weight };
  });
  const total = input.weightTotal === undefined ? ONE : parseDecimal(input.weightTotal, 'scheme.weightTotal');
  const got = sum(groups.map((g) => g.weight));
  check(got === total, 'scheme.groups', `评委组权重之和须为 ${String(input.weightTotal ?? 1)}，实际为 ${got / ONE}`);
  const trim = input.trim ?? { minScores: 5, drop: 1 };
  check(Number.isInteger(trim.drop) && trim.drop >= 0, 'scheme.trim.drop', '去掉最高、最低分的个数须为非负整数');
  check(
    Number.isInteger(trim.minScores) && trim.minScores > 2 * trim.drop,
    'scheme.trim.minScores',
    '去极值所需最少评分数须大于去掉的分数个数',
  );
  let reasonRule: ArenaScheme['reasonRule'] = null;
  if (input.reasonRule !== null) {
    const r = input.reasonRule ?? { atOrAbove: 1, below: '0.6' };
    reasonRule = {
      atOrAbove: parseDecimal(r.atOrAbove, 'scheme.reasonRule.atOrAbove'),
      below: parseDecimal(r.below, 'scheme.reasonRule.below'),
    };
    check(reasonRule.below <= reasonRule.atOrAbove, 'scheme.reasonRule.below', '低分说明线不能高于高分说明线');
  }
  const tieBreakers = input.tieBreakers ?? [];
  tieBreakers.forEach((t, i) =>
    check(
      criteria.some((c) => c.id === t),
      `scheme.tieBreakers[${i}]`,
      `评分项“${t}”不存在`,
    ),
  );
  return {
    criteria,
    maxTotal: sum(criteria.map((c) => c.max)),
    groups,
    trim,
    reasonRule,
    normalise: input.normalise === true,
    tieBreakers,
  };
}
