import {
  ONE,
  ScoringInputError,
  check,
  mulDiv,
  parseDecimal,
  toDecimal,
  type DecimalInput,
  type Micro,
} from '../number/index.js';
import type { ArenaScheme } from './scheme.js';

export interface JudgeSubmission {
  criteria: Readonly<Record<string, DecimalInput>>;
  reason?: string | null;
}

/** Whether a total needs a reason under the scheme's guard rail (for the judge's phone, before submitting). */
export function totalNeedsReason(scheme: ArenaScheme, total: Micro): boolean {
  const r = scheme.reasonRule;
  if (r === null) return false;
  return total >= mulDiv(scheme.maxTotal, r.atOrAbove, ONE) || total < mulDiv(scheme.maxTotal, r.below, ONE);
}

/**
 * Validates one judge's scores for one contestant and returns them parsed, with the total:
 * every criterion present, known and within [0, max]; a reason when the total is extreme.
 */
export function checkSubmission(
  scheme: ArenaScheme,
  s: JudgeSubmission,
  item: string,
): { criteria: Micro[]; total: Micro } {
  // Plain `if`s: error texts are built only when there is an error (a year of arenas is 600,000 scores).
  for (const key in s.criteria) {
    if (!scheme.criteria.some((c) => c.id === key))
      throw new ScoringInputError(`${item}.criteria.${key}`, `评分项“${key}”不在本场方案中`);
  }
  let total = 0;
  const criteria = scheme.criteria.map((c) => {
    const raw = s.criteria[c.id];
    const at = (): string => `${item}.criteria.${c.id}`;
    if (raw === undefined) throw new ScoringInputError(at(), '缺少该评分项的分数');
    const v = parseDecimal(raw, at);
    if (v < 0) throw new ScoringInputError(at(), '分数不能为负');
    if (v > c.max) throw new ScoringInputError(at(), `分数 ${String(raw)} 超过该项满分 ${toDecimal(c.max)}`);
    total += v;
    return v;
  });
  if (totalNeedsReason(scheme, total) && scheme.reasonRule) {
    const high = toDecimal(mulDiv(scheme.maxTotal, scheme.reasonRule.atOrAbove, ONE));
    const low = toDecimal(mulDiv(scheme.maxTotal, scheme.reasonRule.below, ONE));
    const why = `总分 ${toDecimal(total)} 达到 ${high} 或低于 ${low}，须填写一句理由`;
    check(typeof s.reason === 'string' && s.reason.trim().length > 0, `${item}.reason`, why);
  }
  return { criteria, total };
}
