import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATE_LABELS,
  ScoringInputError,
  checkAdjustment,
  toDecimal,
  type Actor,
  type AdjustmentKind,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, forbidden, invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as files from '../files/index.js';
import { adjustmentById, insertAdjustment, updateAdjustment, type AdjustmentRow } from './repository.js';
import { evaluationOf } from './service.js';

export interface AdjustmentInput {
  unitId: number;
  kind: AdjustmentKind;
  /** Positive; the kind gives the sign. None for a waiver. */
  amount?: string | undefined;
  reason: string;
  fileIds?: number[] | undefined;
}

/** 申请: a bonus, a penalty or a 容错免责 for one unit, while the evaluation is still a draft. */
export async function proposeAdjustment(db: Db, actor: Actor, who: AuditActor, id: number, a: AdjustmentInput) {
  let amount: number;
  try {
    amount = checkAdjustment(a.kind, a.amount ?? null);
  } catch (err) {
    if (err instanceof ScoringInputError) throw new AppError('VALIDATION_FAILED', err.reason);
    throw err;
  }
  return db.transaction(async (tx) => {
    const e = await evaluationOf(tx, id, true);
    if (e.state !== 'draft') throw invalidState('考核已截止，不再受理加减分和容错免责申请');
    const row = await insertAdjustment(tx, {
      evaluationId: id,
      unitId: a.unitId,
      kind: a.kind,
      amount: toDecimal(amount),
      reason: a.reason.trim(),
      proposedBy: actor.userId,
    });
    await files.claimFiles(tx, actor, a.fileIds ?? [], {
      ownerType: 'evaluation_adjustment',
      ownerId: row.id,
      unitId: a.unitId,
    });
    await recordAudit(tx, who, {
      action: 'evaluation.adjustment.propose',
      targetType: 'evaluation_adjustment',
      targetId: row.id,
      unitId: a.unitId,
      after: { evaluationId: id, kind: a.kind, amount: row.amount, reason: row.reason },
    });
    return row;
  });
}

/** 审定: an organiser other than the proposer approves or refuses, with a reason. */
export async function decideAdjustment(
  db: Db,
  actor: Actor,
  who: AuditActor,
  adjustmentId: number,
  d: { approve: boolean; reason: string },
): Promise<AdjustmentRow> {
  return db.transaction(async (tx) => {
    const a = await adjustmentById(tx, adjustmentId, true);
    if (!a) throw notFound('加减分申请');
    const label = ADJUSTMENT_KIND_LABELS[a.kind];
    if (a.state !== 'proposed') throw invalidState(`该${label}申请${ADJUSTMENT_STATE_LABELS[a.state]}`);
    if (a.proposedBy === actor.userId) throw forbidden(`${label}须由申请人以外的人审定（两人经手）`);
    const e = await evaluationOf(tx, a.evaluationId, true);
    if (e.state !== 'draft') throw invalidState('考核已截止，不能再审定加减分');
    const fields = {
      state: d.approve ? ('approved' as const) : ('refused' as const),
      decision: d.reason.trim(),
      decidedBy: actor.userId,
      decidedAt: new Date(),
    };
    await updateAdjustment(tx, adjustmentId, fields);
    await recordAudit(tx, who, {
      action: 'evaluation.adjustment.decide',
      targetType: 'evaluation_adjustment',
      targetId: adjustmentId,
      unitId: a.unitId,
      before: { state: a.state },
      after: { state: fields.state, decision: fields.decision },
    });
    return { ...a, ...fields };
  });
}
