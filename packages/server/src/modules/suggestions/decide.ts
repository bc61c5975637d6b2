import { rewardProblem, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as ledger from '../ledger/index.js';
import * as units from '../units/index.js';
import { lockSuggestion, rewardCount, roundById, updateSuggestion } from './repository.js';
import type { Adopt } from './schema.js';

const open = (status: string) => status === 'submitted' || status === 'reviewing';

/**
 * 采纳: the idea becomes a ledger item of source 金点子 (the ledger's face), led by the unit that carries it
 * out, with the proposer credited in its content; the item is the round's office's. Audited.
 */
export async function adoptSuggestion(db: Db, who: AuditActor, id: number, input: Adopt, today: IsoDate) {
  if (input.deadline < today) throw new AppError('VALIDATION_FAILED', '完成时限不能早于今天');
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
    if (!open(s.status)) throw new AppError('INVALID_STATE', '这条建议已作出采纳决定');
    const lead = await units.byId(tx, input.leadUnitId);
    if (!lead?.active) throw new AppError('VALIDATION_FAILED', '承办单位不存在或已停用');
    const round = (await roundById(tx, s.roundId))!;
    const unitName = s.proposerUnitId === null ? '社会公众' : ((await units.nameOf(tx, s.proposerUnitId)) ?? '');
    const itemId = await ledger.openRectification(tx, who, {
      title: `【金点子】${s.title}`,
      content: `${s.body}\n（建议人：${s.proposerName}，${unitName}；${round.title}采纳${input.note ? `：${input.note}` : ''}）`,
      source: '金点子',
      leadUnitId: input.leadUnitId,
      leadUnitName: lead.name,
      deadline: input.deadline,
      tags: ['金点子', round.title],
      officeUnitId: round.officeUnitId,
    });
    await updateSuggestion(tx, id, {
      status: 'adopted',
      ledgerItemId: itemId,
      decisionNote: input.note,
      decidedAt: new Date(),
    });
    await recordAudit(tx, who, {
      action: 'suggestion.adopt',
      targetType: 'suggestion',
      targetId: id,
      before: { status: s.status, ledgerItemId: null },
      after: { status: 'adopted', ledgerItemId: itemId, ...input },
    });
    return { id, status: 'adopted' as const, ledgerItemId: itemId };
  });
}

/** 不予采纳, with the reason the proposer reads (audited). */
export async function rejectSuggestion(db: Db, who: AuditActor, id: number, note: string) {
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
    if (!open(s.status)) throw new AppError('INVALID_STATE', '这条建议已作出采纳决定');
    await updateSuggestion(tx, id, { status: 'rejected', decisionNote: note, decidedAt: new Date() });
    await recordAudit(tx, who, {
      action: 'suggestion.reject',
      targetType: 'suggestion',
      targetId: id,
      before: { status: s.status },
      after: { status: 'rejected', note },
    });
    return { id, status: 'rejected' as const };
  });
}

/**
 * 奖励: an adopted idea gets a level of the round's table (its amount then, kept even if the table changes),
 * within the level's quota; null takes the reward back. Audited.
 */
export async function rewardSuggestion(db: Db, who: AuditActor, id: number, level: string | null) {
  return db.transaction(async (tx) => {
    const s = await lockSuggestion(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
    if (s.status !== 'adopted') throw new AppError('INVALID_STATE', '只有已采纳的建议可以评奖');
    const round = (await roundById(tx, s.roundId))!;
    let amount: string | null = null;
    if (level !== null) {
      const problem = rewardProblem(round.rewardLevels, level, await rewardCount(tx, round.id, level, id));
      if (problem) throw new AppError('RULE_VIOLATION', problem);
      amount = round.rewardLevels.find((l) => l.key === level)!.amount;
    }
    await updateSuggestion(tx, id, { rewardLevel: level, rewardAmount: amount });
    await recordAudit(tx, who, {
      action: 'suggestion.reward',
      targetType: 'suggestion',
      targetId: id,
      before: { level: s.rewardLevel, amount: s.rewardAmount },
      after: { level, amount },
    });
    return { id, level, amount };
  });
}
