import { readCurve } from '../indicator/index.js';
import { ONE, ScoringInputError, mulDiv, toDecimal, type Micro } from '../number/index.js';
import { competitionRank } from '../ranking/index.js';
import type { ParsedMethod } from './scheme.js';

export interface ComponentRow {
  unitId: string;
  weight: Micro;
  /** null: no data for this unit (0 points, and left out of best-unit and rank tables). */
  value: Micro | null;
}

export interface ComponentScore {
  unitId: string;
  score: Micro;
  /** What the method used: the best unit's value (proportional), the rank (rankTable), the curve segment. */
  basis: Record<string, string | number | null>;
}

/** Scores one component for all units of one category (methods compare units with each other). */
export function scoreComponent(method: ParsedMethod, rows: readonly ComponentRow[], item: string): ComponentScore[] {
  switch (method.kind) {
    case 'direct':
      return rows.map((r) => {
        if (r.value !== null && !(r.value >= 0 && r.value <= r.weight))
          throw new ScoringInputError(
            `${item}[${r.unitId}]`,
            `得分 ${toDecimal(r.value)} 须在 0 到权重 ${toDecimal(r.weight)} 之间`,
          );
        return { unitId: r.unitId, score: r.value ?? 0, basis: {} };
      });
    case 'curve':
      return rows.map((r): ComponentScore => {
        if (r.value === null) return { unitId: r.unitId, score: 0, basis: {} };
        const reading = readCurve(method.curve, r.value);
        const label = (i: number | null) => (i === null || i < 0 ? null : (method.curve.points[i]?.label ?? null));
        return {
          unitId: r.unitId,
          score: mulDiv(r.weight, reading.share, ONE),
          basis: { share: toDecimal(reading.share), segmentFrom: label(reading.from), segmentTo: label(reading.to) },
        };
      });
    case 'proportional': {
      const present = rows.filter((r): r is ComponentRow & { value: Micro } => r.value !== null);
      for (const r of present)
        if (r.value < 0) throw new ScoringInputError(`${item}[${r.unitId}]`, '按比例计分的数值不能为负');
      if (present.length === 0) return rows.map((r) => ({ unitId: r.unitId, score: 0, basis: {} }));
      const values = present.map((r) => r.value);
      const best = method.lower ? Math.min(...values) : Math.max(...values);
      return rows.map((r) => {
        if (r.value === null) return { unitId: r.unitId, score: 0, basis: { best } };
        // Higher: weight × value / best (best 0 means everyone has 0: no points to share out).
        // Lower: weight × best / value, a value of 0 being the best possible.
        const score = method.lower
          ? r.value === 0
            ? r.weight
            : mulDiv(r.weight, best, r.value)
          : best === 0
            ? 0
            : mulDiv(r.weight, r.value, best);
        return { unitId: r.unitId, score, basis: { best } };
      });
    }
    case 'rankTable': {
      const sign = method.lower ? -1 : 1;
      const ranks = competitionRank(
        rows.map((r) => ({ id: r.unitId, keys: r.value === null ? null : [sign * r.value] })),
      );
      const rankOf = new Map(ranks.map((x) => [x.id, x.rank]));
      return rows.map((r) => {
        const rank = rankOf.get(r.unitId) ?? null;
        const score = rank === null ? 0 : (method.points[rank - 1] ?? method.otherwise);
        return { unitId: r.unitId, score, basis: { rank } };
      });
    }
  }
}
