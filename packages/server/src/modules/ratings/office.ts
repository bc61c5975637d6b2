import {
  allowedRatingActions,
  can,
  hasPermission,
  isBadRating,
  maskPhone,
  RATING_ACTION_LABELS,
  RATING_LEVELS,
  RATING_STATE_LABELS,
  ratingState,
  type Actor,
  type BadRatingFacts,
  type RatingView as RatingViewContract,
  type RatingAction,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, forbidden, invalidState, notFound } from '../../errors.js';
import { emit } from '../../events/emit.js';
import { localDate } from '../../jobs/clock.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { claimFiles, filesOf, type FileInfo } from '../files/index.js';
import { itemAnswers, waiveRectification } from '../ledger/index.js';
import * as units from '../units/index.js';
import { decryptPhone, type RatingKeys } from './keys.js';
import {
  appealOf,
  appealsOf,
  insertAppeal,
  listRatings,
  pointById,
  pointsOf,
  ratingById,
  updateAppeal,
  updateRating,
  type RatingFilter,
  type RatingRow,
} from './repository.js';
import { ratingSettings } from './settings.js';
import { openRectificationFor } from './submit.js';

type Viewer = 'office' | 'unit' | 'reader';

/** A number stored under another server secret cannot be opened: say so rather than fail the page. */
function masked(keys: RatingKeys, cipher: string): string {
  try {
    return maskPhone(decryptPhone(keys, cipher));
  } catch {
    return '（无法解密）';
  }
}
const viewerOf = (actor: Actor, unitPath: string): Viewer =>
  hasPermission(actor, 'rating.manage') ? 'office' : can(actor, 'rating.work', unitPath) ? 'unit' : 'reader';

/** A rating as the office and the rated unit see it (core's contract, with timestamps as dates). */
export type RatingView = RatingViewContract<Date>;

export async function toViews(
  db: Db,
  keys: RatingKeys,
  actor: Actor,
  rows: (RatingRow & { itemState: string | null })[],
): Promise<RatingView[]> {
  const unitMap = await units.byIds(
    db,
    rows.map((r) => r.unitId),
  );
  const points = new Map(
    (await pointsOf(db, [...new Set(rows.map((r) => r.unitId))])).map((p) => [p.id, p.name] as const),
  );
  const appeals = await appealsOf(
    db,
    rows.filter((r) => r.appeal !== 'none').map((r) => r.id),
  );
  const evidence = new Map<number, FileInfo[]>(
    await Promise.all(
      [...appeals.values()].map(async (a) => [a.ratingId, await filesOf(db, 'rating_appeal', a.id)] as const),
    ),
  );
  return rows.map((r) => {
    const unit = unitMap.get(r.unitId);
    const viewer = unit ? viewerOf(actor, unit.path) : 'reader';
    const appeal = appeals.get(r.id);
    const state = ratingState(factsOf(r, r.itemState), isBadRating(r.stars));
    return {
      id: r.id,
      unit: { id: r.unitId, name: unit?.name ?? '' },
      pointName: points.get(r.pointId) ?? '',
      stars: r.stars,
      level: RATING_LEVELS.find((l) => l.stars === r.stars)?.label ?? '',
      bad: isBadRating(r.stars),
      tags: r.tags,
      comment: r.comment,
      reason: r.reason,
      caseNo: r.caseNo,
      ratedOn: r.ratedOn,
      createdAt: r.createdAt,
      realName: r.phoneCipher !== null,
      phone: r.phoneCipher && viewer === 'unit' ? masked(keys, r.phoneCipher) : null,
      review: r.review,
      reviewReason: r.reviewReason,
      state,
      stateLabel: RATING_STATE_LABELS[state],
      ledgerItemId: r.ledgerItemId,
      callbackDue: r.callbackDue,
      callback:
        r.calledBackAt !== null
          ? { at: r.calledBackAt, caller: r.callbackCaller ?? '', outcome: r.callbackOutcome ?? '' }
          : null,
      followUp: r.followUp,
      followUpComment: r.followUpComment,
      appeal: appeal
        ? { state: appeal.state, reason: appeal.reason, decision: appeal.decision, files: evidence.get(r.id) ?? [] }
        : null,
      actions: actionsOf(r, r.itemState, viewer),
    };
  });
}

const factsOf = (r: RatingRow, itemState: string | null): BadRatingFacts => ({
  review: r.review,
  appeal: r.appeal,
  itemState: itemState as BadRatingFacts['itemState'],
  followUp: r.followUp,
});

/** What the viewer may do next with the rating: core's rule on its facts. */
const actionsOf = (r: RatingRow, itemState: string | null, viewer: Viewer): RatingAction[] =>
  allowedRatingActions(
    {
      ...factsOf(r, itemState),
      bad: isBadRating(r.stars),
      hasPhone: r.phoneCipher !== null,
      calledBack: r.calledBackAt !== null,
    },
    viewer,
  );

export async function listForActor(
  db: Db,
  keys: RatingKeys,
  actor: Actor,
  unitIds: number[],
  f: Omit<RatingFilter, 'unitIds'>,
  page: { limit: number; offset: number },
): Promise<{ ratings: RatingView[]; total: number }> {
  const { rows, total } = await listRatings(db, { ...f, unitIds }, page);
  return { ratings: await toViews(db, keys, actor, rows), total };
}

