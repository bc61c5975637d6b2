import { scoreSheetProblem, sheetTotal, toDecimal, type Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as users from '../users/index.js';
import { lockSuggestion, reviewsOf, roundById, saveScore, setReviewers, updateSuggestion } from './repository.js';
import type { Score } from './schema.js';

const decided = () => new AppError('INVALID_STATE', '这条建议已作出采纳决定，不能再评审');

/**
 * 指定评审人: the office names who scores an idea. Reviewers who already scored stay (their sheet is part of
 * the record); the others are replaced. The idea moves to 评审中. Audited with the lists before and after.
 */
export async function assignReviewers(db: Db, who: AuditActor, id: number, userIds: number[]) {
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
    if (s.status === 'adopted' || s.status === 'rejected') throw decided();
    const officials = new Set((await users.activeOfficials(tx)).map((p) => p.id));
    if (userIds.some((u) => !officials.has(u))) throw new AppError('VALIDATION_FAILED', '评审人不存在或已停用');
    if (s.proposerId !== null && userIds.includes(s.proposerId))
      throw new AppError('RULE_VIOLATION', '建议人不能评审自己的建议');
    const before = await reviewsOf(tx, [id]);
    const scored = before.filter((r) => r.scoredAt !== null).map((r) => r.reviewerId);
    const keep = [...new Set([...userIds, ...scored])];
    await setReviewers(tx, id, keep);
    await updateSuggestion(tx, id, { status: 'reviewing' });
    await recordAudit(tx, who, {
      action: 'suggestion.assign',
      targetType: 'suggestion',
      targetId: id,
      before: { status: s.status, reviewerIds: before.map((r) => r.reviewerId) },
      after: { status: 'reviewing', reviewerIds: keep },
    });
    return { id, reviewerIds: keep };
  });
}

/** A reviewer's score sheet on the round's criteria; he may correct it until the office decides. Audited. */
export async function scoreSuggestion(db: Db, actor: Actor, who: AuditActor, id: number, input: Score) {
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
    const mine = (await reviewsOf(tx, [id])).find((r) => r.reviewerId === actor.userId);
    if (!mine) throw new AppError('FORBIDDEN', '您不是这条建议的评审人');
    if (s.status === 'adopted' || s.status === 'rejected') throw decided();
    const round = (await roundById(tx, s.roundId))!;
    const problem = scoreSheetProblem(round.criteria, input.scores);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const total = toDecimal(sheetTotal(round.criteria, input.scores));
    await saveScore(tx, id, actor.userId, { scores: input.scores, total, comment: input.comment });
    await recordAudit(tx, who, {
      action: 'suggestion.score',
      targetType: 'suggestion',
      targetId: id,
      before: { scores: mine.scores, total: mine.total, comment: mine.comment },
      after: { scores: input.scores, total, comment: input.comment },
    });
    return { id, total };
  });
}
