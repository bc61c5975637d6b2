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

/**
 * A bonus or a penalty is proposed and then decided (审定). 容错免责 walks the procedure the rules lay down
 * (申请 → 受理 → 核实 → 认定 → 报备): the office accepts the case, verifies it with its documents, another
 * person than the proposer and the verifier decides it, and the decision is filed (报备) upward.
 */
export type AdjustmentState = 'proposed' | 'accepted' | 'verified' | 'approved' | 'filed' | 'refused';
export const ADJUSTMENT_STATE_LABELS: Record<AdjustmentState, string> = {
  proposed: '待审定',
  accepted: '已受理',
  verified: '已核实',
  approved: '已审定',
  filed: '已认定并报备',
  refused: '不予认定',
};

export type AdjustmentAction = 'accept' | 'verify' | 'approve' | 'refuse' | 'file';
export const ADJUSTMENT_ACTION_LABELS: Record<AdjustmentAction, string> = {
  accept: '受理',
  verify: '核实',
  approve: '审定通过',
  refuse: '不予认定',
  file: '报备',
};

/** One step of an adjustment's procedure, as its history keeps it. */
export interface AdjustmentStep {
  action: AdjustmentAction;
  by: number;
  at: string;
  text: string;
}

/** The states whose adjustment counts in the score: decided, or decided and filed. */
export const adjustmentCounts = (state: AdjustmentState): boolean => state === 'approved' || state === 'filed';

const NEXT: Record<AdjustmentAction, AdjustmentState> = {
  accept: 'accepted',
  verify: 'verified',
  approve: 'approved',
  refuse: 'refused',
  file: 'filed',
};
export const adjustmentNextState = (action: AdjustmentAction): AdjustmentState => NEXT[action];

/**
 * What the viewer may do with an adjustment now. Only the office, never the proposer (两人经手); a waiver is
 * decided by neither its proposer nor its verifier. Deciding needs the scheme open; filing a decided waiver
 * does not (报备 records it upward).
 */
export function adjustmentActions(
  a: { kind: AdjustmentKind; state: AdjustmentState; proposedBy: number; verifiedBy?: number | null },
  actor: { userId: number; mayDecide: boolean },
  evaluationOpen: boolean,
): AdjustmentAction[] {
  if (!actor.mayDecide || a.proposedBy === actor.userId) return [];
  if (a.kind === 'waiver' && a.state === 'approved') return ['file'];
  if (!evaluationOpen) return [];
  if (a.kind !== 'waiver') return a.state === 'proposed' ? ['approve', 'refuse'] : [];
  switch (a.state) {
    case 'proposed':
      return ['accept', 'refuse'];
    case 'accepted':
      return ['verify', 'refuse'];
    case 'verified':
      return a.verifiedBy === actor.userId ? [] : ['approve', 'refuse'];
    case 'approved':
    case 'filed':
    case 'refused':
      return [];
  }
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
