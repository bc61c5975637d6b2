/**
 * The evaluation module's face (综合考核): what other modules, the app, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import type { Db } from '../../db/client.js';
import { defineTarget } from '../../http/access.js';
import { evaluatedUnits } from './inputs.js';
import { evaluationRecord } from './records.js';
import { adjustmentById, appealById } from './repository.js';

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
export { gradesOfUnits, type UnitGrade } from './people.js';

/** The ids of the units an evaluation would rank today (the demo's raters score them all). */
export const evaluatedUnitIds = async (db: Db): Promise<number[]> =>
  (await evaluatedUnits(db)).units.map((u) => Number(u.id));

declare module '../../http/access.js' {
  interface TargetKinds {
    evaluation: number;
    evaluation_appeal: number;
    evaluation_adjustment: number;
  }
}

/**
 * An evaluation as an access target: the record of its campaign's office (docs/levels.md); its office runs
 * it, the offices above and the units of the offices it belongs to read it.
 */
export const evaluationTarget = defineTarget({
  kind: 'evaluation',
  noun: '考核',
  visibleWith: ['evaluation.read', 'evaluation.manage'],
  resolve: async (db, id) => {
    const record = await evaluationRecord(db, id);
    return record ? { office: record.officePath, parties: {} } : null;
  },
});

/** An appeal (申诉) or an adjustment (加减分) as an access target: its evaluation's record. */
const ofEvaluation = async (db: Db, row: { evaluationId: number } | undefined) => {
  const record = row ? await evaluationRecord(db, row.evaluationId) : null;
  return record ? { office: record.officePath, parties: {} } : null;
};
export const evaluationAppealTarget = defineTarget({
  kind: 'evaluation_appeal',
  noun: '申诉',
  visibleWith: ['evaluation.read', 'evaluation.manage'],
  resolve: async (db, id) => ofEvaluation(db, await appealById(db, id)),
});
export const evaluationAdjustmentTarget = defineTarget({
  kind: 'evaluation_adjustment',
  noun: '加减分',
  visibleWith: ['evaluation.read', 'evaluation.manage'],
  resolve: async (db, id) => ofEvaluation(db, await adjustmentById(db, id)),
});

export const accessTargets = [evaluationTarget, evaluationAppealTarget, evaluationAdjustmentTarget];
