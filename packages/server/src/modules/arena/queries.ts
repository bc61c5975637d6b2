import {
  arenaKindLabel,
  can,
  type Actor,
  type ArenaDetail,
  type ArenaSummary,
  type RecordFilter,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { campaignNames } from '../dispatch/index.js';
import * as units from '../units/index.js';
import { DEVICE_ACTIVE_MS } from './judge.js';
import { contestantCounts, contestantsOf, getArena, judgesOf, listArenas, recusalsOf } from './repo.js';

/** The arenas the filter reaches, each with its office (an office sees its own and those of the offices below). */
export async function arenaList(db: Db, actor: Actor, scope: RecordFilter): Promise<ArenaSummary[]> {
  const arenas = await listArenas(db, scope);
  const n = await contestantCounts(db);
  const names = await campaignNames(
    db,
    arenas.flatMap((a) => (a.campaignId === null ? [] : [a.campaignId])),
  );
  const offices = await units.byIds(
    db,
    arenas.map((a) => a.officeUnitId),
  );
  return arenas.map((a) => ({
    office: { id: a.officeUnitId, name: offices.get(a.officeUnitId)?.name ?? '' },
    manageable: can(actor, 'arena.manage', { officePath: offices.get(a.officeUnitId)?.path ?? '/', unitPaths: [] }),
    id: a.id,
    title: a.title,
    kindLabel: arenaKindLabel(a.kind),
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
    kind: a.kind,
    kindLabel: arenaKindLabel(a.kind),
    heldOn: a.heldOn,
    status: a.state.status,
    seed: a.seed,
    speakingSeconds: a.speakingSeconds,
    scheme: a.scheme,
    screenToken: manager ? a.screenToken : null,
    contestants: contestants.map((c) => ({
      id: c.id,
      unitId: c.unitId,
      unitName: c.unitName,
      presenter: c.presenter,
      kind: c.kind,
      cadreId: c.cadreId,
    })),
    judges: judges.map((j) => ({
      id: j.id,
      name: j.name,
      groupId: j.groupId,
      unitId: j.unitId,
      userId: j.userId,
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

/** May the actor run this arena (its own office's), rather than only read it? */
export async function mayManage(db: Db, actor: Actor, id: number): Promise<boolean> {
  const a = await getArena(db, id);
  return can(actor, 'arena.manage', { officePath: (await units.pathOf(db, a.officeUnitId)) ?? '/', unitPaths: [] });
}

/** Active units under the actor's office for the set-up form's pickers (contestants, judges' units), in the tree's order. */
export async function unitOptions(db: Db, scope: UnitFilter) {
  return (await units.inScope(db, scope))
    .filter((u) => u.active)
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind, category: u.categoryName }));
}
