import { exactParam, explain, type Explanation } from '../explain/index.js';
import {
  ONE,
  check,
  formatRatio,
  ratioOf,
  roundDiv,
  roundRatio,
  toDecimal,
  type Decimal,
  type Micro,
} from '../number/index.js';
import { compareIds, competitionRank, uniqueIds } from '../ranking/index.js';
import { aggregate, type Aggregate, type JudgeValue } from './aggregate.js';
import { normaliseTotals } from './normalise.js';
import { parseArenaScheme, type ArenaScheme, type ArenaSchemeInput } from './scheme.js';
import { checkSubmission, type JudgeSubmission } from './submission.js';

export interface ArenaInput {
  scheme: ArenaSchemeInput;
  judges: readonly { id: string; groupId: string }[];
  contestants: readonly { id: string }[];
  /** One submission per judge and contestant; `id` is the stored record the explanation points to. */
  scores: readonly (JudgeSubmission & { judgeId: string; contestantId: string; id?: string })[];
  /** 回避: the judge belongs to the contestant; any score they gave is left out. */
  recusals?: readonly { judgeId: string; contestantId: string }[];
  /** Judges absent from the whole session (缺席, marked by the host); any score they gave is left out. */
  absentJudges?: readonly string[];
  /** Judges marked absent (缺席) for one contestant; any score they gave that contestant is left out. */
  absences?: readonly { judgeId: string; contestantId: string }[];
}

/**
 * used, dropped by the trimmed mean, recused, excused (marked 缺席 by the host, for the session or this
 * contestant), or absent (no score for this contestant, 未评分).
 */
export type JudgeStatus = 'used' | 'trimmedHigh' | 'trimmedLow' | 'recused' | 'excused' | 'absent';

export interface ArenaGroupResult {
  groupId: string;
  /** The group's (trimmed) mean; null when no judge of the group scored. */
  score: Decimal | null;
  /** The mean as shown, two places rounded once from the exact mean ("86.67"). */
  scoreShown: string | null;
  /** Weight after renormalising over the groups present, as a fraction of 1 (0 when absent). */
  weight: Decimal;
  judges: { judgeId: string; status: JudgeStatus; total: Decimal | null; totalShown: string | null }[];
}

export interface ArenaContestantResult {
  contestantId: string;
  /** Σ group weight × group score over the groups present, rounded once to six places; null when nobody scored. */
  score: Decimal | null;
  /**
   * The score as shown: two places rounded once from the exact value, never from the six-place figure
   * (what the result page, the big screen and the documents print).
   */
  scoreShown: string | null;
  rank: number | null;
  /** Per-criterion aggregate, computed like the score on raw criterion scores (tie-breakers, display). */
  criteria: Record<string, Decimal | null>;
  criteriaShown: Record<string, string | null>;
  groups: ArenaGroupResult[];
  explanation: Explanation;
}

interface Entry {
  judgeId: string;
  contestantId: string;
  groupId: string;
  recordId: string;
  criteria: Micro[];
  total: Micro;
}

/** Places of a shown score (DESIGN §3: two for display); scores keep them ("86.00"). */
export const SHOWN_PLACES = 2;

const pair = (judgeId: string, contestantId: string): string => `${judgeId}\u0000${contestantId}`;

