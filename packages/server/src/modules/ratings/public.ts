import {
  RATING_STATE_LABELS,
  ratingState,
  followUpOpen,
  isBadRating,
  RATING_COMMENT_MAX,
  RATING_LEVELS,
  type RatingState,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState, notFound } from '../../errors.js';
import { localDate } from '../../jobs/clock.js';
import { recordAudit } from '../audit/index.js';
import { itemAnswers, raterVerdict } from '../ledger/index.js';
import * as units from '../units/index.js';
import { pointById, ratingByLookup, updateRating, type RatingRow } from './repository.js';
import { pointOfCode } from './point-cache.js';
import { ratingSettings } from './settings.js';
import { RATER } from './submit.js';

/** What the QR page needs to ask: whose point, the levels, the tags and reasons this jurisdiction uses. */
export async function pointForm(db: Db, code: string) {
  const point = await pointOfCode(db, code);
  if (!point || !point.active) throw notFound('评价点');
  const settings = await ratingSettings(db);
  return {
    unitName: (await units.nameOf(db, point.unitId)) ?? '',
    pointName: point.name,
    levels: RATING_LEVELS.map((l) => ({ stars: l.stars, label: l.label, bad: isBadRating(l.stars) })),
    tags: settings.tags,
    badReasons: settings.badReasons,
    commentMax: RATING_COMMENT_MAX,
    requireVerifiedPhone: settings.requireVerifiedPhone,
    periodDays: settings.periodDays,
  };
}

export interface LookupView {
  unitName: string;
  pointName: string;
  level: string;
  ratedOn: string;
  bad: boolean;
  state: RatingState;
  stateLabel: string;
  deadline: string | null;
  answer: { text: string; at: Date } | null;
  followUp: 'none' | 'satisfied' | 'unsatisfied';
  /** The rater may give the one follow-up now. */
  canFollowUp: boolean;
}

async function viewOf(db: Db, r: RatingRow): Promise<LookupView> {
  const point = await pointById(db, r.pointId);
  const item = r.ledgerItemId ? (await itemAnswers(db, [r.ledgerItemId])).get(r.ledgerItemId) : undefined;
  const facts = { review: r.review, appeal: r.appeal, itemState: item?.state ?? null, followUp: r.followUp };
  const bad = isBadRating(r.stars);
  const state = ratingState(facts, bad);
  return {
    unitName: (await units.nameOf(db, r.unitId)) ?? '',
    pointName: point?.name ?? '',
    level: RATING_LEVELS.find((l) => l.stars === r.stars)?.label ?? '',
    ratedOn: r.ratedOn,
    bad,
    state,
    stateLabel: RATING_STATE_LABELS[state],
    deadline: item?.deadline ?? null,
    answer: item?.answer ?? null,
    followUp: r.followUp,
    canFollowUp: bad && followUpOpen(facts),
  };
}

/** The rater's view of the case by its lookup code: the unit's answer, and whether 追评 is open. */
export async function lookup(db: Db, code: string): Promise<LookupView> {
  const r = await ratingByLookup(db, code.toUpperCase());
  if (!r) throw notFound('评价记录');
  return viewOf(db, r);
}

/**
 * 追评, once: satisfied closes the item; unsatisfied sends it back to the unit and tells the office.
 * The row lock makes a second follow-up (two taps, two tabs) find the first and be refused.
 */
export async function followUp(
  db: Db,
  code: string,
  input: { satisfied: boolean; comment: string },
): Promise<LookupView> {
  if (input.comment.length > RATING_COMMENT_MAX)
    throw new AppError('VALIDATION_FAILED', `追评不超过 ${RATING_COMMENT_MAX} 个字`);
  return db.transaction(async (tx) => {
    const r = await ratingByLookup(tx, code.toUpperCase(), true);
    if (!r) throw notFound('评价记录');
    const item = r.ledgerItemId ? (await itemAnswers(tx, [r.ledgerItemId])).get(r.ledgerItemId) : undefined;
    const facts = { review: r.review, appeal: r.appeal, itemState: item?.state ?? null, followUp: r.followUp };
    if (!isBadRating(r.stars) || !followUpOpen(facts))
      throw invalidState(r.followUp !== 'none' ? '已经追评过了，每条评价只能追评一次' : '单位答复后才能追评');
    const verdict = input.satisfied ? 'satisfied' : 'unsatisfied';
    await raterVerdict(tx, RATER, r.ledgerItemId!, verdict, input.comment.trim(), localDate());
    const updated = await updateRating(tx, r.id, {
      followUp: verdict,
      followUpComment: input.comment.trim(),
      followUpAt: new Date(),
    });
    await recordAudit(tx, RATER, {
      action: 'rating.follow_up',
      targetType: 'rating',
      targetId: r.id,
      unitId: r.unitId,
      before: { followUp: r.followUp },
      after: { followUp: verdict },
    });
    return viewOf(tx, updated);
  });
}
