import type { IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { engineInput, runEngine } from './live.js';
import { finishedArenasData } from './repo.js';

/** One unit's result in one finished arena, for the composite evaluation's arena source. */
export interface ArenaStanding {
  arenaId: number;
  title: string;
  heldOn: IsoDate;
  contestantId: number;
  /** Exact score as text ("1307/15" or a decimal), as the engine computed it; rank among the arena's contestants. */
  exact: string;
  scoreShown: string;
  rank: number;
}

/** Every unit's results in the campaign's arenas finished and held in [from, to], oldest first. */
export async function arenaStandings(
  db: Db,
  campaignId: number,
  from: IsoDate,
  to: IsoDate,
): Promise<Map<number, ArenaStanding[]>> {
  const all = await finishedArenasData(db, campaignId, from, to);
  const byArena = <T extends { arenaId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.arenaId);
      if (list) list.push(r);
      else m.set(r.arenaId, [r]);
    }
    return m;
  };
  const contestants = byArena(all.contestants);
  const judges = byArena(all.judges);
  const recusals = byArena(all.recusals);
  const scores = byArena(all.scores);
  const out = new Map<number, ArenaStanding[]>();
  for (const a of all.arenas) {
    const mine = contestants.get(a.id) ?? [];
    const unitOf = new Map(mine.map((c) => [c.id, c.unitId]));
    // As the published result: the contestants whose scoring closed, ranked by the engine.
    const done = mine
      .filter((c) => ['closed', 'revealed'].includes(a.state.phases[String(c.id)] ?? ''))
      .map((c) => c.id);
    const results = runEngine(
      engineInput(
        {
          arena: a,
          judges: judges.get(a.id) ?? [],
          recusals: recusals.get(a.id) ?? [],
          scores: scores.get(a.id) ?? [],
        },
        done,
      ),
    );
    for (const r of results) {
      const unitId = unitOf.get(Number(r.contestantId));
      if (unitId === undefined || r.score === null || r.rank === null) continue;
      const exact = r.explanation?.params?.exact;
      const standing: ArenaStanding = {
        arenaId: a.id,
        title: a.title,
        heldOn: a.heldOn,
        contestantId: Number(r.contestantId),
        exact: typeof exact === 'string' ? exact : r.score,
        scoreShown: r.scoreShown ?? r.score,
        rank: r.rank,
      };
      const list = out.get(unitId);
      if (list) list.push(standing);
      else out.set(unitId, [standing]);
    }
  }
  return out;
}
