import {
  can,
  ledgerActionParties,
  ledgerTransitionProblem,
  LedgerRuleError,
  type Actor,
  type LedgerAction,
  type LedgerParty,
  type LedgerState,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { forbidden, invalidState } from '../../errors.js';
import { getItem, unitsByIds, type ItemRow, type UnitRef } from './repository.js';

/**
 * Who an item is: its lead unit and its cooperating units, as unit paths by the part they play. Seeing
 * an item at all (404 otherwise) is requireAccess's check on these paths, with the `ledger_item` target
 * kind in the face; what the actor may do with it is `partiesOf` below, on the same paths.
 */
export interface ItemParties {
  lead: string[];
  co: string[];
  /** The owning office's path (docs/levels.md). */
  office: string;
}

/** The unit ids an item's parties are read from: its office, lead and co-units (for unitsByIds). */
export const partyUnitIds = (item: ItemRow): number[] => [item.officeUnitId, item.leadUnitId, ...item.coUnitIds];

export function itemParties(item: ItemRow, unitMap: Map<number, UnitRef>): ItemParties {
  const paths = (ids: number[]) => ids.flatMap((id) => unitMap.get(id)?.path ?? []);
  return {
    lead: paths([item.leadUnitId]),
    co: paths(item.coUnitIds),
    office: unitMap.get(item.officeUnitId)?.path ?? '/',
  };
}

/** An item's parties from the database, or null when there is no such item (the access target). */
export async function resolveItemParties(db: Db, id: number): Promise<ItemParties | null> {
  const item = await getItem(db, id);
  return item ? itemParties(item, await unitsByIds(db, partyUnitIds(item))) : null;
}

/** The parties the actor holds on an item: the supervision office (the item's own), its lead unit, a cooperating unit. */
export function partiesOf(actor: Actor, parties: ItemParties): LedgerParty[] {
  const out: LedgerParty[] = [];
  if (can(actor, 'ledger.manage', { officePath: parties.office, unitPaths: [] })) out.push('organiser');
  if (parties.lead.some((path) => can(actor, 'ledger.confirm', path))) out.push('lead_head');
  if (parties.lead.some((path) => can(actor, 'ledger.work', path))) out.push('lead');
  if (parties.co.some((path) => can(actor, 'ledger.work', path))) out.push('co');
  return out;
}

/**
 * The party the actor acts as for this action, or the clearest refusal: 403 when their unit has no
 * part in the action, 409 when the state forbids it. (That they may see the item at all the route
 * checked with requireAccess.)
 */
export function actingParty(actor: Actor, parties: ItemParties, state: LedgerState, action: LedgerAction): LedgerParty {
  const held = partiesOf(actor, parties);
  const eligible = held.filter((p) => ledgerActionParties(action).includes(p));
  if (eligible.length === 0) {
    const problem = held[0] ? ledgerTransitionProblem(state, action, held[0]) : null;
    throw forbidden(problem ?? '你所在单位不是该事项的牵头或配合单位，不能办理');
  }
  for (const p of eligible) if (ledgerTransitionProblem(state, action, p) === null) return p;
  throw invalidState(ledgerTransitionProblem(state, action, eligible[0]!)!);
}

/** Domain refusals from core, as the HTTP error table knows them. */
export function asAppError(e: unknown): unknown {
  if (e instanceof LedgerRuleError) return invalidState(e.message);
  return e;
}
