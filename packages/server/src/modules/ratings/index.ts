/**
 * The ratings module's face (群众评价 · 好差评): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import type { Db } from '../../db/client.js';
import { defineTarget, type ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { pointById, ratingById } from './repository.js';

export { ratingsRoutes } from './routes.js';
export { ratingsRetentionJob } from './retention.js';
export { satisfactionFor } from './stats.js';
// For the demo seeders, which write a lived-in year of ratings directly.
export { encryptPhone, ratingKeys } from './keys.js';
// For the demo seeder, which publishes last month's ranking as the office would.
export { publishRanking } from './rankings.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    rating: number;
    rating_point: number;
  }
}

/** A rating, and a rating point, as access targets: the rated unit's path. */
/** A rating point's office record (docs/levels.md): its office, and the rated unit as the party. */
async function pointRecord(
  db: Db,
  unitId: number,
  point: { officeUnitId: number } | undefined,
): Promise<ResolvedTarget | null> {
  const [path, office] = await Promise.all([
    units.pathOf(db, unitId),
    point ? units.pathOf(db, point.officeUnitId) : null,
  ]);
  return path === null || office === null ? null : { office, parties: { unit: [path] } };
}

export const ratingTarget = defineTarget({
  kind: 'rating',
  noun: '评价',
  visibleWith: ['rating.read'],
  resolve: async (db, id) => {
    const r = await ratingById(db, id);
    return r ? pointRecord(db, r.unitId, await pointById(db, r.pointId)) : null;
  },
});
export const ratingPointTarget = defineTarget({
  kind: 'rating_point',
  noun: '评价点',
  visibleWith: ['rating.read'],
  resolve: async (db, id) => {
    const p = await pointById(db, id);
    return p ? pointRecord(db, p.unitId, p) : null;
  },
});

export const accessTargets = [ratingTarget, ratingPointTarget];
