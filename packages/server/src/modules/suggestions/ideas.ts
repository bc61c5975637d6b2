import type { Actor, IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { claimFiles } from '../files/index.js';
import * as users from '../users/index.js';
import {
  insertSuggestions,
  reviewsBy,
  roundByCode,
  roundById,
  suggestionPlace,
  suggestionsBy,
  suggestionsByIds,
  type RoundRow,
  type SuggestionRow,
} from './repository.js';
import { isOpen } from './rounds.js';
import type { NewSuggestion, PublicSuggestion } from './schema.js';
import { manages, suggestionViews } from './views.js';

const closed = (r: RoundRow) =>
  new AppError('INVALID_STATE', `“${r.title}”的征集时间为 ${r.opensOn} 至 ${r.closesOn}，现在不能提交`);

async function submit(tx: Db, who: AuditActor, row: Parameters<typeof insertSuggestions>[1][number]) {
  const [s] = await insertSuggestions(tx, [row]);
  await recordAudit(tx, who, {
    action: 'suggestion.submit',
    targetType: 'suggestion',
    targetId: s!.id,
    unitId: s!.proposerUnitId,
    before: null,
    after: { roundId: s!.roundId, title: s!.title, body: s!.body, channel: s!.channel, fileIds: s!.fileIds },
  });
  return s!;
}

/** An official submits one idea to a round of his office (the route checked the round); audited. */
export async function submitSuggestion(db: Db, actor: Actor, who: AuditActor, input: NewSuggestion, today: IsoDate) {
  return db.transaction(async (tx) => {
    const round = await roundById(tx, input.roundId);
    if (!round) throw new AppError('NOT_FOUND', '征集活动不存在或无权访问');
    if (!isOpen(round, today)) throw closed(round);
    const name = (await users.displayNames(tx, [actor.userId])).get(actor.userId) ?? '';
    const s = await submit(tx, who, {
      roundId: round.id,
      title: input.title,
      body: input.body,
      channel: 'account',
      proposerId: actor.userId,
      proposerUnitId: actor.unitId,
      proposerName: name,
      fileIds: input.fileIds,
    });
    await claimFiles(tx, actor, input.fileIds, { ownerType: 'suggestion', ownerId: s.id, unitId: actor.unitId });
    return { id: s.id, status: s.status };
  });
}

/** The public's idea through the round's link: no account, no attachment, the name he gave (audited). */
export async function submitPublic(db: Db, code: string, input: PublicSuggestion, today: IsoDate) {
  const round = await roundByCode(db, code);
  if (!round) throw new AppError('NOT_FOUND', '征集链接无效或已失效');
  if (!isOpen(round, today)) throw closed(round);
  const who: AuditActor = { id: null, name: `社会公众（${input.name}）`, address: null };
  return db.transaction(async (tx) => {
    const s = await submit(tx, who, {
      roundId: round.id,
      title: input.title,
      body: input.body,
      channel: 'public',
      proposerName: input.name,
      proposerContact: input.contact,
    });
    return { id: s.id, received: true };
  });
}

/** What the public page shows of a round: its name, dates and whether it takes ideas today. */
export async function publicRound(db: Db, code: string, today: IsoDate) {
  const round = await roundByCode(db, code);
  if (!round) throw new AppError('NOT_FOUND', '征集链接无效或已失效');
  return { title: round.title, opensOn: round.opensOn, closesOn: round.closesOn, open: isOpen(round, today) };
}

/** One idea, for the office, the unit's head, its proposer and its reviewers (the route checked which). */
export async function suggestionDetail(db: Db, actor: Actor, id: number) {
  const place = await suggestionPlace(db, id);
  const round = place && (await roundById(db, place.s.roundId));
  if (!place || !round) throw new AppError('NOT_FOUND', '建议不存在或无权访问');
  const [view] = await suggestionViews(db, actor, round, [place.s], await manages(db, actor, round));
  return {
    round: { id: round.id, title: round.title, criteria: round.criteria, rewardLevels: round.rewardLevels },
    suggestion: view!,
  };
}

/** My ideas and the ideas I am to review, each with its round's criteria. */
export async function mySuggestions(db: Db, actor: Actor) {
  const own = await suggestionsBy(db, actor.userId);
  const toReview = await suggestionsByIds(
    db,
    (await reviewsBy(db, actor.userId)).map((r) => r.suggestionId),
  );
  const byRound = new Map<number, SuggestionRow[]>();
  for (const s of [...own, ...toReview.filter((t) => !own.some((o) => o.id === t.id))])
    byRound.set(s.roundId, [...(byRound.get(s.roundId) ?? []), s]);
  const out = [];
  for (const [roundId, rows] of byRound) {
    const round = (await roundById(db, roundId))!;
    const views = await suggestionViews(db, actor, round, rows, false);
    out.push(...views.map((v) => ({ ...v, roundTitle: round.title, criteria: round.criteria })));
  }
  out.sort((a, b) => b.id - a.id);
  return {
    mine: out.filter((v) => own.some((o) => o.id === v.id)),
    toReview: out.filter((v) => toReview.some((t) => t.id === v.id)),
  };
}
