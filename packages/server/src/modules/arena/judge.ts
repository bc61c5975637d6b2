import { randomBytes } from 'node:crypto';
import {
  checkSubmission,
  judgingAction,
  judgingOrder,
  type JudgingArena,
  parseArenaScheme,
  reasonBounds,
  scoringOpen,
  ScoringInputError,
  toDecimal,
  type JudgeState,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalidState, notFound } from '../../errors.js';
import { emit } from '../../events/emit.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import { buildSnapshot, loadArenaData } from './live.js';
import {
  bindDevice,
  arenasJudgedBy,
  contestantForJudge,
  getArena,
  judgeByDevice,
  judgeByUser,
  lockJudgeByCode,
  markDeviceSeen,
  upsertScore,
} from './repo.js';
import { hashSecret } from './setup.js';

/** A phone counts as in use while it has been heard from within this window. */
export const DEVICE_ACTIVE_MS = 90_000;

export interface JudgeIdentity {
  judgeId: number;
  arenaId: number;
  name: string;
  groupId: string;
}

export const judgeAuditActor = (
  j: Pick<JudgeIdentity, 'judgeId' | 'arenaId' | 'name'>,
  address: string | null,
): AuditActor => ({
  id: null,
  name: `评委${j.name}（擂台赛#${j.arenaId}，评委#${j.judgeId}）`,
  address,
});

/** Binds a phone to a judge by one-time code; refused while another phone holds the code. */
export async function joinWithCode(
  db: Db,
  code: string,
  address: string | null,
  now = new Date(),
): Promise<JudgeIdentity & { token: string }> {
  return db.transaction(async (tx) => {
    const j = await lockJudgeByCode(tx, hashSecret(code));
    if (!j) throw new AppError('INVALID_CREDENTIALS', '评委码无效，请核对后重新输入');
    if (j.finishedAt !== null) throw invalidState('本场擂台赛已结束');
    if (
      j.deviceHash !== null &&
      j.deviceSeenAt !== null &&
      now.getTime() - j.deviceSeenAt.getTime() < DEVICE_ACTIVE_MS
    ) {
      throw conflict('该评委码正在另一台手机上使用；如需更换手机，请联系主持人重置评委码');
    }
    const token = randomBytes(24).toString('base64url');
    await bindDevice(tx, j.id, hashSecret(token), now);
    const identity = { judgeId: j.id, arenaId: j.arenaId, name: j.name, groupId: j.groupId };
    await recordAudit(tx, judgeAuditActor(identity, address), {
      action: 'arena.judge.join',
      targetType: 'arena',
      targetId: j.arenaId,
      after: { judgeId: j.id, replacedDevice: j.deviceHash !== null },
    });
    return { ...identity, token };
  });
}

/** The judge a device token belongs to; marks the phone as heard from (at most every 15 s). */
export async function judgeFromToken(db: Db, token: string | undefined, now = new Date()): Promise<JudgeIdentity> {
  if (!token) throw new AppError('UNAUTHENTICATED', '请先输入评委码');
  const j = await judgeByDevice(db, hashSecret(token));
  if (!j) throw new AppError('UNAUTHENTICATED', '评委身份已失效（评委码可能已被重置），请重新输入评委码');
  if (!j.seen || now.getTime() - j.seen.getTime() > 15_000) await markDeviceSeen(db, j.judgeId, now);
  return { judgeId: j.judgeId, arenaId: j.arenaId, name: j.name, groupId: j.groupId };
}

/** The judge a signed-in account is at this arena; 403 for an account that does not judge it. */
export async function judgeFromUser(db: Db, arenaId: number, userId: number): Promise<JudgeIdentity> {
  await getArena(db, arenaId); // 404 for an arena that does not exist
  const j = await judgeByUser(db, arenaId, userId);
  if (!j) throw new AppError('FORBIDDEN', '您不是本场擂台赛的评委');
  return j;
}

