import {
  allowedLedgerActions,
  unfinishedStepsFlag,
  byColourUrgency,
  can,
  hasPermission,
  closeOutRates,
  periodRange,
  rateOutcome,
  recordFilter,
  unitFilter,
  type Actor,
  type IsoDate,
  type LedgerColour,
  type LedgerEvent,
  type LedgerItemDetail,
  type LedgerRateRow,
  type LedgerUnitCounts,
  type RateOutcome,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { filesOf } from '../files/index.js';
import * as supervision from '../supervision/index.js';
import { urgeFactsProblem } from './supervise.js';
import { itemParties, partiesOf, partyUnitIds } from './access.js';
import {
  ALL_ITEMS,
  allUnits,
  eventsOf,
  extensionsOf,
  getItem,
  itemsOfArena,
  listItems,
  unitsByIds,
  type ListFilter,
} from './repository.js';
import { ledgerSettings } from './settings.js';
import { toViews, type ItemView } from './views.js';

export interface ListQuery extends Omit<ListFilter, 'scope'> {
  colour?: LedgerColour | undefined;
}

/** The items the actor may read, filtered; colour is computed for today, so it filters after the query. */
export async function listLedger(db: Db, actor: Actor, q: ListQuery, today: IsoDate): Promise<ItemView[]> {
  const { yellowDays } = await ledgerSettings(db);
  const rows = await listItems(db, {
    ...q,
    scope: recordFilter(actor, 'ledger.read'),
    ...(q.colour === 'closed' ? { state: 'closed' } : {}),
  });
  const views = await toViews(db, rows, today, yellowDays);
  return (q.colour ? views.filter((v) => v.colour === q.colour) : views).sort(byUrgency);
}

/** Most urgent first: overdue (longest first), near, on track, then closed (latest deadline first). */
const byUrgency = (a: ItemView, b: ItemView): number =>
  byColourUrgency(a.colour, b.colour) ||
  (a.colour === 'red' ? b.daysOverdue - a.daysOverdue : 0) ||
  (a.colour === 'closed' ? b.deadline.localeCompare(a.deadline) : a.deadline.localeCompare(b.deadline)) ||
  a.id - b.id;

export type EventView = LedgerEvent<Date>;
export type ItemDetail = LedgerItemDetail<Date>;

export async function itemDetail(db: Db, actor: Actor, id: number, today: IsoDate): Promise<ItemDetail> {
  const row = await getItem(db, id);
  if (!row) throw notFound('督办事项');
  const unitMap = await unitsByIds(db, partyUnitIds(row));
  const { yellowDays } = await ledgerSettings(db);
  const [[view], events, extensions, subRows] = await Promise.all([
    toViews(db, [row], today, yellowDays, unitMap),
    eventsOf(db, id),
    extensionsOf(db, id),
    listItems(db, { scope: recordFilter(actor, 'ledger.read'), parentId: id }),
  ]);
  const itemParts = itemParties(row, unitMap);
  const parties = partiesOf(actor, itemParts);
  const waiting = extensions.some((x) => x.status === 'pending');
  const actions = [...new Set(parties.flatMap((p) => allowedLedgerActions(row.state, p, waiting)))];
  return {
    ...view!,
    events: await Promise.all(
      events.map(async (e) => ({
        id: e.id,
        kind: e.kind,
        actorName: e.actorName,
        at: e.at,
        text: e.text,
        data: e.data as Record<string, unknown> | null,
        files: await filesOf(db, 'ledger_event', e.id),
      })),
    ),
    extensions: extensions.map((x) => ({
      id: x.id,
      requestedDeadline: x.requestedDeadline,
      reason: x.reason,
      status: x.status,
      requestedAt: x.requestedAt,
      decision: x.decision,
      decidedAt: x.decidedAt,
    })),
    subItems: await toViews(db, subRows, today, yellowDays),
    parties,
    actions,
    // Computed from the steps now: none can be completed while a request waits, so it is what the request had.
    closeOutFlag:
      row.state === 'close_requested' || row.state === 'close_confirming'
        ? unfinishedStepsFlag(view!.steps.filter((s) => s.doneOn === null).length)
        : null,
    supervision: await supervision.supervisionOf(
      db,
      actor,
      { ledgerItemId: id },
      {
        unitPath: itemParts.lead[0] ?? '/',
        officePath: itemParts.office,
        mayUrge: (await urgeFactsProblem(db, row, today)) === null,
      },
    ),
  };
}

export type UnitCounts = LedgerUnitCounts;

/** 各单位台账统计: counts by lead unit of the items the actor may read. */
export async function countsByUnit(db: Db, actor: Actor, today: IsoDate): Promise<UnitCounts[]> {
  const items = await listLedger(db, actor, {}, today);
  const by = new Map<number, UnitCounts>();
  for (const i of items) {
    const c = by.get(i.leadUnit.id) ?? {
      unitId: i.leadUnit.id,
      unitName: i.leadUnit.name,
      total: 0,
      open: 0,
      yellow: 0,
      overdue: 0,
      closedOnTime: 0,
      closedLate: 0,
    };
    c.total += 1;
    if (i.state !== 'closed') c.open += 1;
    if (i.colour === 'yellow') c.yellow += 1;
    if (i.colour === 'red') c.overdue += 1;
    if (i.state === 'closed' && i.daysOverdue === 0) c.closedOnTime += 1;
    if (i.state === 'closed' && i.daysOverdue > 0) c.closedLate += 1;
    by.set(i.leadUnit.id, c);
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unitId - b.unitId);
}

export type RateRow = LedgerRateRow;

/**
 * 按期销号率 per unit for a period, by core's rule, seen on `asOf` (today, or the period's end if
 * earlier). Every ranked unit in scope appears, with rate null when nothing fell due.
 */
export async function ratesFor(
  db: Db,
  actor: Actor,
  period: string,
  today: IsoDate,
): Promise<{ from: IsoDate; to: IsoDate; asOf: IsoDate; rows: RateRow[] }> {
  let range: { from: IsoDate; to: IsoDate };
  try {
    range = periodRange(period);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', (e as Error).message);
  }
  const asOf = range.to < today ? range.to : today;
  const filter = unitFilter(actor, 'ledger.read');
  // Ranks are an office's facts: the units an office runs (its children; a district or city itself is not
  // ranked) are rated on the items they lead, and ranked; an organiser sees its own office's units, others
  // the rows of the units they may see (docs/levels.md).
  const every = await allUnits(db);
  const offices = new Set(every.filter((u) => u.isOffice).map((u) => u.id));
  const units = every.filter(
    (u) =>
      u.active &&
      u.kind !== 'district' &&
      u.parentId !== null &&
      offices.has(u.parentId) &&
      (!hasPermission(actor, 'ledger.manage') || u.parentId === actor.office?.unitId),
  );
  const seen = new Set(
    units.filter((u) => filter.kind === 'all' || can(actor, 'ledger.read', u.path)).map((u) => String(u.id)),
  );
  const items = await listItems(db, { scope: ALL_ITEMS });
  const names = new Map(units.map((u) => [String(u.id), u.name]));
  const rows = closeOutRates({
    items: items.map((i) => ({
      id: String(i.id),
      unitId: String(i.leadUnitId),
      deadline: i.deadline,
      closedOn: i.closedOn,
    })),
    ...range,
    asOf,
    unitIds: units.map((u) => String(u.id)),
  }).filter((r) => filter.kind === 'all' || seen.has(r.unitId));
  const missing = rows.filter((r) => !names.has(r.unitId)).map((r) => Number(r.unitId));
  for (const [id, u] of await unitsByIds(db, missing)) names.set(String(id), u.name);
  return { ...range, asOf, rows: rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? r.unitId })) };
}

