import type { IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { contestantsOf, listArenas } from './repo.js';
import { arenaResult } from './result.js';

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
  const arenas = (await listArenas(db))
    .filter((a) => a.campaignId === campaignId && a.state.status === 'finished' && a.heldOn >= from && a.heldOn <= to)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  const out = new Map<number, ArenaStanding[]>();
  for (const a of arenas) {
    const unitOf = new Map((await contestantsOf(db, a.id)).map((c) => [c.id, c.unitId]));
    for (const r of (await arenaResult(db, a.id)).rows) {
      const unitId = unitOf.get(r.contestantId);
      if (unitId === undefined || r.score === null || r.rank === null) continue;
      const exact = r.explanation?.params?.exact;
      out.set(unitId, [
        ...(out.get(unitId) ?? []),
        {
          arenaId: a.id,
          title: a.title,
          heldOn: a.heldOn,
          contestantId: r.contestantId,
          exact: typeof exact === 'string' ? exact : r.score,
          scoreShown: r.scoreShown ?? r.score,
          rank: r.rank,
        },
      ]);
    }
  }
  return out;
}
