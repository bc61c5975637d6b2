import {
  ONE,
  ScoringInputError,
  check,
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

/** The guard rail in points: a total at or above `high`, or below `low`, needs a one-line reason. */
export interface ReasonBounds {
  high: string;
  low: string;
}

/** ⌈a × b / ONE⌉ for non-negative safe integers (a line in points may have more than six places). */
const ceilMul = (a: Micro, b: Micro): Micro => {
  const p = BigInt(a) * BigInt(b);
  const q = p / BigInt(ONE);
  return Number(q * BigInt(ONE) === p ? q : q + 1n);
};

/**
 * The lines as the least total (micro) on or above them: a total t is ≥ the exact line x, or < it,
 * exactly when t ≥ ⌈x⌉, so comparing with the ceiling is comparing with the exact line (rounding it to
 * the nearest micro would judge a total a millionth below it as on it).
 */
const boundsOf = (scheme: ArenaScheme): { high: Micro; low: Micro } | null =>
  scheme.reasonRule === null
    ? null
    : {
        high: ceilMul(scheme.maxTotal, scheme.reasonRule.atOrAbove),
        low: ceilMul(scheme.maxTotal, scheme.reasonRule.below),
      };

/** The one comparison: at or above the high line, or below the low line. */
const outside = (total: Micro, b: { high: Micro; low: Micro }): boolean => total >= b.high || total < b.low;

/** The scheme's reason bounds in points (null when the scheme asks no reasons); the server sends them to phones. */
export function reasonBounds(scheme: ArenaScheme): ReasonBounds | null {
  const b = boundsOf(scheme);
  return b === null ? null : { high: toDecimal(b.high), low: toDecimal(b.low) };
}

/** Whether a total needs a reason under bounds the server sent (the judge's phone, before submitting). */
export function needsReason(bounds: ReasonBounds | null, total: DecimalInput): boolean {
  if (bounds === null) return false;
  return outside(parseDecimal(total, 'total'), {
    high: parseDecimal(bounds.high, 'reason.high'),
    low: parseDecimal(bounds.low, 'reason.low'),
  });
}

/** Whether a total needs a reason under the scheme's guard rail (the server; the columnar engine). */
export function totalNeedsReason(scheme: ArenaScheme, total: Micro): boolean {
  const b = boundsOf(scheme);
  return b !== null && outside(total, b);
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
  const bounds = reasonBounds(scheme);
  if (bounds && needsReason(bounds, toDecimal(total))) {
    const { high, low } = bounds;
    const why = `总分 ${toDecimal(total)} 达到 ${high} 或低于 ${low}，须填写一句理由`;
    check(typeof s.reason === 'string' && s.reason.trim().length > 0, `${item}.reason`, why);
  }
  return { criteria, total };
}