/** Scores and ranks one arena session (DESIGN §3.3). Pure; the order of every input list is irrelevant. */
export function scoreArena(input: ArenaInput): ArenaContestantResult[] {
  const scheme = parseArenaScheme(input.scheme);
  const judgeGroup = checkPanel(scheme, input);
  const recused = new Set((input.recusals ?? []).map((r) => pair(r.judgeId, r.contestantId)));
  const absent = new Set(input.absentJudges ?? []);
  for (const a of input.absences ?? []) absent.add(pair(a.judgeId, a.contestantId));
  const isAbsent = (judgeId: string, contestantId: string): boolean =>
    absent.has(judgeId) || absent.has(pair(judgeId, contestantId));

  // Every submission is validated, even one left out: bad data is never silently dropped.
  const seen = new Set<string>();
  const contestantIds = new Set(input.contestants.map((c) => c.id));
  const valid: Entry[] = [];
  for (const s of input.scores) {
    const item = `scores[${s.judgeId}→${s.contestantId}]`;
    const groupId = judgeGroup.get(s.judgeId);
    check(groupId !== undefined, `${item}.judgeId`, `评委“${s.judgeId}”不在本场评委名单中`);
    check(contestantIds.has(s.contestantId), `${item}.contestantId`, `选手“${s.contestantId}”不在本场名单中`);
    const key = pair(s.judgeId, s.contestantId);
    check(!seen.has(key), item, '同一评委对同一选手有重复评分');
    seen.add(key);
    const parsed = checkSubmission(scheme, s, item);
    if (!recused.has(key) && !isAbsent(s.judgeId, s.contestantId)) {
      valid.push({
        judgeId: s.judgeId,
        contestantId: s.contestantId,
        groupId,
        recordId: s.id ?? `${s.judgeId}→${s.contestantId}`,
        ...parsed,
      });
    }
  }
  const normalised = scheme.normalise ? normaliseTotals(valid, scheme.maxTotal) : null;
  const totalOf = (e: Entry): Micro => normalised?.get(pair(e.judgeId, e.contestantId)) ?? e.total;

  const byContestant = new Map<string, Entry[]>();
  for (const e of valid) {
    const list = byContestant.get(e.contestantId);
    if (list) list.push(e);
    else byContestant.set(e.contestantId, [e]);
  }
  const scored = input.contestants.map((c) => {
    const mine = byContestant.get(c.id) ?? [];
    const asValues = (pick: (e: Entry) => Micro): JudgeValue[] =>
      mine.map((e) => ({ judgeId: e.judgeId, groupId: e.groupId, value: pick(e) }));
    const total = aggregate(scheme, asValues(totalOf));
    const byCriterion = scheme.criteria.map(
      (_, k) =>
        aggregate(
          scheme,
          asValues((e) => e.criteria[k] as Micro),
        ).exact,
    );
    // Ranks and ties on the exact values (issue 12: rounding first split ties that are equal on paper).
    const tie = scheme.tieBreakers.map((t) => byCriterion[scheme.criteria.findIndex((x) => x.id === t)] ?? 0);
    return { id: c.id, mine, total, byCriterion, keys: total.exact === null ? null : [total.exact, ...tie] };
  });

  const byId = new Map(scored.map((s) => [s.id, s]));
  return competitionRank(scored).map((rk) => {
    const s = byId.get(rk.id) as (typeof scored)[number];
    const groups = groupResults(scheme, input.judges, s.id, s.mine, s.total, totalOf, recused, isAbsent);
    const criteria: Record<string, Decimal | null> = {};
    const criteriaShown: Record<string, string | null> = {};
    scheme.criteria.forEach((c, k) => {
      const v = s.byCriterion[k];
      criteria[c.id] = v === null || v === undefined ? null : toDecimal(roundRatio(v));
      criteriaShown[c.id] = v === null || v === undefined ? null : formatRatio(v, SHOWN_PLACES);
    });
    const explanation = explain(
      'arena.score',
      s.total.score,
      {
        contestantId: s.id,
        rank: rk.rank,
        tiedWith: rk.tiedWith,
        tieBreakers: scheme.tieBreakers.join(','),
        normalised: scheme.normalise,
        trimMinScores: scheme.trim.minScores,
        trimDrop: scheme.trim.drop,
        ...exactParam(s.total.exact),
      },
      groups.map((g) => g.explanation),
    );
    return {
      contestantId: s.id,
      score: s.total.score === null ? null : toDecimal(s.total.score),
      scoreShown: s.total.exact === null ? null : formatRatio(s.total.exact, SHOWN_PLACES),
      rank: rk.rank,
      criteria,
      criteriaShown,
      groups: groups.map((g) => g.result),
      explanation,
    };
  });
}

