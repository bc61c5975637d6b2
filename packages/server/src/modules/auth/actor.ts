import type { Actor, Role } from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';

/** The columns an actor is built from, as loaded with the user's own unit. */
export interface ActorSource {
  id: number;
  unitId: number;
  unitPath: string;
  roles: string[];
  overseenUnitIds: number[];
}

export async function buildActor(db: Db, source: ActorSource): Promise<Actor> {
  const overseen =
    source.overseenUnitIds.length === 0 ? [] : [...(await units.byIds(db, source.overseenUnitIds)).values()];
  return {
    userId: source.id,
    unitId: source.unitId,
    unitPath: source.unitPath,
    // Stored roles are validated on write (users module); the column type cannot say so.
    roles: source.roles as Role[],
    overseenUnitPaths: overseen.map((o) => o.path),
    office: await units.officeOf(db, source.unitPath),
  };
}
