/**
 * The units module's face: what other modules may call. Everything else in this folder is private.
 * The `units` table belongs here: other modules ask `units.byIds(tx, ids)`, `units.pathOf(tx, id)` …
 * (`import * as units from '../units/index.js'`) instead of querying it.
 */
import type { UnitFilter, UnitView } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { defineTarget } from '../../http/access.js';
import {
  findUnit,
  listCategoryRows,
  listUnits,
  nameOf as unitName,
  officeOf as unitOffice,
  pathOf as unitPath,
  unitsByIds,
} from './repository.js';

export { UNIT_KINDS, type UnitKind } from './kinds.js';
export type { UnitView };

declare module '../../http/access.js' {
  interface TargetKinds {
    unit: number;
  }
}

/** The units with these ids that exist, by id. */
export const byIds = (db: Db, ids: Iterable<number>): Promise<Map<number, UnitView>> => unitsByIds(db, ids);
/** One unit, or undefined. */
export const byId = (db: Db, id: number): Promise<UnitView | undefined> => findUnit(db, id);
/** Every unit, active or not, in the tree's order (sortOrder, then id). */
export const all = (db: Db): Promise<UnitView[]> => listUnits(db, { kind: 'all' });
/** The units a filter from core's unitFilter reaches, in the tree's order. */
export const inScope = (db: Db, filter: UnitFilter): Promise<UnitView[]> => listUnits(db, filter);
/** A unit's path ('/1/4/'), or null when there is no such unit. */
export const pathOf = (db: Db, id: number): Promise<string | null> => unitPath(db, id);
/** The office (考核办) a unit at this path belongs to: the nearest office at or above it, or null. */
export const officeOf = (db: Db, path: string): Promise<{ unitId: number; path: string } | null> =>
  unitOffice(db, path);
/** A unit's name, or null when there is no such unit. */
export const nameOf = (db: Db, id: number): Promise<string | null> => unitName(db, id);

/** The unit categories (单位类别), in their order. */
export const categories = async (db: Db): Promise<{ id: number; code: string; name: string }[]> =>
  (await listCategoryRows(db)).map(({ id, code, name }) => ({ id, code, name }));

/** Writes a new unit under its parent with no checks and no audit: for seeders (demo data, tests). */
export { insertUnit, markOffice, reparentUnit } from './repository.js';

/** A unit as an access target: its own path; hidden (404) from who may not read units there. */
export const unitTarget = defineTarget({
  kind: 'unit',
  noun: '单位',
  visibleWith: ['unit.read'],
  resolve: async (db, id) => {
    const path = await unitPath(db, id);
    return path === null ? null : { parties: { unit: [path] } };
  },
});

export const accessTargets = [unitTarget];
