import { curveOf, type Curve } from '../indicator/index.js';
import { ONE, check, parseDecimal, sum, type DecimalInput, type Micro } from '../number/index.js';
import { uniqueIds } from '../ranking/index.js';

/** How a component's raw value becomes points out of its weight (DESIGN §3.5). */
export type ComponentMethod =
  /** The value already is points out of the weight (e.g. Σ indicator scores); checked to lie in [0, weight]. */
  | { kind: 'direct' }
  /** The curve of §3.2 through the given points (value → share of the weight). */
  | {
      kind: 'curve';
      points: readonly { label?: string; value: DecimalInput; share: DecimalInput }[];
      lowerIsBetter?: boolean;
    }
  /** 第1名得满分, 其余按第1名比例: weight × value / best (best / value when lower is better). */
  | { kind: 'proportional'; lowerIsBetter?: boolean }
  /** Points by rank in the category (e.g. 60/57/54/51/48); beyond the table `otherwise` (default 0). */
  | { kind: 'rankTable'; points: readonly DecimalInput[]; otherwise?: DecimalInput; lowerIsBetter?: boolean };

export interface CompositeSchemeInput {
  /** What each category's component weights add up to; default 100. */
  totalWeight?: DecimalInput;
  components: readonly {
    id: string;
    method: ComponentMethod;
    weights: Readonly<Record<string, DecimalInput>>;
    /** How a unit with no data scores: 0 (default), the category's mean of the others, or the full weight. */
    noData?: NoDataRule;
  }[];
  /** Caps on the sum of bonuses and of penalties; default +5 / −10 (give both as positive numbers). */
  adjustmentCap?: { bonus: DecimalInput; penalty: DecimalInput };
  /** Grades best first; each needs its min score and fits its quota (share of the category); the last takes the rest. */
  grades?: readonly { grade: string; minScore?: DecimalInput; maxShare?: DecimalInput }[];
  /** Size of the honour list (红榜) and the warning list (黑榜) per category; default 3 each. */
  honourCount?: number;
  warningCount?: number;
  /** Components whose scores break ties, in order. */
  tieBreakers?: readonly string[];
}

/** 无数据: 0 points, the mean of the units that have data (本类平均), or the full weight (视同满分). */
export type NoDataRule = 'zero' | 'average' | 'full';
export const NO_DATA_LABELS: Record<NoDataRule, string> = {
  zero: '计 0 分',
  average: '按本类平均分',
  full: '视同满分',
};

export type ParsedMethod =
  | { kind: 'direct' }
  | { kind: 'curve'; curve: Curve }
  | { kind: 'proportional'; lower: boolean }
  | { kind: 'rankTable'; points: Micro[]; otherwise: Micro; lower: boolean };

export interface CompositeScheme {
  components: { id: string; method: ParsedMethod; weights: Map<string, Micro>; noData: NoDataRule }[];
  cap: { bonus: Micro; penalty: Micro };
  grades: { grade: string; minScore: Micro | null; maxShare: Micro | null }[];
  honourCount: number;
  warningCount: number;
  tieBreakers: string[];
}

export const DEFAULT_GRADES: readonly { grade: string; minScore?: DecimalInput; maxShare?: DecimalInput }[] = [
  { grade: '优秀', minScore: 90, maxShare: '0.3' },
  { grade: '良好', minScore: 80 },
  { grade: '一般', minScore: 60 },
  { grade: '较差' },
];

function parseMethod(m: ComponentMethod, item: string): ParsedMethod {
  switch (m.kind) {
    case 'direct':
      return m;
    case 'curve': {
      const pts = m.points.map((p, i) => {
        const label = p.label ?? `point${i + 1}`;
        return {
          label,
          value: parseDecimal(p.value, `${item}.points[${label}].value`),
          share: parseDecimal(p.share, `${item}.points[${label}].share`),
        };
      });
      return { kind: 'curve', curve: curveOf(pts, m.lowerIsBetter === true, `${item}.points`) };
    }
    case 'proportional':
      return { kind: 'proportional', lower: m.lowerIsBetter === true };
    case 'rankTable': {
      const points = m.points.map((p, i) => parseDecimal(p, `${item}.points[${i + 1}]`));
      check(points.length > 0, `${item}.points`, '名次得分表不能为空');
      points.forEach((p, i) => {
        check(p >= 0, `${item}.points[${i + 1}]`, '得分不能为负');
        check(i === 0 || p <= (points[i - 1] as Micro), `${item}.points[${i + 1}]`, '名次靠后的得分不能高于靠前的');
      });
      const otherwise = m.otherwise === undefined ? 0 : parseDecimal(m.otherwise, `${item}.otherwise`);
      check(
        otherwise >= 0 && otherwise <= (points[points.length - 1] as Micro),
        `${item}.otherwise`,
        '表外名次得分须在 0 与表中最低分之间',
      );
      return { kind: 'rankTable', points, otherwise, lower: m.lowerIsBetter === true };
    }
  }
}