const refuse = (action: RatingAction) => invalidState(`此评价当前不能${RATING_ACTION_LABELS[action]}`);

/** The rating, locked for the action, refused unless core allows the action to this viewer now. */
async function locked(tx: Db, actor: Actor, id: number, action: RatingAction) {
  const r = await ratingById(tx, id, true);
  if (!r) throw notFound('评价');
  const path = await units.pathOf(tx, r.unitId);
  const itemState = r.ledgerItemId
    ? ((await itemAnswers(tx, [r.ledgerItemId])).get(r.ledgerItemId)?.state ?? null)
    : null;
  if (!actionsOf(r, itemState, path ? viewerOf(actor, path) : 'reader').includes(action)) throw refuse(action);
  return r;
}

/** The review queue: release (it counts from now, and a bad one opens its item) or reject as stuffing (kept, never counted). */
export async function review(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { release: boolean; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await locked(tx, actor, id, input.release ? 'release' : 'reject');
    const updated = await updateRating(tx, id, {
      review: input.release ? 'released' : 'rejected',
      reviewReason: [r.reviewReason, input.reason].filter(Boolean).join('；'),
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
    });
    await recordAudit(tx, who, {
      action: input.release ? 'rating.release' : 'rating.reject',
      targetType: 'rating',
      targetId: id,
      unitId: r.unitId,
      before: { review: r.review },
      after: { review: updated.review, reason: input.reason },
    });
    if (input.release && isBadRating(r.stars)) {
      const point = await pointById(tx, r.pointId);
      await openRectificationFor(tx, updated, point!, await ratingSettings(tx), localDate());
    }
  });
}

/** 回访: the rated unit records who called, when and what came of it. */
export async function recordCallback(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { caller: string; at: Date; outcome: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await locked(tx, actor, id, 'callback');
    await updateRating(tx, id, {
      calledBackAt: input.at,
      calledBackBy: actor.userId,
      callbackCaller: input.caller,
      callbackOutcome: input.outcome,
    });
    await recordAudit(tx, who, {
      action: 'rating.callback',
      targetType: 'rating',
      targetId: id,
      unitId: r.unitId,
      before: { calledBackAt: null },
      after: { caller: input.caller, at: input.at, outcome: input.outcome },
    });
  });
}

/** The full number, for the call: only the rated unit, and every opening is in the audit log (PIPL). */
export async function revealPhone(
  db: Db,
  keys: RatingKeys,
  actor: Actor,
  who: AuditActor,
  id: number,
): Promise<string> {
  return db.transaction(async (tx) => {
    const r = await locked(tx, actor, id, 'reveal_phone');
    let phone: string;
    try {
      phone = decryptPhone(keys, r.phoneCipher!);
    } catch {
      throw new AppError('RULE_VIOLATION', '号码无法解密：它由更换前的服务器密钥加密');
    }
    await recordAudit(tx, who, { action: 'rating.phone.reveal', targetType: 'rating', targetId: id, unitId: r.unitId });
    return phone;
  });
}

/** 申诉: the rated unit contests a malicious or mistaken bad rating, with evidence. */
export async function appeal(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { reason: string; fileIds: number[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await locked(tx, actor, id, 'appeal');
    const a = await insertAppeal(tx, {
      ratingId: id,
      reason: input.reason,
      fileIds: input.fileIds,
      createdBy: actor.userId,
    });
    await claimFiles(tx, actor, input.fileIds, { ownerType: 'rating_appeal', ownerId: a.id, unitId: r.unitId });
    await updateRating(tx, id, { appeal: 'pending' });
    await recordAudit(tx, who, {
      action: 'rating.appeal',
      targetType: 'rating',
      targetId: id,
      unitId: r.unitId,
      before: { appeal: r.appeal },
      after: { appeal: 'pending', reason: input.reason, fileIds: input.fileIds },
    });
    await emit(tx, {
      type: 'rating.appealed',
      ratingId: id,
      unitId: r.unitId,
      unitName: (await units.nameOf(tx, r.unitId)) ?? '',
      reason: input.reason,
    });
  });
}

/**
 * The office decides an appeal with its reason. Upheld: the rating leaves the scores (kept in the
 * record) and its rectification item is closed as waived.
 */
export async function decideAppeal(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { uphold: boolean; reason: string },
): Promise<void> {
  if (input.reason.trim().length < 2) throw new AppError('VALIDATION_FAILED', '请写明审核理由（至少 2 个字）');
  await db.transaction(async (tx) => {
    const r = await locked(tx, actor, id, 'decide_appeal');
    const a = await appealOf(tx, id, true);
    if (!a || a.state !== 'pending') throw invalidState('该申诉已审核');
    if (a.createdBy === actor.userId) throw forbidden('申诉须由申诉人以外的人审核');
    const state = input.uphold ? 'upheld' : 'refused';
    await updateAppeal(tx, a.id, {
      state,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      decision: input.reason.trim(),
    });
    await updateRating(tx, id, { appeal: state });
    if (input.uphold && r.ledgerItemId)
      await waiveRectification(tx, who, r.ledgerItemId, `差评申诉成立：${input.reason.trim()}`, localDate());
    await recordAudit(tx, who, {
      action: 'rating.appeal.decide',
      targetType: 'rating',
      targetId: id,
      unitId: r.unitId,
      before: { appeal: 'pending' },
      after: { appeal: state, reason: input.reason.trim() },
    });
  });
}
