import { readCurve } from '../indicator/index.js';
import { ONE, ScoringInputError, mulDiv, toDecimal, type Micro } from '../number/index.js';
import { assignGrades } from './evaluate.js';
import type { CompositeScheme } from './scheme.js';

/**
 * A whole evaluation in typed arrays, for bulk re-runs (benchmarks, what-if runs over a province).
 * Same rules and digits as `evaluateComposite` (a test proves it), without explanation trees:
 * build those with `evaluateComposite` for the units someone opens. Units are indices.
 */
export interface CompositeColumns {
  units: number;
  /** Category index per unit, into `categories` (the ids the scheme's weights use). */
  category: Uint16Array;
  categories: readonly string[];
  /** components (scheme order) × units, micro; NaN = no data (0 points, left out of best and rank tables). */
  values: Float64Array;
  /** Per unit: the sum of its bonus items (≥ 0) and of its penalty items (≤ 0), before the caps. */
  bonus: Float64Array;
  penalty: Float64Array;
}

export interface CompositeColumnsResult {
  total: Float64Array;
  /** Competition rank within the unit's category. */
  rank: Uint32Array;
  /** Index into scheme.grades. */
  grade: Uint8Array;
  honour: Uint8Array;
  warning: Uint8Array;
}

export function evaluateCompositeColumns(scheme: CompositeScheme, cols: CompositeColumns): CompositeColumnsResult {
  const U = cols.units;
  const C = scheme.components.length;
  const T = 1 + scheme.tieBreakers.length;
  const tieIdx = scheme.tieBreakers.map((t) => scheme.components.findIndex((c) => c.id === t));
  const score = new Float64Array(C * U);
  const keys = new Float64Array(T * U);
  const out: CompositeColumnsResult = {
    total: new Float64Array(U),
    rank: new Uint32Array(U),
    grade: new Uint8Array(U),
    honour: new Uint8Array(U),
    warning: new Uint8Array(U),
  };

  // Units of each category, in index order.
  const members: number[][] = cols.categories.map(() => []);
  for (let u = 0; u < U; u += 1) (members[cols.category[u] as number] as number[]).push(u);

  cols.categories.forEach((cat, ci) => {
    const mine = members[ci] as number[];
    scheme.components.forEach((comp, k) => {
      const w = comp.weights.get(cat);
      if (w === undefined)
        throw new ScoringInputError(`scheme.components[${comp.id}].weights[${cat}]`, `缺少类别“${cat}”的权重`);
      const value = (u: number): number => cols.values[k * U + u] as number;
      const m = comp.method;
      switch (m.kind) {
        case 'direct':
          for (const u of mine) {
            const v = value(u);
            if (v === v && !(v >= 0 && v <= w))
              throw new ScoringInputError(
                `values[${comp.id}][${u}]`,
                `得分 ${toDecimal(v)} 须在 0 到权重 ${toDecimal(w)} 之间`,
              );
            score[k * U + u] = v === v ? v : 0;
          }
          break;
        case 'curve':
          for (const u of mine) {
            const v = value(u);
            score[k * U + u] = v === v ? mulDiv(w, readCurve(m.curve, v).share, ONE) : 0;
          }
          break;
        case 'proportional': {
          let best = Number.NaN;
          for (const u of mine) {
            const v = value(u);
            if (v !== v) continue;
            if (v < 0) throw new ScoringInputError(`values[${comp.id}][${u}]`, '按比例计分的数值不能为负');
            if (best !== best || (m.lower ? v < best : v > best)) best = v;
          }
          for (const u of mine) {
            const v = value(u);
            score[k * U + u] =
              v !== v ? 0 : m.lower ? (v === 0 ? w : mulDiv(w, best, v)) : best === 0 ? 0 : mulDiv(w, v, best);
          }
          break;
        }
        case 'rankTable': {
          const sign = m.lower ? -1 : 1;
          const present = mine.filter((u) => value(u) === value(u)).sort((a, b) => sign * (value(b) - value(a)));
          present.forEach((u, i) => {
            const prev = present[i - 1];
            // Competition rank: a tie keeps the rank of the first unit with that value.
            const rank = prev !== undefined && value(prev) === value(u) ? (out.rank[prev] as number) : i + 1;
            out.rank[u] = rank; // scratch; overwritten by the final ranking below
            score[k * U + u] = m.points[rank - 1] ?? m.otherwise;
          });
          break;
        }
      }
    });

    for (const u of mine) {
      let total =
        Math.min(cols.bonus[u] as number, scheme.cap.bonus) + Math.max(cols.penalty[u] as number, -scheme.cap.penalty);
      for (let k = 0; k < C; k += 1) total += score[k * U + u] as number;
      out.total[u] = total;
      keys[u * T] = total;
      tieIdx.forEach((k, i) => (keys[u * T + 1 + i] = score[k * U + u] as number));
    }
    const cmp = (a: number, b: number): number => {
      for (let t = 0; t < T; t += 1) {
        const d = (keys[b * T + t] as number) - (keys[a * T + t] as number);
        if (d !== 0) return d;
      }
      return 0;
    };
    const order = [...mine].sort((a, b) => cmp(a, b) || a - b);
    order.forEach(
      (u, i) =>
        (out.rank[u] =
          i > 0 && cmp(order[i - 1] as number, u) === 0 ? (out.rank[order[i - 1] as number] as number) : i + 1),
    );
    const grades = assignGrades(
      scheme,
      order.map((u) => ({ id: String(u), rank: out.rank[u] as number, total: out.total[u] as Micro })),
    );
    const gradeIndex = new Map(scheme.grades.map((g, i) => [g.grade, i]));
    // Bottom ranks: 1 + units strictly below, so ties on the boundary are listed together.
    let below = 0;
    for (let i = order.length - 1; i >= 0;) {
      let j = i;
      while (j > 0 && cmp(order[j - 1] as number, order[i] as number) === 0) j -= 1;
      for (let x = j; x <= i; x += 1) {
        const u = order[x] as number;
        out.grade[u] = gradeIndex.get(grades.get(String(u)) as string) as number;
        out.honour[u] = (out.rank[u] as number) <= scheme.honourCount ? 1 : 0;
        out.warning[u] = out.honour[u] === 0 && below + 1 <= scheme.warningCount ? 1 : 0;
      }
      below += i - j + 1;
      i = j - 1;
    }
  });
  return out;
}
