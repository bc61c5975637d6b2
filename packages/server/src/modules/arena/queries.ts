import type { ArenaDetail, ArenaSummary } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { campaignNames } from '../dispatch/index.js';
import * as units from '../units/index.js';
import { DEVICE_ACTIVE_MS } from './judge.js';
import { contestantCounts, contestantsOf, getArena, judgesOf, listArenas, recusalsOf } from './repo.js';

export async function arenaList(db: Db): Promise<ArenaSummary[]> {
  const arenas = await listArenas(db);
  const n = await contestantCounts(db);
  const names = await campaignNames(
    db,
    arenas.flatMap((a) => (a.campaignId === null ? [] : [a.campaignId])),
  );
  return arenas.map((a) => ({
    id: a.id,
    title: a.title,
    heldOn: a.heldOn,
    status: a.state.status,
    seed: a.seed,
    contestants: n.get(a.id) ?? 0,
    campaign: a.campaignId === null ? null : { id: a.campaignId, name: names.get(a.campaignId) ?? '' },
  }));
}

/** The set-up as the host console needs it; the screen link only for those who manage arenas. */
export async function arenaDetail(db: Db, id: number, manager: boolean, now = Date.now()): Promise<ArenaDetail> {
  const a = await getArena(db, id);
  // Who judges whom stays with the office until the arena is over: a contestant who knew the panel
  // beforehand could canvass it.
  const panel = manager || a.state.status === 'finished';
  const [contestants, judges, recusals] = await Promise.all([
    contestantsOf(db, id),
    panel ? judgesOf(db, id) : [],
    panel ? recusalsOf(db, id) : [],
  ]);
  return {
    id: a.id,
    campaignId: a.campaignId,
    title: a.title,
    heldOn: a.heldOn,
    status: a.state.status,
    seed: a.seed,
    speakingSeconds: a.speakingSeconds,
    scheme: a.scheme,
    screenToken: manager ? a.screenToken : null,
    contestants: contestants.map((c) => ({ id: c.id, unitId: c.unitId, unitName: c.unitName, presenter: c.presenter })),
    judges: judges.map((j) => ({
      id: j.id,
      name: j.name,
      groupId: j.groupId,
      unitId: j.unitId,
      hasCode: j.hasCode,
      device: !j.deviceBound
        ? ('none' as const)
        : j.deviceSeenAt && now - j.deviceSeenAt.getTime() < DEVICE_ACTIVE_MS
          ? ('active' as const)
          : ('idle' as const),
    })),
    recusals,
  };
}

/** Active units for the set-up form's pickers (contestants, judges' units), in the tree's order. */
export async function unitOptions(db: Db) {
  return (await units.all(db))
    .filter((u) => u.active)
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind, category: u.categoryName }));
}
