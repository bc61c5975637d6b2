import {
  can,
  parseDecimal,
  recordFilter,
  shownDecimal,
  shownRatio,
  suggestionActions,
  topSuggestions,
  type Actor,
  type RewardLevel,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import {
  reviewsOf,
  roundSuggestions,
  visibleIds,
  type ReviewRow,
  type RoundRow,
  type SuggestionRow,
} from './repository.js';

/** May the actor run this round (its office's organiser)? */
export async function manages(db: Db, actor: Actor, round: RoundRow): Promise<boolean> {
  const office = await units.pathOf(db, round.officeUnitId);
  return office !== null && can(actor, 'suggestion.manage', { officePath: office, unitPaths: [] });
}

const rewardOf = (levels: readonly RewardLevel[], s: SuggestionRow) => {
  if (s.rewardLevel === null) return null;
  const level = levels.find((l) => l.key === s.rewardLevel);
  return { level: s.rewardLevel, label: level?.label ?? s.rewardLevel, amount: shownDecimal(s.rewardAmount ?? '0') };
};

/**
 * Ideas as the round page, the detail and "mine" show them: the ranking is over the whole round whoever
 * asks (a unit's idea keeps its real rank), with what the asking account may do next. Reviewers' names and
 * sheets go only to the office; a reviewer sees his own sheet.
 */
export async function suggestionViews(
  db: Db,
  actor: Actor,
  round: RoundRow,
  rows: readonly SuggestionRow[],
  office: boolean,
) {
  const all = await roundSuggestions(db, round.id);
  const reviews = await reviewsOf(
    db,
    all.map((s) => s.id),
  );
  const bySuggestion = new Map<number, ReviewRow[]>();
  for (const r of reviews) bySuggestion.set(r.suggestionId, [...(bySuggestion.get(r.suggestionId) ?? []), r]);
  const micro = (t: string) => parseDecimal(t, '总分');
  const ranked = new Map(
    topSuggestions(
      all.map((s) => ({
        id: String(s.id),
        totals: (bySuggestion.get(s.id) ?? []).flatMap((r) => (r.total === null ? [] : [micro(r.total)])),
      })),
      round.topN,
    ).map((r) => [Number(r.id), r]),
  );
  const unitNames = await units.byIds(
    db,
    rows.flatMap((r) => (r.proposerUnitId === null ? [] : [r.proposerUnitId])),
  );
  const names = await users.displayNames(
    db,
    rows.flatMap((r) => (bySuggestion.get(r.id) ?? []).map((x) => x.reviewerId)),
  );
  return rows.map((s) => {
    const mine = bySuggestion.get(s.id) ?? [];
    const own = mine.find((r) => r.reviewerId === actor.userId);
    const rank = ranked.get(s.id);
    return {
      id: s.id,
      roundId: s.roundId,
      title: s.title,
      body: s.body,
      channel: s.channel,
      proposerName: s.proposerName,
      proposerUnitName: s.proposerUnitId === null ? null : (unitNames.get(s.proposerUnitId)?.name ?? null),
      proposerContact: office ? s.proposerContact : '',
      fileIds: s.fileIds,
      status: s.status,
      submittedAt: s.submittedAt.toISOString(),
      score: rank?.score ? shownRatio(rank.score) : null,
      scoredBy: mine.filter((r) => r.total !== null).length,
      rank: rank?.rank ?? null,
      chosen: rank?.chosen ?? false,
      reviewers: office
        ? mine.map((r) => ({
            id: r.reviewerId,
            name: names.get(r.reviewerId) ?? '',
            total: r.total,
            scored: r.total !== null,
          }))
        : [],
      myReview: own ? { scores: own.scores, comment: own.comment, scored: own.total !== null } : null,
      decisionNote: s.decisionNote,
      ledgerItemId: s.ledgerItemId,
      reward: rewardOf(round.rewardLevels, s),
      actions: suggestionActions({ status: s.status, reviewers: mine.length, isReviewer: !!own, manages: office }),
    };
  });
}

/** The ideas of a round the actor may read ('suggestion.read': the office's, his unit's, a leader's offices'). */
export async function readableRows(db: Db, actor: Actor, round: RoundRow) {
  const ids = await visibleIds(db, round.id, recordFilter(actor, 'suggestion.read'));
  return (await roundSuggestions(db, round.id)).filter((s) => ids.has(s.id));
}