/**
 * Validates a scheme against the categories in use: weights per category must add up to the total.
 * `nameOf` gives a category's name for the messages (ids are what the weights are keyed by).
 */
export function parseCompositeScheme(
  input: CompositeSchemeInput,
  categories: readonly string[],
  nameOf: (category: string) => string = (c) => c,
): CompositeScheme {
  const total = input.totalWeight === undefined ? 100 * ONE : parseDecimal(input.totalWeight, 'scheme.totalWeight');
  check(input.components.length > 0, 'scheme.components', '至少需要一个考核分项');
  const dup = uniqueIds(input.components.map((c) => c.id));
  check(dup === null, `scheme.components[${dup}]`, '考核分项重复');
  const components = input.components.map((c) => {
    const item = `scheme.components[${c.id}]`;
    const weights = new Map<string, Micro>();
    for (const cat of categories) {
      const w = c.weights[cat];
      check(w !== undefined, `${item}.weights[${cat}]`, `缺少类别“${nameOf(cat)}”的权重`);
      const v = parseDecimal(w, `${item}.weights[${cat}]`);
      check(v >= 0, `${item}.weights[${cat}]`, '权重不能为负');
      weights.set(cat, v);
    }
    const method = parseMethod(c.method, `${item}.method`);
    if (method.kind === 'rankTable') {
      for (const [cat, w] of weights)
        check(
          (method.points[0] as Micro) <= w,
          `${item}.method.points[1]`,
          `第 1 名得分超过类别“${nameOf(cat)}”中该项的权重 ${w / ONE}`,
        );
    }
    return { id: c.id, method, weights, noData: c.noData ?? 'zero' };
  });
  for (const cat of categories) {
    const got = sum(components.map((c) => c.weights.get(cat) as Micro));
    check(
      got === total,
      `scheme.components.weights[${cat}]`,
      `类别“${nameOf(cat)}”各分项权重之和须为 ${total / ONE}，实际为 ${got / ONE}`,
    );
  }
  const cap = input.adjustmentCap ?? { bonus: 5, penalty: 10 };
  const parsedCap = {
    bonus: parseDecimal(cap.bonus, 'scheme.adjustmentCap.bonus'),
    penalty: parseDecimal(cap.penalty, 'scheme.adjustmentCap.penalty'),
  };
  check(parsedCap.bonus >= 0, 'scheme.adjustmentCap.bonus', '加分上限不能为负');
  check(parsedCap.penalty >= 0, 'scheme.adjustmentCap.penalty', '减分上限请填正数');
  const grades = (input.grades ?? DEFAULT_GRADES).map((g, i) => {
    const item = `scheme.grades[${g.grade}]`;
    const minScore = g.minScore === undefined ? null : parseDecimal(g.minScore, `${item}.minScore`);
    const maxShare = g.maxShare === undefined ? null : parseDecimal(g.maxShare, `${item}.maxShare`);
    check(maxShare === null || (maxShare >= 0 && maxShare <= ONE), `${item}.maxShare`, '比例须在 0 到 1 之间');
    return { grade: g.grade, minScore, maxShare, i };
  });
  const dupGrade = uniqueIds(grades.map((g) => g.grade));
  check(dupGrade === null, `scheme.grades[${dupGrade}]`, '等次重复');
  const last = grades[grades.length - 1];
  check(
    last !== undefined && last.minScore === null && last.maxShare === null,
    'scheme.grades',
    '最后一个等次须无分数线和比例限制，以容纳其余单位',
  );
  const tieBreakers = [...(input.tieBreakers ?? [])];
  tieBreakers.forEach((t, i) =>
    check(
      components.some((c) => c.id === t),
      `scheme.tieBreakers[${i}]`,
      `考核分项“${t}”不存在`,
    ),
  );
  const count = (n: number | undefined, name: string): number => {
    const v = n ?? 3;
    check(Number.isInteger(v) && v >= 0, `scheme.${name}`, '榜单人数须为非负整数');
    return v;
  };
  return {
    components,
    cap: parsedCap,
    grades: grades.map(({ grade, minScore, maxShare }) => ({ grade, minScore, maxShare })),
    honourCount: count(input.honourCount, 'honourCount'),
    warningCount: count(input.warningCount, 'warningCount'),
    tieBreakers,
  };
}
