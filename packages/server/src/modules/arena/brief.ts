import { splitPeriod, type ArenaBrief, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { boardRows } from '../dispatch/board.js';
import { yearPeriods } from '../dispatch/repo.js';
import { loadYear } from '../dispatch/year.js';
import { listItems } from '../ledger/repository.js';
import { ledgerSettings } from '../ledger/settings.js';
import { toViews } from '../ledger/views.js';
import { contestantsOf, getArena } from './repo.js';

/**
 * 赛前简报 (DESIGN §1, after CitiStat): before a head goes on stage, the office sees the unit's own data:
 * the campaign's last reported month, its supervised items, and its earlier promises on stage. Every
 * number comes from the same functions the board and the ledger use, so the brief agrees with them.
 */
export async function arenaBrief(db: Db, arenaId: number, today: IsoDate): Promise<ArenaBrief> {
  const arena = await getArena(db, arenaId);
  const contestants = await contestantsOf(db, arenaId);
  const unitIds = new Set(contestants.map((c) => c.unitId));

  // The last month that opened before the arena's date, in the arena's campaign.
  const month = arena.heldOn.slice(0, 7);
  const periods = arena.campaignId === null ? [] : await yearPeriods(db, arena.campaignId, splitPeriod(month).year);
  const period = periods.filter((p) => p.period < month).at(-1) ?? periods.filter((p) => p.period === month).at(-1);
  const board = new Map(
    arena.campaignId !== null && period
      ? boardRows(await loadYear(db, arena.campaignId, splitPeriod(period.period).year), period, (u) => unitIds.has(u.id), today).map((r) => [r.unit.id, r.counts])
      : [],
  );

  const { yellowDays } = await ledgerSettings(db);
  const items = await toViews(db, (await listItems(db, { scope: { kind: 'all' } })).filter((i) => unitIds.has(i.leadUnitId)), today, yellowDays);
  return {
    arena: { id: arena.id, title: arena.title, heldOn: arena.heldOn },
    rows: contestants.map((c) => {
      const mine = items.filter((i) => i.leadUnit.id === c.unitId);
      const counts = board.get(c.unitId);
      return {
        contestantId: c.id,
        unitId: c.unitId,
        unitName: c.unitName,
        dispatch: counts && period ? { period: period.period, counts } : null,
        ledger: { open: mine.filter((i) => i.state !== 'closed').length, overdue: mine.filter((i) => i.colour === 'red').length },
        commitments: mine
          .filter((i) => i.arena !== null && i.arena.id !== arenaId)
          .map((i) => ({ id: i.id, title: i.title, arena: i.arena!.name, deadline: i.deadline, state: i.state, colour: i.colour, daysOverdue: i.daysOverdue })),
      };
    }),
  };
}
