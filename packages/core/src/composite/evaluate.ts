import { exactParam, explain, type Explanation, type SourceRef } from '../explain/index.js';
import {
  ONE,
  ScoringInputError,
  addRatio,
  exactText,
  isMicro,
  check,
  formatRatio,
  parseDecimal,
  ratioOf,
  roundRatio,
  sum,
  sumRatios,
  toDecimal,
  type Decimal,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';
import { compareIds, compareKeysDesc, competitionRank, negateKey, uniqueIds, type RankKey } from '../ranking/index.js';
import { scoreComponent } from './components.js';
import { parseCompositeScheme, type CompositeScheme, type CompositeSchemeInput } from './scheme.js';

export interface CompositeInput {
  scheme: CompositeSchemeInput;
  units: readonly { id: string; categoryId: string }[];
  /** Raw component values; every unit needs one per component (null = no data, scored 0). A Ratio is an
   * exact fraction (a sum of indicator scores), taken as it is. */
  values: readonly { componentId: string; unitId: string; value: DecimalInput | Ratio | null; source?: SourceRef }[];
  /** Approved bonus (+) and penalty (−) items. */
  adjustments?: readonly { id: string; unitId: string; amount: DecimalInput }[];
  /** Ranks in the previous published evaluation, for 进位/退位. */
  previous?: readonly { unitId: string; rank: number }[];
}

export interface CompositeUnitResult {
  unitId: string;
  categoryId: string;
  /** Rounded once from the exact total, to six places; `totalShown` to two (never from the six-place figure). */
  total: Decimal;
  totalShown: string;
  components: {
    componentId: string;
    weight: Decimal;
    value: Decimal | null;
    score: Decimal;
    scoreShown: string;
  }[];
  adjustment: { bonus: Decimal; penalty: Decimal; applied: Decimal };
  rank: number;
  previousRank: number | null;
  /** previous − current: positive moved up (进位), negative down (退位). */
  rankChange: number | null;
  grade: string;
  honour: boolean;
  warning: boolean;
  explanation: Explanation;
}

export interface CompositeCategoryResult {
  categoryId: string;
  units: CompositeUnitResult[];
  honourList: string[];
  warningList: string[];
}

interface Entry {
  value: Ratio | null;
  source?: SourceRef;
}

export interface CompositeOptions {
  /** false: each unit's explanation is only its total (bulk re-runs); build the tree for the units someone opens. */
  explain?: boolean;
}

/** The composite evaluation (DESIGN §3.5), ranked within each category. Pure; input order is irrelevant. */
export function evaluateComposite(input: CompositeInput, options: CompositeOptions = {}): CompositeCategoryResult[] {
  const withTrees = options.explain !== false;
  const dupU = uniqueIds(input.units.map((u) => u.id));
  check(dupU === null, `units[${dupU}]`, '单位重复');
  const categories = [...new Set(input.units.map((u) => u.categoryId))].sort(compareIds);
  const scheme = parseCompositeScheme(input.scheme, categories);
  const unitCategory = new Map(input.units.map((u) => [u.id, u.categoryId]));

  // component → unit → value: nested maps, so no key strings are built for 40,000 values.
  const values = new Map<string, Map<string, Entry>>(scheme.components.map((c) => [c.id, new Map()]));
  for (const v of input.values) {
    // Plain `if`s, not check(): messages are built only when something is wrong (40,000 values a run).
    const item = (): string => `values[${v.componentId}][${v.unitId}]`;
    const byUnit = values.get(v.componentId);
    if (!byUnit) throw new ScoringInputError(item(), `考核分项“${v.componentId}”不在方案中`);
    if (!unitCategory.has(v.unitId)) throw new ScoringInputError(item(), `单位“${v.unitId}”不在考核名单中`);
    if (byUnit.has(v.unitId)) throw new ScoringInputError(item(), '同一单位同一分项有重复数据');
    const value =
      v.value === null ? null : typeof v.value === 'object' ? v.value : ratioOf(parseDecimal(v.value, item));
    byUnit.set(v.unitId, v.source ? { value, source: v.source } : { value });
  }
  const adjustments = new Map<string, { id: string; amount: Micro }[]>();
  for (const a of input.adjustments ?? []) {
    check(unitCategory.has(a.unitId), `adjustments[${a.id}]`, `单位“${a.unitId}”不在考核名单中`);
    adjustments.set(a.unitId, [
      ...(adjustments.get(a.unitId) ?? []),
      { id: a.id, amount: parseDecimal(a.amount, `adjustments[${a.id}].amount`) },
    ]);
  }
  const previous = new Map((input.previous ?? []).map((p) => [p.unitId, p.rank]));

  return categories.map((cat) =>
    evaluateCategory(
      withTrees,
      scheme,
      cat,
      input.units
        .filter((u) => u.categoryId === cat)
        .map((u) => u.id)
        .sort(compareIds),
      values,
      adjustments,
      previous,
    ),
  );
}

function evaluateCategory(
  withTrees: boolean,
  scheme: CompositeScheme,
  cat: string,
  unitIds: string[],
  values: Map<string, Map<string, Entry>>,
  adjustments: Map<string, { id: string; amount: Micro }[]>,
  previous: Map<string, number>,
): CompositeCategoryResult {
  const perComponent = scheme.components.map((c) => {
    const weight = c.weights.get(cat) as Micro;
    const byUnit = values.get(c.id) as Map<string, Entry>;
    const rows = unitIds.map((unitId) => {
      const v = byUnit.get(unitId);
      if (v === undefined)
        throw new ScoringInputError(`values[${c.id}][${unitId}]`, '缺少该单位该分项的数据（无数据请明确填 null）');
      return { unitId, weight, value: v.value };
    });
    const scores = new Map(scoreComponent(c.method, rows, `values[${c.id}]`, c.noData).map((s) => [s.unitId, s]));
    return { c, weight, scores, byUnit };
  });

  const units = unitIds.map((unitId) => {
    const comps = perComponent.map(({ c, weight, scores, byUnit }) => ({
      c,
      weight,
      v: byUnit.get(unitId),
      s: scores.get(unitId) as ReturnType<typeof scores.get> & object,
    }));
    const items = [...(adjustments.get(unitId) ?? [])].sort((a, b) => compareIds(a.id, b.id));
    const bonus = sum(items.filter((a) => a.amount > 0).map((a) => a.amount));
    const penalty = sum(items.filter((a) => a.amount < 0).map((a) => a.amount));
    const applied = Math.min(bonus, scheme.cap.bonus) + Math.max(penalty, -scheme.cap.penalty);
    // The exact points summed, rounded once: 26 + 60 is 86, as on paper.
    const exact = addRatio(sumRatios(comps.map((x) => x.s.exact)), ratioOf(applied));
    const total = roundRatio(exact);
    const tie = scheme.tieBreakers.map((t): RankKey => comps.find((x) => x.c.id === t)?.s.exact ?? 0);
    return { unitId, comps, items, bonus, penalty, applied, total, exact, keys: [exact, ...tie] };
  });

  const ranks = competitionRank(units.map((u) => ({ id: u.unitId, keys: u.keys })));
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const grades = assignGrades(
    scheme,
    ranks.map((r) => ({ id: r.id, rank: r.rank as number, total: (byId.get(r.id) as (typeof units)[number]).exact })),
  );
  const n = units.length;
  // Bottom ranks: 1 + units strictly below; ties on the boundary are listed together.
  const bottom = competitionRank(units.map((u) => ({ id: u.unitId, keys: u.keys.map(negateKey) })));
  const bottomRank = new Map(bottom.map((b) => [b.id, b.rank as number]));
  const honour = new Set(ranks.filter((r) => (r.rank as number) <= scheme.honourCount).map((r) => r.id));
  const warning = new Set(
    ranks
      .filter((r) => !honour.has(r.id) && (bottomRank.get(r.id) as number) <= scheme.warningCount && n > 0)
      .map((r) => r.id),
  );

  const results = ranks.map((r): CompositeUnitResult => {
    const u = byId.get(r.id) as (typeof units)[number];
    const rank = r.rank as number;
    const prev = previous.get(u.unitId) ?? null;
    const grade = grades.get(u.unitId) as string;
    const explanation = !withTrees
      ? explain('composite.total', u.total)
      : explain(
          'composite.total',
          u.total,
          {
            unitId: u.unitId,
            categoryId: cat,
            rank,
            tiedWith: r.tiedWith,
            previousRank: prev,
            grade,
            honour: honour.has(u.unitId),
            warning: warning.has(u.unitId),
            ...exactParam(u.exact),
          },
          [
            ...u.comps.map((x) =>
              explain(
                x.v?.value === null ? 'composite.component.noData' : `composite.component.${x.c.method.kind}`,
                x.s.score,
                {
                  componentId: x.c.id,
                  weight: toDecimal(x.weight),
                  value: shownValue(x.v?.value ?? null),
                  ...(x.v?.value == null || isMicro(x.v.value) ? {} : { valueExact: exactText(x.v.value) }),
                  ...x.s.basis,
                  ...exactParam(x.s.exact),
                },
                [],
                x.v?.source ?? { type: 'component', id: `${x.c.id}/${u.unitId}` },
              ),
            ),
            explain(
              'composite.adjustment',
              u.applied,
              {
                bonus: toDecimal(u.bonus),
                penalty: toDecimal(u.penalty),
                bonusCap: toDecimal(scheme.cap.bonus),
                penaltyCap: toDecimal(scheme.cap.penalty),
                capped: u.applied !== u.bonus + u.penalty,
              },
              u.items.map((a) =>
                explain('composite.adjustment.item', a.amount, {}, [], { type: 'adjustment', id: a.id }),
              ),
            ),
          ],
          { type: 'unit', id: u.unitId },
        );
    return {
      unitId: u.unitId,
      categoryId: cat,
      total: toDecimal(u.total),
      totalShown: formatRatio(u.exact, 2),
      components: u.comps.map((x) => ({
        componentId: x.c.id,
        weight: toDecimal(x.weight),
        value: shownValue(x.v?.value ?? null),
        score: toDecimal(x.s.score),
        scoreShown: formatRatio(x.s.exact, 2),
      })),
      adjustment: { bonus: toDecimal(u.bonus), penalty: toDecimal(u.penalty), applied: toDecimal(u.applied) },
      rank,
      previousRank: prev,
      rankChange: prev === null ? null : prev - rank,
      grade,
      honour: honour.has(u.unitId),
      warning: warning.has(u.unitId),
      explanation,
    };
  });
  return {
    categoryId: cat,
    units: results,
    honourList: results.filter((x) => x.honour).map((x) => x.unitId),
    warningList: results.filter((x) => x.warning).map((x) => x.unitId),
  };
}

/** A raw value to six places, rounded once from the exact one. */
const shownValue = (v: Ratio | null): Decimal | null => (v === null ? null : toDecimal(roundRatio(v)));

/**
 * Grades best first. Walking down the ranking one tie group at a time, a group takes the best grade
 * still open whose min score all its members reach and whose quota (⌊share × units⌋) still has room
 * for the whole group; a tie is never split. A grade passed over closes for everyone below.
 */
export function assignGrades(
  scheme: CompositeScheme,
  ranked: readonly { id: string; rank: number; total: RankKey }[],
): Map<string, string> {
  const n = ranked.length;
  const out = new Map<string, string>();
  const used = scheme.grades.map(() => 0);
  let open = 0;
  for (let i = 0; i < ranked.length;) {
    let j = i + 1;
    while (j < ranked.length && (ranked[j] as { rank: number }).rank === (ranked[i] as { rank: number }).rank) j += 1;
    const group = ranked.slice(i, j);
    // A tie group shares one exact total; the lowest is taken in case a caller passes a looser group.
    const minTotal = group.map((g) => g.total).reduce((a, b) => (compareKeysDesc([a], [b]) < 0 ? b : a));
    for (let g = open; g < scheme.grades.length; g += 1) {
      const grade = scheme.grades[g] as CompositeScheme['grades'][number];
      const quota = grade.maxShare === null ? n : quotaOf(grade.maxShare, n);
      const fits =
        (grade.minScore === null || compareKeysDesc([minTotal], [grade.minScore]) <= 0) &&
        (used[g] as number) + group.length <= quota;
      if (fits || g === scheme.grades.length - 1) {
        for (const u of group) out.set(u.id, grade.grade);
        used[g] = (used[g] as number) + group.length;
        open = g;
        break;
      }
    }
    i = j;
  }
  return out;
}

/** ⌊share × n⌋ in integers (share in micro-units). */
const quotaOf = (share: Micro, n: number): number => {
  const p = share * n;
  return (p - (p % ONE)) / ONE;
};
