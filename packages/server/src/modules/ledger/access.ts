import {
  can,
  hasPermission,
  ledgerActionParties,
  ledgerTransitionProblem,
  LedgerRuleError,
  type Actor,
  type LedgerAction,
  type LedgerParty,
} from '@leitai/core';
import { forbidden, invalidState, notFound } from '../../errors.js';
import type { ItemRow, UnitRef } from './repository.js';

/** The parties the actor holds on an item: the supervision office, its lead unit, a cooperating unit. */
export function partiesOf(actor: Actor, item: ItemRow, unitMap: Map<number, UnitRef>): LedgerParty[] {
  const out: LedgerParty[] = [];
  if (hasPermission(actor, 'ledger.manage')) out.push('organiser');
  const lead = unitMap.get(item.leadUnitId);
  if (lead && can(actor, 'ledger.work', lead.path)) out.push('lead');
  if (
    item.coUnitIds.some((id) => {
      const u = unitMap.get(id);
      return u !== undefined && can(actor, 'ledger.work', u.path);
    })
  )
    out.push('co');
  return out;
}

/** May the actor see the item: its lead or a cooperating unit within their read scope. */
export function canRead(actor: Actor, item: ItemRow, unitMap: Map<number, UnitRef>): boolean {
  return [item.leadUnitId, ...item.coUnitIds].some((id) => {
    const u = unitMap.get(id);
    return u !== undefined && can(actor, 'ledger.read', u.path);
  });
}

/**
 * The party the actor acts as for this action, or the clearest refusal: 404 when the item is not
 * theirs to see, 403 when their unit has no part in the action, 409 when the state forbids it.
 */
export function actingParty(
  actor: Actor,
  item: ItemRow,
  unitMap: Map<number, UnitRef>,
  action: LedgerAction,
): LedgerParty {
  if (!canRead(actor, item, unitMap) && !hasPermission(actor, 'ledger.manage')) throw notFound('督办事项');
  const held = partiesOf(actor, item, unitMap);
  const state = item.state;
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
