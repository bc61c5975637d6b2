/**
 * The cadres module's face (干部名册): what other modules, the app and the demo may call. The register's
 * tables (`cadres`, `cadre_posts`) are read only here.
 */
import type { Db } from '../../db/client.js';
import { defineTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { cadreOfUser, cadresByIds, findCadre, postsOf as cadrePosts } from './repository.js';

export { cadresRoutes } from './routes.js';
// For the demo seeders: a cadre and their current post, without checks or audit.
export { insertCadre } from './repository.js';
export { exemptionsOf, type ExemptionRow } from './exemptions.js';

export interface Cadre {
  id: number;
  name: string;
  post: string;
  unitId: number;
  unitPath: string;
  since: string;
  userId: number | null;
}

async function withPaths(db: Db, rows: Awaited<ReturnType<typeof cadresByIds>>): Promise<Cadre[]> {
  const unitById = await units.byIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map(({ username: _u, ...r }) => ({ ...r, unitPath: unitById.get(r.unitId)?.path ?? '#' }));
}

/** The cadres with these ids that exist, by id. */
export async function byIds(db: Db, ids: Iterable<number>): Promise<Map<number, Cadre>> {
  const list = await withPaths(db, await cadresByIds(db, [...new Set(ids)]));
  return new Map(list.map((c) => [c.id, c]));
}

export async function byId(db: Db, id: number): Promise<Cadre | undefined> {
  const row = await findCadre(db, id);
  return row ? (await withPaths(db, [row]))[0] : undefined;
}

/** The cadre an account belongs to, if any (a person opens their own record with it). */
export async function ofUser(db: Db, userId: number): Promise<Cadre | undefined> {
  const row = await cadreOfUser(db, userId);
  return row ? (await withPaths(db, [row]))[0] : undefined;
}

/** 任职经历, newest first. */
export const postsOf = (db: Db, cadreId: number) => cadrePosts(db, cadreId);

declare module '../../http/access.js' {
  interface TargetKinds {
    cadre: number;
  }
}

/** A cadre as an access target: the unit they serve in; hidden (404) from who may not read the register there. */
export const cadreTarget = defineTarget({
  kind: 'cadre',
  noun: '干部',
  visibleWith: ['cadre.read'],
  resolve: async (db, id) => {
    const c = await byId(db, id);
    return c ? { parties: { unit: [c.unitPath] } } : null;
  },
});

export const accessTargets = [cadreTarget];
