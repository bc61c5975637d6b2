/**
 * The evaluation module's face (综合考核): what other modules, the app, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import type { Db } from '../../db/client.js';
import { evaluatedUnits } from './inputs.js';

export { evaluationRoutes } from './routes.js';
export {
  approveAppeal,
  closeEvaluation,
  createEvaluation,
  decideAppeal,
  fileAppeal,
  finaliseEvaluation,
  publishForComment,
} from './service.js';
export { decideAdjustment, proposeAdjustment } from './adjustments.js';
export { createInvites, submitReview } from './review.js';

/** The ids of the units an evaluation would rank today (the demo's raters score them all). */
export const evaluatedUnitIds = async (db: Db): Promise<number[]> =>
  (await evaluatedUnits(db)).units.map((u) => Number(u.id));
