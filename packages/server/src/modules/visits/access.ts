import type { Db } from '../../db/client.js';
import { DISTRICT_PATH, type ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { assignedUserIds, findEnterprise } from './repository.js';
import { visitRequests } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';

/**
 * An enterprise as an access target: the district (`district`, reached only by a district-wide grant)
 * and its street (`street`, a leader's overseen streets); the people assigned to it now are its owners,
 * who reach it whatever their unit: a cadre sees and visits the enterprises assigned to him.
 */
export async function resolveEnterprise(db: Db, id: number): Promise<ResolvedTarget | null> {
  const e = await findEnterprise(db, id);
  if (!e) return null;
  return {
    parties: { district: [DISTRICT_PATH], street: e.streetPath ? [e.streetPath] : [] },
    owners: await assignedUserIds(db, id),
  };
}

/** A 诉求 is reached through its enterprise; its lead and co-units see it on the ledger as an item. */
export async function resolveRequest(db: Db, id: number): Promise<ResolvedTarget | null> {
  const [row] = await db
    .select({ enterpriseId: visitRequests.enterpriseId, raisedBy: visitRequests.raisedBy })
    .from(visitRequests)
    .where(eq(visitRequests.id, id));
  if (!row) return null;
  const e = await resolveEnterprise(db, row.enterpriseId);
  return e ? { parties: e.parties, owners: row.raisedBy === null ? [] : [row.raisedBy] } : null;
}

/** Street names and paths for views. */
export const unitNames = async (db: Db, ids: Iterable<number>) => {
  const found = await units.byIds(db, ids);
  return (id: number | null) => (id === null ? null : (found.get(id)?.name ?? null));
};
