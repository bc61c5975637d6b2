/**
 * The evaluation module's face (综合考核): what other modules, the app, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
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
