import { randomBytes } from 'node:crypto';
import { maxTotal, shownDecimal, toDecimal, type Actor, type IsoDate, type RecordFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { actorOffice } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { insertRound, listRounds, roundById, roundSuggestions, type RoundRow } from './repository.js';
import type { NewRound } from './schema.js';
import { manages, readableRows, suggestionViews } from './views.js';

/** The public link's code: unguessable, so only those the office gives the link to find the round. */
export const newPublicCode = (): string => randomBytes(18).toString('base64url');

export const isOpen = (r: RoundRow, today: IsoDate) => r.opensOn <= today && today <= r.closesOn;

async function roundView(db: Db, actor: Actor, r: RoundRow, today: IsoDate) {
  const office = await manages(db, actor, r);
  const ideas = await roundSuggestions(db, r.id);
  return {
    id: r.id,
    title: r.title,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    open: isOpen(r, today),
    topN: r.topN,
    criteria: r.criteria,
    maxTotal: shownDecimal(toDecimal(maxTotal(r.criteria))),
    rewardLevels: r.rewardLevels.map((l) => ({
      ...l,
      given: ideas.filter((s) => s.rewardLevel === l.key).length,
    })),
    total: ideas.length,
    adopted: ideas.filter((s) => s.status === 'adopted').length,
    /** The public link's code, for the office that hands it out. */
    publicCode: office ? r.publicCode : null,
    manages: office,
  };
}

/** The rounds of the offices the actor belongs to (and his own office's), newest first. */
export async function roundList(db: Db, actor: Actor, scope: RecordFilter, today: IsoDate) {
  const rows = await listRounds(db, scope);
  return Promise.all(rows.map((r) => roundView(db, actor, r, today)));
}

/** A round and the ideas the actor may read in it, ranked over the whole round. */
export async function roundDetail(db: Db, actor: Actor, id: number, today: IsoDate) {
  const r = await roundById(db, id);
  if (!r) throw new AppError('NOT_FOUND', '征集活动不存在或无权访问');
  const round = await roundView(db, actor, r, today);
  const ideas = await suggestionViews(db, actor, r, await readableRows(db, actor, r), round.manages);
  ideas.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id - b.id);
  return { round, suggestions: ideas };
}

/** A new round of the actor's office (audited). */
export async function createRound(db: Db, actor: Actor, who: AuditActor, input: NewRound, today: IsoDate) {
  const office = actorOffice(actor);
  return db.transaction(async (tx) => {
    const row = await insertRound(tx, {
      ...input,
      officeUnitId: office.unitId,
      publicCode: newPublicCode(),
      createdBy: actor.userId,
    });
    await recordAudit(tx, who, {
      action: 'suggestion_round.create',
      targetType: 'suggestion_round',
      targetId: row.id,
      unitId: office.unitId,
      before: null,
      after: input,
    });
    return roundView(tx, actor, row, today);
  });
}
