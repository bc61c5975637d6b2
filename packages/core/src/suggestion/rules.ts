import { parseDecimal, sum, type Micro } from '../number/decimal.js';
import { ratio, type Ratio } from '../number/rational.js';
import { competitionRank } from '../ranking/index.js';
import type { RewardLevel, SuggestionAction, SuggestionCriterion, SuggestionStatus } from './catalog.js';

/**
 * A reviewer's score sheet checked against the round's criteria: every criterion scored, each within
 * [0, max], nothing else. Returns the problem in words a reviewer understands, or null.
 */
export function scoreSheetProblem(
  criteria: readonly SuggestionCriterion[],
  scores: Readonly<Record<string, string>>,
): string | null {
  for (const key of Object.keys(scores))
    if (!criteria.some((c) => c.key === key)) return `评分项“${key}”不在本轮评分标准中`;
  for (const c of criteria) {
    const text = scores[c.key];
    if (text === undefined) return `请为“${c.label}”打分`;
    let v: Micro;
    try {
      v = parseDecimal(text, c.label);
    } catch {
      return `“${c.label}”的分数“${text}”不是有效的数值`;
    }
    if (v < 0 || v > parseDecimal(c.max, c.label)) return `“${c.label}”的分数须在 0 到 ${c.max} 之间`;
  }
  return null;
}

/** A sheet's total, exact (micro units). Call after scoreSheetProblem said null. */
export const sheetTotal = (criteria: readonly SuggestionCriterion[], scores: Readonly<Record<string, string>>): Micro =>
  sum(criteria.map((c) => parseDecimal(scores[c.key] ?? '0', c.label)));

/** The round's maximum total (the criteria's maxima summed). */
export const maxTotal = (criteria: readonly SuggestionCriterion[]): Micro =>
  sum(criteria.map((c) => parseDecimal(c.max, c.label)));

/** A suggestion's score: the plain mean of its reviewers' totals, an exact fraction; null before any score. */
export function suggestionScore(totals: readonly Micro[]): Ratio | null {
  if (totals.length === 0) return null;
  return ratio(
    totals.reduce((s, t) => s + BigInt(t), 0n),
    totals.length,
  );
}

export interface TopInput {
  id: string;
  /** The totals of the reviewers who scored it (micro units). */
  totals: readonly Micro[];
}

export interface TopResult {
  id: string;
  score: Ratio | null;
  rank: number | null;
  tiedWith: number;
  /** Among the round's top N. */
  chosen: boolean;
}

/**
 * 评选前 N 名: suggestions ranked by their mean score, compared exactly (1, 2, 2, 4 — ties share a rank);
 * those ranked within N are chosen. Two ideas equal on paper stay equal: a tie across the N-th place takes
 * every tied idea in, so more than N may be chosen, never fewer than there are scored ones up to N.
 * Unscored ideas are not ranked and never chosen. Output in rank order, then id.
 */
export function topSuggestions(items: readonly TopInput[], n: number): TopResult[] {
  const scores = new Map(items.map((i) => [i.id, suggestionScore(i.totals)]));
  return competitionRank(
    items.map((i) => {
      const s = scores.get(i.id) ?? null;
      return { id: i.id, keys: s === null ? null : [s] };
    }),
  ).map((r) => ({
    id: r.id,
    score: scores.get(r.id) ?? null,
    rank: r.rank,
    tiedWith: r.tiedWith,
    chosen: r.rank !== null && r.rank <= n,
  }));
}

/**
 * A reward level given to one more idea: refused when the round has no such level or its count is used up
 * (`given`: how many other ideas hold it now). Returns the problem, or null.
 */
export function rewardProblem(levels: readonly RewardLevel[], level: string, given: number): string | null {
  const found = levels.find((l) => l.key === level);
  if (!found) return '本轮没有这个奖励等级';
  if (given >= found.count) return `“${found.label}”名额已满（共 ${found.count} 名）`;
  return null;
}

export interface SuggestionFacts {
  status: SuggestionStatus;
  /** Reviewers assigned, and whether the asking account is one of them. */
  reviewers: number;
  isReviewer: boolean;
  /** May the asking account manage the round (the office)? */
  manages: boolean;
}

/**
 * What may be done next: the office assigns reviewers until it decides, adopts or rejects once a score
 * exists or whenever it sees fit, and rewards adopted ideas; a reviewer scores until the decision.
 */
export function suggestionActions(f: SuggestionFacts): SuggestionAction[] {
  const open = f.status === 'submitted' || f.status === 'reviewing';
  const out: SuggestionAction[] = [];
  if (f.manages && open) out.push('assign', 'adopt', 'reject');
  if (f.isReviewer && open) out.push('score');
  if (f.manages && f.status === 'adopted') out.push('reward');
  return out;
}
