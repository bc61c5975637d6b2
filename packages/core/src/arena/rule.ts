import type { ArenaSchemeInput } from './scheme.js';

const CN_DIGITS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const count = (n: number) => (n >= 0 && n <= 10 ? CN_DIGITS[n]! : String(n));

/**
 * The scoring rule as it is actually applied to this panel, for the big screen (DESIGN §3.3): a group drops its
 * highest and lowest scores only with at least `minScores` scores, so a screen saying "去掉最高分和最低分" over a
 * three-judge group would state a rule the engine does not apply. Stated per group by the panel's size; a group
 * that loses judges to recusals or absences below the threshold takes the plain mean (the result marks each score).
 */
export function appliedRuleStatement(scheme: ArenaSchemeInput, judgeGroups: readonly string[]): string {
  const trim = scheme.trim ?? { minScores: 5, drop: 1 };
  const size = (id: string) => judgeGroups.filter((g) => g === id).length;
  const trimmed = scheme.groups.filter((g) => trim.drop > 0 && size(g.id) >= trim.minScores);
  const plain = scheme.groups.filter((g) => !trimmed.includes(g) && size(g.id) > 0);
  const parts: string[] = [];
  if (trimmed.length > 0)
    parts.push(
      `${trimmed.map((g) => `${g.id}（${size(g.id)}人）`).join('、')}去掉${count(trim.drop)}个最高分和${count(trim.drop)}个最低分后取平均`,
    );
  if (plain.length > 0)
    parts.push(`${plain.map((g) => `${g.id}（${size(g.id)}人）`).join('、')}不足${trim.minScores}人，取平均分`);
  const weighted = scheme.groups.length > 1 ? '；各组按权重加权' : '';
  return `${parts.join('；')}${weighted}`;
}
