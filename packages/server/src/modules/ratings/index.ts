/**
 * The ratings module's face (群众评价 · 好差评): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { defineTarget } from '../../http/access.js';
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
export const ratingTarget = defineTarget({
  kind: 'rating',
  noun: '评价',
  visibleWith: ['rating.read'],
  resolve: async (db, id) => {
    const r = await ratingById(db, id);
    const path = r ? await units.pathOf(db, r.unitId) : null;
    return path === null ? null : { parties: { unit: [path] } };
  },
});
export const ratingPointTarget = defineTarget({
  kind: 'rating_point',
  noun: '评价点',
  visibleWith: ['rating.read'],
  resolve: async (db, id) => {
    const p = await pointById(db, id);
    const path = p ? await units.pathOf(db, p.unitId) : null;
    return path === null ? null : { parties: { unit: [path] } };
  },
});

export const accessTargets = [ratingTarget, ratingPointTarget];
