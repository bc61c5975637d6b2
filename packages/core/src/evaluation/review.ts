import { ONE, check, parseDecimal, ratio, sum, type DecimalInput, type Micro, type Ratio } from '../number/index.js';

/**
 * 评议 (效能评议 / 民主评议): the office's questionnaire — items with points (e.g. 服务态度 20, 能力 20, 效率 20,
 * 效果 40) — answered anonymously by rater groups with weights (服务对象, 两代表一委员, 同级部门, 分管领导),
 * one invitation per rater. A group counts only once it has the minimum number of respondents.
 */
export interface ReviewQuestionnaire {
  items: readonly { id: string; text: string; points: DecimalInput }[];
  groups: readonly { id: string; name: string; weight: DecimalInput }[];
  minRespondents: number;
}

export function checkQuestionnaire(q: ReviewQuestionnaire, item: string): void {
  check(q.items.length > 0, `${item}.items`, '评议问卷至少需要一个评议项');
  check(q.groups.length > 0, `${item}.groups`, '至少需要一个评议组');
  check(new Set(q.items.map((i) => i.id)).size === q.items.length, `${item}.items`, '评议项重复');
  check(new Set(q.groups.map((g) => g.id)).size === q.groups.length, `${item}.groups`, '评议组重复');
  for (const i of q.items)
    check(parseDecimal(i.points, `${item}.items[${i.id}]`) > 0, `${item}.items[${i.id}]`, '分值须为正数');
  const w = sum(q.groups.map((g) => parseDecimal(g.weight, `${item}.groups[${g.id}]`)));
  check(w === 100 * ONE, `${item}.groups`, `各评议组权重之和须为 100，实际为 ${w / ONE}`);
  check(
    Number.isInteger(q.minRespondents) && q.minRespondents >= 1,
    `${item}.minRespondents`,
    '最少参评人数须为正整数',
  );
}

/** One rater's scores for one unit: every item, each between 0 and its points. Returns the sum (micro). */
export function answerTotal(
  q: ReviewQuestionnaire,
  scores: Readonly<Record<string, DecimalInput>>,
  item: string,
): Micro {
  let total = 0;
  for (const i of q.items) {
    const given = scores[i.id];
    check(given !== undefined, `${item}.${i.id}`, `请为“${i.text}”打分`);
    const v = parseDecimal(given, `${item}.${i.id}`);
    const max = parseDecimal(i.points, 'points');
    check(v >= 0 && v <= max, `${item}.${i.id}`, `“${i.text}”的得分须在 0 到 ${max / ONE} 之间`);
    total += v;
  }
  check(Object.keys(scores).length === q.items.length, item, '含有问卷之外的评议项');
  return total;
}

export interface ReviewGroupResult {
  groupId: string;
  respondents: number;
  /** The group's mean as a percent of the questionnaire's points, exactly; null below the minimum. */
  mean: Ratio | null;
}

/**
 * A unit's 评议 score in percent: the weighted mean of the groups that reached the minimum (their weights
 * renormalised over those groups), each group's mean of its raters' totals over the points available.
 * null when no group counts.
 */
export function reviewScore(
  q: ReviewQuestionnaire,
  totals: ReadonlyMap<string, readonly Micro[]>,
): { value: Ratio | null; groups: ReviewGroupResult[] } {
  const full = sum(q.items.map((i) => parseDecimal(i.points, 'points')));
  const groups = q.groups.map((g): ReviewGroupResult & { weight: Micro } => {
    const list = totals.get(g.id) ?? [];
    const weight = parseDecimal(g.weight, 'weight');
    if (list.length < q.minRespondents) return { groupId: g.id, respondents: list.length, mean: null, weight };
    // Σ totals / (n × full) × 100, in micro percent.
    return {
      groupId: g.id,
      respondents: list.length,
      mean: ratio(BigInt(sum(list)) * 100n * BigInt(ONE), BigInt(list.length) * BigInt(full)),
      weight,
    };
  });
  const counted = groups.filter((g) => g.mean !== null);
  const w = sum(counted.map((g) => g.weight));
  let value: Ratio | null = null;
  if (counted.length > 0 && w > 0) {
    let n = 0n;
    let d = 1n;
    for (const g of counted) {
      const m = g.mean as Ratio;
      // n/d + weight × m
      n = n * m.d + BigInt(g.weight) * m.n * d;
      d = d * m.d;
    }
    value = ratio(n, d * BigInt(w));
  }
  return { value, groups: groups.map(({ weight: _, ...g }) => g) };
}
