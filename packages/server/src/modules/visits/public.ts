import {
  REQUEST_CATEGORY_LABELS,
  REQUEST_STAGE_LABELS,
  requestStage,
  type IsoDate,
  type RequestRating,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as ledger from '../ledger/index.js';
import { lockRequest, requestByCode, updateRequest } from './repository.js';

/** The answer waits for the rating, or the office closed it before the enterprise had its say. */
const mayRate = (state: string | null, rating: RequestRating | null) =>
  state === 'close_requested' || (state === 'closed' && rating === null);

const notFound = () => new AppError('NOT_FOUND', '评价链接无效或已失效');

/**
 * The enterprise contact's page (the link or QR sent to him): his 诉求, the lead unit's answer, and his one
 * rating of it while the answer waits. Nothing else about the enterprise or the unit is shown.
 */
export async function publicRequest(db: Db, code: string) {
  const row = await requestByCode(db, code);
  if (!row || row.r.mergedIntoId !== null) throw notFound();
  const answers = row.r.ledgerItemId === null ? new Map() : await ledger.itemAnswers(db, [row.r.ledgerItemId]);
  const answer = row.r.ledgerItemId === null ? undefined : answers.get(row.r.ledgerItemId);
  const stage = requestStage({
    dispatched: row.r.ledgerItemId !== null,
    ledgerState: row.ledgerState,
    rating: row.r.rating,
    calledBack: false,
  });
  return {
    enterpriseName: row.enterpriseName,
    category: REQUEST_CATEGORY_LABELS[row.r.category],
    content: row.r.content,
    raisedOn: row.r.raisedOn,
    stage: REQUEST_STAGE_LABELS[stage],
    deadline: row.deadline,
    answer: answer?.answer ? { text: answer.answer.text, at: answer.answer.at.toISOString() } : null,
    rating: row.r.rating,
    mayRate: mayRate(row.ledgerState, row.r.rating),
  };
}

/**
 * The contact rates the answer: satisfied closes the item (评价 done); unsatisfied sends it back to the
 * unit, which answers again and may be rated again. Audited; the ledger item's history records it.
 */
export async function rateRequest(
  db: Db,
  code: string,
  input: { rating: RequestRating; text: string },
  today: IsoDate,
) {
  const found = await requestByCode(db, code);
  if (!found || found.r.mergedIntoId !== null || found.r.ledgerItemId === null) throw notFound();
  return db.transaction(async (tx) => {
    const r = await lockRequest(tx, found.r.id);
    if (!r || r.ledgerItemId === null) throw notFound();
    const who: AuditActor = { id: null, name: `企业联系人（${found.enterpriseName}）`, address: null };
    const answers = await ledger.itemAnswers(tx, [r.ledgerItemId]);
    if (!mayRate(answers.get(r.ledgerItemId)?.state ?? null, r.rating))
      throw new AppError('INVALID_STATE', '牵头单位尚未答复，暂不能评价');
    const state = await ledger.raterVerdict(tx, who, r.ledgerItemId, input.rating, input.text, today);
    await updateRequest(tx, r.id, { rating: input.rating, ratingText: input.text, ratedAt: new Date() });
    await recordAudit(tx, who, {
      action: 'visit_request.rate',
      targetType: 'visit_request',
      targetId: r.id,
      before: { rating: r.rating },
      after: { rating: input.rating, text: input.text },
    });
    return { rating: input.rating, closed: state === 'closed' };
  });
}
