import { readCurveExact, type Curve } from '../indicator/index.js';
import {
  ONE,
  ScoringInputError,
  ZERO_RATIO,
  compareRatio,
  exactText,
  isMicro,
  ratio,
  ratioOf,
  roundRatio,
  sumRatios,
  toDecimal,
  type Micro,
  type Ratio,
} from '../number/index.js';
import { competitionRank, negateKey } from '../ranking/index.js';
import type { NoDataRule, ParsedMethod } from './scheme.js';

export interface ComponentRow {
  unitId: string;
  weight: Micro;
  /** null: no data for this unit (0 points, and left out of best-unit and rank tables). Exact: a sum of
   * indicator scores is a fraction in general, and rounding it here would round twice. */
  value: Ratio | null;
}

export interface ComponentScore {
  unitId: string;
  /** `exact` rounded to micro, for display and the stored figure. */
  score: Micro;
  /** The points exactly (30 × 13/15 is 26, not 26.00001): totals and ranks use this. */
  exact: Ratio;
  /** What the method used: the best unit's value (proportional), the rank (rankTable), the curve segment. */
  basis: Record<string, string | number | null>;
}

/** weight × share of the curve at `value`, exactly (one rule for the plain and the columnar paths). */
export function curvePoints(
  curve: Curve,
  weight: Micro,
  value: Micro | Ratio,
): { exact: Ratio; share: Ratio; from: number; to: number | null } {
  const r = readCurveExact(curve, value);
  return { ...r, exact: ratio(BigInt(weight) * r.share.n, r.share.d * BigInt(ONE)) };
}

/**
 * Proportional points exactly: weight × value / best (higher is better; best 0 means everyone has 0:
 * no points to share out), or weight × best / value (lower is better, a value of 0 being the best).
 */
export function proportionalPoints(lower: boolean, weight: Micro, value: Micro | Ratio, best: Micro | Ratio): Ratio {
  const v = asRatio(value);
  const b = asRatio(best);
  const w = BigInt(weight);
  if (lower) return v.n === 0n ? ratioOf(weight) : ratio(w * b.n * v.d, b.d * v.n);
  return b.n === 0n ? ratioOf(0) : ratio(w * v.n * b.d, v.d * b.n);
}

const asRatio = (x: Micro | Ratio): Ratio => (typeof x === 'number' ? ratioOf(x) : x);

const scored = (unitId: string, exact: Ratio, basis: ComponentScore['basis']): ComponentScore => ({
  unitId,
  score: roundRatio(exact),
  exact,
  basis,
});

/**
 * Scores one component for all units of one category (methods compare units with each other); units
 * with no data then score by the scheme's rule: 0, the exact mean of the others' points, or the weight.
 */
export function scoreComponent(
  method: ParsedMethod,
  rows: readonly ComponentRow[],
  item: string,
  noData: NoDataRule = 'zero',
): ComponentScore[] {
  const scores = scoreByMethod(method, rows, item);
  if (noData === 'zero') return scores;
  const present = scores.filter((_, i) => rows[i]?.value !== null);
  const total = sumRatios(present.map((s) => s.exact));
  // Nobody in the category has data: no mean to take, and the component cannot tell them apart; each
  // takes the full weight, so the category's totals stay on the scheme's scale (and its ranks unmoved).
  const mean = present.length === 0 ? null : ratio(total.n, total.d * BigInt(present.length));
  return scores.map((s, i) => {
    const r = rows[i] as ComponentRow;
    if (r.value !== null) return s;
    return scored(r.unitId, noData === 'full' || mean === null ? ratioOf(r.weight) : mean, { noData });
  });
}

function scoreByMethod(method: ParsedMethod, rows: readonly ComponentRow[], item: string): ComponentScore[] {
  switch (method.kind) {
    case 'direct':
      return rows.map((r) => {
        const v = r.value;
        if (v !== null && !(compareRatio(v, ZERO_RATIO) >= 0 && compareRatio(v, ratioOf(r.weight)) <= 0))
          throw new ScoringInputError(
            `${item}[${r.unitId}]`,
            `得分 ${exactText(v)} 须在 0 到权重 ${toDecimal(r.weight)} 之间`,
          );
        return scored(r.unitId, v ?? ratioOf(0), {});
      });
    case 'curve':
      return rows.map((r): ComponentScore => {
        if (r.value === null) return scored(r.unitId, ratioOf(0), {});
        const reading = curvePoints(method.curve, r.weight, r.value);
        const label = (i: number | null) => (i === null || i < 0 ? null : (method.curve.points[i]?.label ?? null));
        return scored(r.unitId, reading.exact, {
          share: toDecimal(roundRatio(reading.share)),
          ...(isMicro(reading.share) ? {} : { shareExact: exactText(reading.share) }),
          segmentFrom: label(reading.from),
          segmentTo: label(reading.to),
        });
      });
    case 'proportional': {
      const present = rows.filter((r): r is ComponentRow & { value: Ratio } => r.value !== null);
      for (const r of present)
        if (compareRatio(r.value, ZERO_RATIO) < 0)
          throw new ScoringInputError(`${item}[${r.unitId}]`, '按比例计分的数值不能为负');
      if (present.length === 0) return rows.map((r) => scored(r.unitId, ratioOf(0), {}));
      const sign = method.lower ? -1 : 1;
      const best = present.map((r) => r.value).reduce((a, b) => (sign * compareRatio(b, a) > 0 ? b : a));
      const basis = { best: toDecimal(roundRatio(best)), ...(isMicro(best) ? {} : { bestExact: exactText(best) }) };
      return rows.map((r) =>
        r.value === null
          ? scored(r.unitId, ratioOf(0), basis)
          : scored(r.unitId, proportionalPoints(method.lower, r.weight, r.value, best), basis),
      );
    }
    case 'rankTable': {
      const ranks = competitionRank(
        rows.map((r) => ({
          id: r.unitId,
          keys: r.value === null ? null : [method.lower ? negateKey(r.value) : r.value],
        })),
      );
      const rankOf = new Map(ranks.map((x) => [x.id, x.rank]));
      return rows.map((r) => {
        const rank = rankOf.get(r.unitId) ?? null;
        const score = rank === null ? 0 : (method.points[rank - 1] ?? method.otherwise);
        return scored(r.unitId, ratioOf(score), { rank });
      });
    }
  }
}
