import { arenaKindLabel, type ArenaKind, type ContestantKind } from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';
import { appearancesOf, commitmentsByContestants } from './repo.js';
import { arenaResult } from './result.js';

/** One stage a cadre stood on, with the result once the arena finished (rank among those ranked). */
export interface Appearance {
  arenaId: number;
  title: string;
  kind: ArenaKind | null;
  kindLabel: string;
  heldOn: string;
  officeName: string;
  as: ContestantKind;
  unitName: string;
  rank: number | null;
  of: number;
  scoreShown: string | null;
  /** The ledger items their promises on that stage became. */
  promises: number[];
}

/**
 * A cadre on stage (干部实绩档案): every arena they presented in or stood in as a person, with their rank from
 * the engine's own result (the same numbers as the published one), and the promises they made there.
 */
export async function cadreOnStage(db: Db, cadreId: number): Promise<Appearance[]> {
  const rows = await appearancesOf(db, cadreId);
  const promises = await commitmentsByContestants(
    db,
    rows.map((r) => r.contestantId),
  );
  const names = await units.byIds(db, [...rows.map((r) => r.unitId), ...rows.map((r) => r.arena.officeUnitId)]);
  const out: Appearance[] = [];
  for (const r of rows) {
    const finished = r.arena.state.status === 'finished';
    const result = finished ? await arenaResult(db, r.arena.id) : null;
    const mine = result?.rows.find((x) => x.contestantId === r.contestantId);
    out.push({
      arenaId: r.arena.id,
      title: r.arena.title,
      kind: r.arena.kind,
      kindLabel: arenaKindLabel(r.arena.kind),
      heldOn: r.arena.heldOn,
      officeName: names.get(r.arena.officeUnitId)?.name ?? '',
      as: r.kind,
      unitName: names.get(r.unitId)?.name ?? '',
      rank: mine?.rank ?? null,
      of: result ? result.rows.filter((x) => x.rank !== null).length : 0,
      scoreShown: mine?.scoreShown ?? null,
      promises: promises.filter((p) => p.contestantId === r.contestantId).map((p) => p.ledgerItemId),
    });
  }
  return out;
}