/** A judge's home: the arenas the account judges, today's first, each with what the judge may do next. */
export async function arenasJudged(db: Db, userId: number, today: string): Promise<JudgingArena[]> {
  const rows = await arenasJudgedBy(db, userId);
  const offices = await units.byIds(
    db,
    rows.map((r) => r.officeUnitId),
  );
  return judgingOrder(
    rows.map((r) => ({ ...r, id: r.arenaId })),
    today,
  ).map((r) => ({
    arenaId: r.arenaId,
    judgeId: r.judgeId,
    title: r.title,
    heldOn: r.heldOn,
    today: r.heldOn === today,
    status: r.state.status,
    office: { id: r.officeUnitId, name: offices.get(r.officeUnitId)?.name ?? '' },
    groupId: r.groupId,
    action: judgingAction(r.state),
  }));
}

export async function judgeState(db: Db, me: JudgeIdentity): Promise<JudgeState> {
  const d = await loadArenaData(db, me.arenaId);
  const scheme = parseArenaScheme(d.arena.scheme);
  const scores: JudgeState['scores'] = {};
  for (const s of d.scores.filter((x) => x.judgeId === me.judgeId))
    scores[String(s.contestantId)] = { criteria: s.criteria, total: s.total, reason: s.reason };
  return {
    judge: { id: me.judgeId, name: me.name, groupId: me.groupId },
    live: buildSnapshot(d),
    scores,
    recusedFrom: d.recusals.filter((r) => r.judgeId === me.judgeId).map((r) => r.contestantId),
    screenToken: d.arena.screenToken,
    reasonRule: reasonBounds(scheme),
  };
}

/** A judge's message for a rule broken in their submission, naming the criterion. */
function submissionError(err: ScoringInputError): AppError {
  const m = /\.criteria\.(.+)$/.exec(err.item);
  return new AppError('VALIDATION_FAILED', m ? `评分项“${m[1]}”：${err.reason}` : err.reason, { item: err.item });
}

/**
 * Submits or corrects a judge's score for a contestant while scoring is open. One row per judge and
 * contestant: a second submission replaces the first, never counts twice.
 */
export async function submitScore(
  db: Db,
  me: JudgeIdentity,
  audit: AuditActor,
  contestantId: number,
  body: { criteria: Record<string, string | number>; reason: string | null },
): Promise<{ total: string }> {
  return db.transaction(async (tx) => {
    const arena = await getArena(tx, me.arenaId, 'share');
    // One query for the contestant, this judge's recusal and earlier submission.
    const c = await contestantForJudge(tx, me.arenaId, me.judgeId, contestantId);
    if (!c) throw notFound('选手');
    if (!scoringOpen(arena.state, String(contestantId))) throw invalidState('该选手的评分未开放或已截止，不能提交');
    if (c.recusal !== null) throw new AppError('FORBIDDEN', `您需回避该选手（${c.recusal}），不能评分`);
    const before = c.criteria === null ? null : { criteria: c.criteria, total: c.total };
    let parsed;
    try {
      parsed = checkSubmission(parseArenaScheme(arena.scheme), body, 'score');
    } catch (err) {
      if (err instanceof ScoringInputError) throw submissionError(err);
      throw err;
    }
    const criteria = Object.fromEntries(
      arena.scheme.criteria.map((k, i) => [k.id, toDecimal(parsed.criteria[i] as number)]),
    );
    const total = toDecimal(parsed.total);
    const scoreId = await upsertScore(tx, {
      arenaId: me.arenaId,
      judgeId: me.judgeId,
      contestantId,
      criteria,
      total,
      reason: body.reason,
    });
    await recordAudit(tx, audit, {
      action: before ? 'arena.score.correct' : 'arena.score.submit',
      targetType: 'arenaScore',
      targetId: scoreId,
      before,
      after: { contestantId, criteria, total, reason: body.reason },
    });
    await emit(tx, { type: 'arena.score.submitted', arenaId: me.arenaId, contestantId });
    return { total };
  });
}