export interface UnitLedger {
  open: number;
  overdue: number;
  /** Promises made on arena stages (擂台承诺) the unit leads, with today's colours. */
  commitments: ItemView[];
}

/** Open and overdue items led by each of these units today, and their stage promises (an arena's brief). */
export async function countsFor(db: Db, unitIds: Iterable<number>, today: IsoDate): Promise<Map<number, UnitLedger>> {
  const wanted = new Set(unitIds);
  const { yellowDays } = await ledgerSettings(db);
  const rows = (await listItems(db, { scope: ALL_ITEMS })).filter((i) => wanted.has(i.leadUnitId));
  const out = new Map<number, UnitLedger>();
  for (const i of await toViews(db, rows, today, yellowDays)) {
    const c = out.get(i.leadUnit.id) ?? { open: 0, overdue: 0, commitments: [] };
    if (i.state !== 'closed') c.open += 1;
    if (i.colour === 'red') c.overdue += 1;
    if (i.arena !== null) c.commitments.push(i);
    out.set(i.leadUnit.id, c);
  }
  return out;
}

/** The promises made on one arena's stage, with today's colours. */
export async function commitmentsOfArena(db: Db, arenaId: number, today: IsoDate): Promise<ItemView[]> {
  const { yellowDays } = await ledgerSettings(db);
  return toViews(db, await itemsOfArena(db, arenaId), today, yellowDays);
}

/** A unit's items due in a period as the composite evaluation counts them (issue 14's ledger source). */
export interface UnitCloseOut {
  due: number;
  onTime: number;
  /** Due in the period and still open at its end (each may carry a deduction). */
  overdue: number;
  items: { id: number; title: string; deadline: IsoDate; closedOn: IsoDate | null; outcome: RateOutcome }[];
}

/** Per lead unit: items with a deadline in [from, to], seen at `to` (or today, if earlier), by core's outcome rule. */
export async function closeOutFor(
  db: Db,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): Promise<Map<number, UnitCloseOut>> {
  const asOf = to < today ? to : today;
  const out = new Map<number, UnitCloseOut>();
  for (const i of await listItems(db, { scope: ALL_ITEMS })) {
    if (i.deadline < from || i.deadline > to) continue;
    const outcome = rateOutcome(i, asOf);
    if (outcome === 'not_due') continue;
    const c = out.get(i.leadUnitId) ?? { due: 0, onTime: 0, overdue: 0, items: [] };
    c.due += 1;
    if (outcome === 'on_time') c.onTime += 1;
    if (outcome === 'overdue') c.overdue += 1;
    c.items.push({ id: i.id, title: i.title, deadline: i.deadline, closedOn: i.closedOn, outcome });
    out.set(i.leadUnitId, c);
  }
  return out;
}

/** A close-out request waiting for a head's confirmation (待负责人确认): what the to-do home lists. */
export interface CloseConfirmTodo {
  itemId: number;
  title: string;
  leadUnit: { id: number; name: string };
  deadline: string;
  colour: ItemView['colour'];
  link: string;
}

/** The close-out requests of items the actor's unit (or one below) leads that wait for them as its head. */
export async function closeConfirmTodos(db: Db, actor: Actor, today: IsoDate): Promise<CloseConfirmTodo[]> {
  const waiting = await listLedger(db, actor, { state: 'close_confirming' }, today);
  const paths = await unitsByIds(
    db,
    waiting.map((i) => i.leadUnit.id),
  );
  return waiting
    .filter((i) => can(actor, 'ledger.confirm', paths.get(i.leadUnit.id)?.path ?? '#'))
    .map((i) => ({
      itemId: i.id,
      title: i.title,
      leadUnit: i.leadUnit,
      deadline: i.deadline,
      colour: i.colour,
      link: `/ledger/items/${i.id}`,
    }));
}