/** Checks the panel: unique ids, judges in known groups, tie-breakers known. Returns judge → group. */
function checkPanel(scheme: ArenaScheme, input: ArenaInput): Map<string, string> {
  const dupJ = uniqueIds(input.judges.map((j) => j.id));
  check(dupJ === null, `judges[${dupJ}]`, '评委重复');
  const dupC = uniqueIds(input.contestants.map((c) => c.id));
  check(dupC === null, `contestants[${dupC}]`, '选手重复');
  const groups = new Set(scheme.groups.map((g) => g.id));
  const judgeGroup = new Map<string, string>();
  for (const j of input.judges) {
    check(groups.has(j.groupId), `judges[${j.id}].groupId`, `评委组“${j.groupId}”不在方案中`);
    judgeGroup.set(j.id, j.groupId);
  }
  for (const r of input.recusals ?? [])
    check(
      judgeGroup.has(r.judgeId),
      `recusals[${r.judgeId}→${r.contestantId}]`,
      `评委“${r.judgeId}”不在本场评委名单中`,
    );
  return judgeGroup;
}

/** Each group's result and explanation node for one contestant, judges in id order. */
function groupResults(
  scheme: ArenaScheme,
  judges: ArenaInput['judges'],
  contestantId: string,
  mine: readonly Entry[],
  total: Aggregate,
  totalOf: (e: Entry) => Micro,
  recused: Set<string>,
  isAbsent: (judgeId: string, contestantId: string) => boolean,
): { result: ArenaGroupResult; explanation: Explanation }[] {
  const sortedJudges = [...judges].sort((a, b) => compareIds(a.id, b.id));
  const entryOf = new Map(mine.map((e) => [e.judgeId, e]));
  return scheme.groups.map((g) => {
    const agg = total.groups.get(g.id);
    const weight = agg ? roundDiv(BigInt(g.weight) * BigInt(ONE), BigInt(total.presentWeight)) : 0;
    const rows = sortedJudges
      .filter((j) => j.groupId === g.id)
      .map((j) => {
        const e = entryOf.get(j.id);
        const status: JudgeStatus = e
          ? agg?.trimmedHigh.includes(j.id)
            ? 'trimmedHigh'
            : agg?.trimmedLow.includes(j.id)
              ? 'trimmedLow'
              : 'used'
          : recused.has(pair(j.id, contestantId))
            ? 'recused'
            : isAbsent(j.id, contestantId)
              ? 'excused'
              : 'absent';
        const value = e ? totalOf(e) : null;
        const node = explain(
          `arena.judge.${status}`,
          value,
          { judgeId: j.id, ...(e && value !== e.total ? { rawTotal: toDecimal(e.total) } : {}) },
          e
            ? scheme.criteria.map((c, k) =>
                explain('arena.criterion', e.criteria[k] as Micro, { criterionId: c.id, max: toDecimal(c.max) }),
              )
            : [],
          e ? { type: 'judgeScore', id: e.recordId } : { type: 'judge', id: j.id },
        );
        const row = {
          judgeId: j.id,
          status,
          total: value === null ? null : toDecimal(value),
          totalShown: value === null ? null : formatRatio(ratioOf(value), SHOWN_PLACES),
        };
        return { row, node };
      });
    const result: ArenaGroupResult = {
      groupId: g.id,
      score: agg ? toDecimal(agg.mean) : null,
      scoreShown: agg ? formatRatio(agg.exact, SHOWN_PLACES) : null,
      weight: toDecimal(weight),
      judges: rows.map((r) => r.row),
    };
    const explanation = explain(
      agg ? 'arena.group' : 'arena.group.absent',
      agg ? agg.mean : null,
      {
        groupId: g.id,
        weight: toDecimal(g.weight),
        effectiveWeight: toDecimal(weight),
        scores: rows.filter((r) => r.row.total !== null).length,
        ...exactParam(agg ? agg.exact : null),
      },
      rows.map((r) => r.node),
    );
    return { result, explanation };
  });
}
