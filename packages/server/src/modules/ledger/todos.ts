import { hasPermission, type Actor, type IsoDate, type TodoSource } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { closeConfirmTodos, listLedger, type ListQuery } from './queries.js';
import type { ItemView } from './views.js';

/** A to-do kind of the ledger: the list query that holds exactly its entries, and the list page's filter. */
interface LedgerTodo {
  kind: string;
  label: string;
  query: ListQuery;
  alwaysUrgent?: boolean;
}

const OFFICE: LedgerTodo[] = [
  { kind: 'ledger.close_requested', label: '待审核销号', query: { state: 'close_requested' } },
  { kind: 'ledger.extension', label: '延期申请待审批', query: { extension: 'pending' } },
  { kind: 'ledger.overdue', label: '逾期事项', query: { colour: 'red' }, alwaysUrgent: true },
];
const LEADER: LedgerTodo[] = [
  { kind: 'ledger.overdue', label: '分管单位逾期事项', query: { colour: 'red' }, alwaysUrgent: true },
];
const UNIT: LedgerTodo[] = [
  { kind: 'ledger.assigned', label: '待签收事项', query: { state: 'assigned' } },
  { kind: 'ledger.overdue', label: '逾期事项', query: { colour: 'red' }, alwaysUrgent: true },
  { kind: 'ledger.due_soon', label: '临期事项', query: { colour: 'yellow' } },
];

const linkOf = (query: ListQuery): string =>
  `/ledger?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

const entryOf = (i: ItemView) => ({
  title: i.title,
  unitName: i.leadUnit.name,
  due: i.deadline,
  daysOverdue: i.colour === 'red' ? i.daysOverdue : 0,
  link: `/ledger/items/${i.id}`,
});

/**
 * The ledger's to-dos for the home page: the office's close-outs to verify, extensions to decide and
 * overdue items; a leader's overdue items in the units he oversees; a unit's items to sign for, overdue and
 * due soon. Each is the ledger list itself with the filter its link opens, so the count is what that page lists.
 */
export async function ledgerTodos(db: Db, actor: Actor, today: IsoDate): Promise<TodoSource[]> {
  if (!hasPermission(actor, 'ledger.read')) return [];
  const kinds = hasPermission(actor, 'ledger.manage')
    ? OFFICE
    : hasPermission(actor, 'ledger.work')
      ? UNIT
      : actor.roles.includes('leader')
        ? LEADER
        : [];
  const sources = await Promise.all(
    kinds.map(async (k) => ({
      kind: k.kind,
      label: k.label,
      link: linkOf(k.query),
      entries: (await listLedger(db, actor, k.query, today)).map(entryOf),
      ...(k.alwaysUrgent ? { alwaysUrgent: true } : {}),
    })),
  );
  // Where the office has heads confirm close-outs: the requests of the units this head leads.
  if (hasPermission(actor, 'ledger.confirm'))
    sources.push({
      kind: 'ledger.close_confirming',
      label: '待确认的销号申请',
      link: linkOf({ state: 'close_confirming' }),
      entries: (await closeConfirmTodos(db, actor, today)).map((c) => ({
        title: c.title,
        unitName: c.leadUnit.name,
        due: c.deadline,
        daysOverdue: 0,
        link: c.link,
      })),
    });
  return sources;
}
