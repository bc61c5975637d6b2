import { type ArenaBrief, type IsoDate, type LedgerColour, type WarningState } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { wordDocument } from '../../documents/index.js';
import * as dispatch from '../dispatch/index.js';
import * as ledger from '../ledger/index.js';
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
  const board =
    arena.campaignId === null ? null : await dispatch.boardSummary(db, arena.campaignId, unitIds, arena.heldOn, today);
  const ledgers = await ledger.countsFor(db, unitIds, today);
  return {
    arena: { id: arena.id, title: arena.title, heldOn: arena.heldOn },
    rows: contestants.map((c) => {
      const lights = board?.counts.get(c.unitId);
      const mine = ledgers.get(c.unitId);
      return {
        contestantId: c.id,
        unitId: c.unitId,
        unitName: c.unitName,
        dispatch: lights && board ? { period: board.period, counts: lights } : null,
        ledger: { open: mine?.open ?? 0, overdue: mine?.overdue ?? 0 },
        commitments: (mine?.commitments ?? [])
          .filter((i) => i.arena !== null && i.arena.id !== arenaId)
          .map((i) => ({
            id: i.id,
            title: i.title,
            arena: i.arena!.name,
            deadline: i.deadline,
            state: i.state,
            colour: i.colour,
            daysOverdue: i.daysOverdue,
          })),
      };
    }),
  };
}

const LIGHT_WORDS: Record<WarningState, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  overdue: '逾期未报',
  pending: '待报',
};
const COLOUR_WORDS: Record<LedgerColour, string> = { green: '正常', yellow: '临期', red: '逾期', closed: '已销号' };

/** The brief as a Word document for the leaders' folders: one table, the same numbers as the page. */
export function briefDocument(b: ArenaBrief): Promise<Buffer> {
  return wordDocument({
    title: `${b.arena.title}赛前简报`,
    subtitle: [`擂台赛日期：${b.arena.heldOn}`],
    blocks: [
      {
        kind: 'paragraph',
        text: '以下为各选手单位最近一月调度亮灯、督查督办事项和以往擂台表态办理情况，均取自系统数据。',
      },
      {
        kind: 'table',
        header: ['单位', '最近一月调度亮灯', '督办事项', '以往擂台表态'],
        rows: b.rows.map((r) => [
          r.unitName,
          r.dispatch === null
            ? '—'
            : `${r.dispatch.period}：${
                (['green', 'yellow', 'red', 'overdue', 'pending'] as const)
                  .filter((s) => r.dispatch!.counts[s] > 0)
                  .map((s) => `${LIGHT_WORDS[s]} ${r.dispatch!.counts[s]}`)
                  .join('，') || '无'
              }`,
          `在办 ${r.ledger.open}，逾期 ${r.ledger.overdue}`,
          r.commitments
            .map(
              (c) =>
                `${c.title}（${c.arena}，期限 ${c.deadline}，${c.state === 'closed' ? (c.daysOverdue > 0 ? `逾期 ${c.daysOverdue} 天兑现` : '已兑现') : COLOUR_WORDS[c.colour]}）`,
            )
            .join('；') || '—',
        ]),
        shading: b.rows.map((r) => (r.ledger.overdue > 0 || (r.dispatch?.counts.red ?? 0) > 0 ? 'FFE4E1' : null)),
      },
    ],
  });
}
