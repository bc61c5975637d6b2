import type { Curve, CurvePoint } from '../indicator/index.js';
import {
  ONE,
  ScoringInputError,
  addRatio,
  compareRatio,
  ratioOf,
  roundRatio,
  sumRatios,
  toDecimal,
  type Micro,
  type Ratio,
} from '../number/index.js';
import type { RankKey } from '../ranking/index.js';
import { curvePoints, proportionalPoints } from './components.js';
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
  for (const c of scheme.components)
    if (c.noData !== 'zero')
      throw new ScoringInputError(
        `scheme.components[${c.id}].noData`,
        '批量计算只支持无数据计 0 分，请用 evaluateComposite',
      );
  const U = cols.units;
  const C = scheme.components.length;
  const tieIdx = scheme.tieBreakers.map((t) => scheme.components.findIndex((c) => c.id === t));
  const score = new Float64Array(C * U);
  const out: CompositeColumnsResult = {
    total: new Float64Array(U),
    rank: new Uint32Array(U),
    grade: new Uint8Array(U),
    honour: new Uint8Array(U),
    warning: new Uint8Array(U),
  };

  // Component points as floats: exact micro integers where `inexact` is 0, else within a few ulps of the
  // exact fraction, which `exactTerm` rebuilds (with the plain path's own functions) when a rounding or
  // a comparison falls within that error: ranks and digits are the exact ones, at float speed.
  const inexact = new Uint8Array(C * U);
  const approx = new Float64Array(U);
  const slack = new Float64Array(U);
  const bestOf = new Float64Array(C * cols.categories.length);
  const exactTotals = new Map<number, Ratio>();
  /** a × b / c into score[at]: exact when the product is a safe integer and c divides it. */
  const term = (a: number, b: number, c: number, at: number): void => {
    const p = a * b;
    if (Number.isSafeInteger(p) && p % c === 0) score[at] = p / c;
    else {
      score[at] = (a * b) / c;
      inexact[at] = 1;
    }
  };
  const curveTerm = (curve: Curve, w: Micro, v: Micro, at: number): void => {
    const x = curve.sign * v;
    const pts = curve.points;
    let from = -1;
    for (let i = 0; i < pts.length; i += 1) if (x >= curve.sign * (pts[i] as CurvePoint).value) from = i;
    const p = pts[from < 0 ? 0 : from] as CurvePoint;
    const q = from < 0 ? undefined : pts[from + 1];
    if (!q) return term(w, p.share, ONE, at);
    const dx = curve.sign * q.value - curve.sign * p.value;
    const num = p.share * dx + (q.share - p.share) * (x - curve.sign * p.value);
    if (Number.isSafeInteger(num) && Number.isSafeInteger(dx * ONE)) return term(w, num, dx * ONE, at);
    score[at] = (w * (p.share + ((q.share - p.share) * (x - curve.sign * p.value)) / dx)) / ONE;
    inexact[at] = 1;
  };
  const exactTerm = (k: number, u: number): Ratio => {
    const at = k * U + u;
    if (!inexact[at]) return ratioOf(score[at] as number);
    const comp = scheme.components[k] as CompositeScheme['components'][number];
    const cat = cols.category[u] as number;
    const w = comp.weights.get(cols.categories[cat] as string) as Micro;
    const v = cols.values[at] as number;
    const m = comp.method;
    if (m.kind === 'curve') return curvePoints(m.curve, w, v).exact;
    if (m.kind === 'proportional')
      return proportionalPoints(m.lower, w, v, bestOf[k * cols.categories.length + cat] as number);
    return ratioOf(score[at] as number);
  };
  const exactTotal = (u: number): Ratio => {
    let r = exactTotals.get(u);
    if (r === undefined) {
      const applied =
        Math.min(cols.bonus[u] as number, scheme.cap.bonus) + Math.max(cols.penalty[u] as number, -scheme.cap.penalty);
      r = addRatio(sumRatios(scheme.components.map((_, k) => exactTerm(k, u))), ratioOf(applied));
      exactTotals.set(u, r);
    }
    return r;
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
            if (v === v) curveTerm(m.curve, w, v, k * U + u);
            else score[k * U + u] = 0;
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
          bestOf[k * cols.categories.length + ci] = best;
          for (const u of mine) {
            const v = value(u);
            if (v !== v) score[k * U + u] = 0;
            else if (m.lower) {
              if (v === 0) score[k * U + u] = w;
              else term(w, best, v, k * U + u);
            } else if (best === 0) score[k * U + u] = 0;
            else term(w, v, best, k * U + u);
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
      let abs = Math.abs(total);
      let loose = 0;
      for (let k = 0; k < C; k += 1) {
        total += score[k * U + u] as number;
        abs += Math.abs(score[k * U + u] as number);
        loose |= inexact[k * U + u] as number;
      }
      approx[u] = total;
      // Inexact float terms: each within a few ulps of its exact fraction, their sum within `slack`.
      slack[u] = loose ? abs * SLACK : 0;
      out.total[u] = loose ? roundNear(total, slack[u] as number, () => roundRatio(exactTotal(u))) : total;
    }
    const cmp = (a: number, b: number): number => {
      const d = compareNear(approx[b] as number, slack[b] as number, approx[a] as number, slack[a] as number);
      if (d !== 0) return d;
      if (slack[a] !== 0 || slack[b] !== 0) {
        const e = compareRatio(exactTotal(b), exactTotal(a));
        if (e !== 0) return e;
      }
      for (const k of tieIdx) {
        const x = score[k * U + a] as number;
        const y = score[k * U + b] as number;
        const sx = inexact[k * U + a] ? Math.abs(x) * SLACK : 0;
        const sy = inexact[k * U + b] ? Math.abs(y) * SLACK : 0;
        const t = compareNear(y, sy, x, sx);
        if (t !== 0) return t;
        if (sx !== 0 || sy !== 0) {
          const e = compareRatio(exactTerm(k, b), exactTerm(k, a));
          if (e !== 0) return e;
        }
      }
      return 0;
    };
    // Grades compare totals only with the grades' minimum scores: exactly only when one lies within the error band.
    const mins = scheme.grades.flatMap((g) => (g.minScore === null ? [] : [g.minScore]));
    const gradeKey = (u: number): RankKey => {
      const x = approx[u] as number;
      const e = slack[u] as number;
      return e !== 0 && mins.some((m) => Math.abs(x - m) <= 2 * e) ? exactTotal(u) : x;
    };
    const order = [...mine].sort((a, b) => cmp(a, b) || a - b);
    order.forEach(
      (u, i) =>
        (out.rank[u] =
          i > 0 && cmp(order[i - 1] as number, u) === 0 ? (out.rank[order[i - 1] as number] as number) : i + 1),
    );
    const grades = assignGrades(
      scheme,
      order.map((u) => ({
        id: String(u),
        rank: out.rank[u] as number,
        total: gradeKey(u),
      })),
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

/** Relative error allowed per float term (a few operations, each within 2^-53), with a wide margin. */
const SLACK = 2 ** -44;

/** Sign of x − y when their error bands do not overlap, else 0 (the caller decides exactly). */
function compareNear(x: number, sx: number, y: number, sy: number): number {
  const d = x - y;
  return d > sx + sy ? 1 : d < -(sx + sy) ? -1 : 0;
}

/** round half away from zero of a value known within ±slack, or `exact()` when a half lies in that band. */
function roundNear(x: number, slack: number, exact: () => number): number {
  const ax = Math.abs(x);
  const y = ax + 0.5;
  const r = Math.floor(y);
  const f = y - r;
  if (f > slack * 2 && f < 1 - slack * 2) return x < 0 ? 0 - r : r;
  return exact();
}
