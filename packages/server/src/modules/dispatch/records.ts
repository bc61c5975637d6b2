import type { OfficeRecord } from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';
import { campaignOwners } from './repo.js';

/**
 * Campaigns as office records (docs/levels.md): the owning office's path and the paths of the units each
 * sets targets for, by campaign id (all campaigns without ids).
 */
export async function campaignRecords(db: Db, ids?: readonly number[]): Promise<Map<number, OfficeRecord>> {
  const owners = await campaignOwners(db, ids);
  const paths = await units.byIds(
    db,
    [...owners.values()].flatMap((o) => [o.officeUnitId, ...o.unitIds]),
  );
  const path = (id: number) => paths.get(id)?.path ?? '/';
  return new Map(
    [...owners].map(([id, o]) => [id, { officePath: path(o.officeUnitId), unitPaths: o.unitIds.map(path) }]),
  );
}

/** The owning office's path of a campaign, or null when there is none. */
export async function campaignOffice(db: Db, campaignId: number): Promise<string | null> {
  return (await campaignRecords(db, [campaignId])).get(campaignId)?.officePath ?? null;
}
