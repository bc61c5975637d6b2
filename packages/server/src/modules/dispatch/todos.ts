import {
  can,
  daysPast,
  hasPermission,
  splitPeriod,
  type Actor,
  type BoardRow,
  type IsoDate,
  type TodoEntry,
  type TodoSource,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { boardData, boardRows } from './board.js';
import { boardFilterHolds, type BoardReportFilter } from './board-filter.js';
import { campaignRecords } from './records.js';
import { openPeriods, type PeriodRow } from './repo.js';
import { loadYear } from './year.js';

interface Found {
  campaignId: number;
  period: PeriodRow;
  row: BoardRow;
}

const reportLink = (f: Found) => `/dispatch/report/${f.row.unit.id}/${f.period.period}?campaign=${f.campaignId}`;
const entryOf = (f: Found, today: IsoDate): TodoEntry => ({
  title: `${f.row.unit.name} ${f.period.period} 月度调度`,
  unitName: f.row.unit.name,
  due: f.period.deadline,
  daysOverdue: f.row.report.state === 'submitted' ? 0 : daysPast(f.period.deadline, today),
  link: reportLink(f),
});

/** The board's link for one filter: the campaign and month when all entries share one, else the board. */
function boardLink(found: Found[], filter: BoardReportFilter): string {
  const first = found[0];
  const one = first && found.every((f) => f.campaignId === first.campaignId && f.period.id === first.period.id);
  return one
    ? `/dispatch/board?campaign=${first.campaignId}&period=${first.period.period}&report=${filter}`
    : `/dispatch/board?report=${filter}`;
}

/** One unit's page holds its months; a single report opens directly. */
const unitLink = (found: Found[]) => (found.length === 1 ? reportLink(found[0]!) : '/dispatch/unit');

/**
 * 一月一调度's to-dos for the home page, over the open months of every campaign: the office's reports to
 * review and reports missing past the deadline (the board's rows under the same filter); a unit's
 * reports to fill, returned ones to correct, and for its head drafts to 报送.
 */
export async function dispatchTodos(db: Db, actor: Actor, today: IsoDate): Promise<TodoSource[]> {
  const review = hasPermission(actor, 'report.review');
  const fill = hasPermission(actor, 'report.fill');
  if (!review && !fill) return [];
  const submit = hasPermission(actor, 'report.submit');
  const records = await campaignRecords(db);
  const found: Found[] = [];
  for (const p of await openPeriods(db)) {
    const record = records.get(p.campaignId);
    if (!record) continue;
    const office = review && can(actor, 'report.review', record);
    if (!office && !fill) continue;
    // The office's rows are the board's own (kept between changes: a city's board is computed once); a unit's
    // are its own year read alone.
    const rows = office
      ? (await boardData(db, actor, p.campaignId, p.period, {}, today)).rows
      : boardRows(
          await loadYear(db, p.campaignId, splitPeriod(p.period).year, actor.unitId),
          p,
          (u) => u.id === actor.unitId,
          today,
        );
    for (const row of rows) found.push({ campaignId: p.campaignId, period: p, row });
  }
  // The office reviews the units' reports; a unit's own people fill and submit theirs.
  const own = fill ? found.filter((f) => f.row.unit.id === actor.unitId) : [];
  const theirs = found.filter((f) => !own.includes(f));
  const of = (list: Found[], holds: (f: Found) => boolean) => list.filter(holds);
  const sources: TodoSource[] = [];
  if (review) {
    for (const [filter, kind, label, urgent] of [
      ['submitted', 'dispatch.review', '待审核报表', false],
      ['missing', 'dispatch.missing', '逾期未报单位', true],
    ] as const) {
      const list = of(theirs, (f) => boardFilterHolds(filter, f.row));
      sources.push({
        kind,
        label,
        link: boardLink(list, filter),
        entries: list.map((f) => entryOf(f, today)),
        ...(urgent ? { alwaysUrgent: true } : {}),
      });
    }
  }
  if (fill) {
    const due = of(own, (f) => f.row.report.state === 'none' || (f.row.report.state === 'draft' && !submit));
    // The head's: a draft of the unit, or one its reporter handed over (提交负责人).
    const drafts = submit ? of(own, (f) => f.row.report.state === 'draft' || f.row.report.state === 'handed_off') : [];
    const returned = of(own, (f) => f.row.report.state === 'returned');
    sources.push(
      {
        kind: 'dispatch.due',
        label: '待填报月度调度',
        link: unitLink(due),
        entries: due.map((f) => entryOf(f, today)),
      },
      {
        kind: 'dispatch.draft',
        label: '待报送的报表',
        link: unitLink(drafts),
        entries: drafts.map((f) => entryOf(f, today)),
      },
      {
        kind: 'dispatch.returned',
        label: '被退回的报表',
        link: unitLink(returned),
        entries: returned.map((f) => entryOf(f, today)),
        alwaysUrgent: true,
      },
    );
  }
  return sources;
}
