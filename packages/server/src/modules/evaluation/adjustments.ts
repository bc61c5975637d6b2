import {
  ADJUSTMENT_ACTION_LABELS,
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATE_LABELS,
  adjustmentActions,
  adjustmentNextState,
  type AdjustmentAction,
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

/** 审定: an organiser other than the proposer approves or refuses, with a reason (a bonus, a penalty, a verified waiver). */
export function decideAdjustment(
  db: Db,
  actor: Actor,
  who: AuditActor,
  adjustmentId: number,
  d: { approve: boolean; reason: string },
): Promise<AdjustmentRow> {
  return stepAdjustment(db, actor, who, adjustmentId, { action: d.approve ? 'approve' : 'refuse', text: d.reason });
}

/**
 * One step of an adjustment's procedure (容错免责: 受理 → 核实 → 认定 → 报备, or 不予认定 on the way), by the
 * office: core's adjustmentActions says what may happen now; the step is kept with who, when and what was
 * written, with any documents, and audited.
 */
export async function stepAdjustment(
  db: Db,
  actor: Actor,
  who: AuditActor,
  adjustmentId: number,
  d: { action: AdjustmentAction; text: string; fileIds?: number[] | undefined },
): Promise<AdjustmentRow> {
  return db.transaction(async (tx) => {
    const a = await adjustmentById(tx, adjustmentId, true);
    if (!a) throw notFound('加减分申请');
    const label = ADJUSTMENT_KIND_LABELS[a.kind];
    if (a.proposedBy === actor.userId) throw forbidden(`${label}须由申请人以外的人审定（两人经手）`);
    if (a.kind === 'waiver' && d.action === 'approve' && a.verifiedBy === actor.userId)
      throw forbidden('容错免责须由核实人以外的人认定（两人经手）');
    const e = await evaluationOf(tx, a.evaluationId, true);
    const allowed = adjustmentActions(a, { userId: actor.userId, mayDecide: true }, e.state === 'draft');
    if (!allowed.includes(d.action)) {
      if (e.state !== 'draft' && d.action !== 'file') throw invalidState('考核已截止，不能再审定加减分');
      throw invalidState(
        `该${label}申请${ADJUSTMENT_STATE_LABELS[a.state]}，不能${ADJUSTMENT_ACTION_LABELS[d.action]}`,
      );
    }
    const state = adjustmentNextState(d.action);
    const deciding = d.action === 'approve' || d.action === 'refuse';
    const fields = {
      state,
      steps: [...a.steps, { action: d.action, by: actor.userId, at: new Date().toISOString(), text: d.text.trim() }],
      ...(deciding ? { decision: d.text.trim(), decidedBy: actor.userId, decidedAt: new Date() } : {}),
      ...(d.action === 'verify' ? { verifiedBy: actor.userId } : {}),
    };
    await updateAdjustment(tx, adjustmentId, fields);
    await files.claimFiles(tx, actor, d.fileIds ?? [], {
      ownerType: 'evaluation_adjustment',
      ownerId: adjustmentId,
      unitId: a.unitId,
    });
    await recordAudit(tx, who, {
      action: deciding ? 'evaluation.adjustment.decide' : `evaluation.adjustment.${d.action}`,
      targetType: 'evaluation_adjustment',
      targetId: adjustmentId,
      unitId: a.unitId,
      before: { state: a.state },
      after: { state, text: d.text.trim() },
    });
    return { ...a, ...fields };
  });
}
