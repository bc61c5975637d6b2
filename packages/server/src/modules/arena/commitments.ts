import type { Actor, IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import * as ledger from '../ledger/index.js';
import { contestantsOf, getArena, insertCommitmentSpeaker } from './repo.js';

/**
 * 擂台承诺 (亮剑比思路, 表态): what a unit head promises on stage goes on the ledger as an item led by the
 * contestant's unit, with its deadline, so the next arena can open with what became of it. It is an
 * ordinary ledger item from then on (notices, colours, close-out with evidence, audit).
 */
export async function recordCommitment(
  db: Db,
  actor: Actor,
  who: AuditActor,
  arenaId: number,
  input: { contestantId: number; title: string; deadline: IsoDate },
  today: IsoDate,
): Promise<{ id: number }> {
  const arena = await getArena(db, arenaId);
  const contestant = (await contestantsOf(db, arenaId)).find((c) => c.id === input.contestantId);
  if (!contestant) throw new AppError('VALIDATION_FAILED', '该选手不在本场擂台赛中');
  const speaker = contestant.presenter ? `${contestant.unitName}${contestant.presenter}` : contestant.unitName;
  const item = await ledger.createItem(
    db,
    actor,
    who,
    {
      title: input.title,
      content: `${arena.title}（${arena.heldOn}）上${speaker}表态：${input.title}`,
      source: '擂台承诺',
      leadUnitId: contestant.unitId,
      coUnitIds: [],
      leaderId: null,
      deadline: input.deadline,
      priority: 'important',
      tags: [],
      steps: [],
      arenaId,
    },
    today,
  );
  // Who promised it, so the speaker's record (干部实绩档案) lists it. The ledger item is committed by now: a
  // failure here leaves an item without its speaker, never a speaker without an item.
  await insertCommitmentSpeaker(db, { ledgerItemId: item.id, arenaId, contestantId: contestant.id });
  return { id: item.id };
}

/** The commitments made on an arena's stage, as ledger items with today's colours. */
export async function commitmentsOf(db: Db, arenaId: number, today: IsoDate): Promise<ledger.ItemView[]> {
  await getArena(db, arenaId); // 404 for an arena that does not exist
  return ledger.commitmentsOfArena(db, arenaId, today);
}
