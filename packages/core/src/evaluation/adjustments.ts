import { check, parseDecimal, type DecimalInput } from '../number/index.js';

/**
 * 加减分: a bonus (+) or a penalty (−) for one unit, with its reason and evidence, proposed by the unit or the
 * office and approved by an organiser other than the proposer; or 容错免责, which waives a deduction the
 * sources made (the ledger's overdue deduction) for a unit whose failure was an excusable one.
 */
export type AdjustmentKind = 'bonus' | 'penalty' | 'waiver';
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = {
  bonus: '加分',
  penalty: '减分',
  waiver: '容错免责',
};

export type AdjustmentState = 'proposed' | 'approved' | 'refused';
export const ADJUSTMENT_STATE_LABELS: Record<AdjustmentState, string> = {
  proposed: '待审定',
  approved: '已审定',
  refused: '不予认定',
};

export type AdjustmentAction = 'approve' | 'refuse';
export const ADJUSTMENT_ACTION_LABELS: Record<AdjustmentAction, string> = { approve: '审定通过', refuse: '不予认定' };

/** The office decides a proposal, but not the person who proposed it (两人经手), and only while the scheme is open. */
export function adjustmentActions(
  a: { state: AdjustmentState; proposedBy: number },
  actor: { userId: number; mayDecide: boolean },
  evaluationOpen: boolean,
): AdjustmentAction[] {
  if (!actor.mayDecide || !evaluationOpen || a.state !== 'proposed' || a.proposedBy === actor.userId) return [];
  return ['approve', 'refuse'];
}

/** A bonus is positive, a penalty negative, a waiver carries no amount (it removes a deduction). */
export function checkAdjustment(kind: AdjustmentKind, amount: DecimalInput | null): number {
  if (kind === 'waiver') {
    check(amount === null, 'amount', '容错免责不填分值，认定后免除相应扣分');
    return 0;
  }
  check(amount !== null, 'amount', '请填写分值');
  const v = parseDecimal(amount, 'amount');
  check(v > 0, 'amount', '分值须为正数（加分、减分由类型决定）');
  return kind === 'bonus' ? v : -v;
}
