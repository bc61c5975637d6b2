/**
 * The life of a ledger item (督办事项), as a state machine. The server asks `ledgerTransition` before
 * every change, so an illegal step is refused in one place with one message.
 */
export const LEDGER_STATES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'close_confirming',
  'close_requested',
  'closed',
] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export const LEDGER_STATE_LABELS: Record<LedgerState, string> = {
  assigned: '已交办',
  acknowledged: '已签收',
  in_progress: '办理中',
  close_confirming: '待负责人确认',
  close_requested: '申请销号',
  closed: '已销号',
};

export const LEDGER_ACTIONS = [
  'acknowledge',
  'progress',
  'complete_step',
  'request_close',
  'confirm_close',
  'comment',
  'close',
  'return',
  'request_extension',
  'decide_extension',
  'reassign',
  'split',
] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];

export const LEDGER_ACTION_LABELS: Record<LedgerAction, string> = {
  acknowledge: '签收',
  progress: '报送进展',
  complete_step: '完成节点',
  request_close: '申请销号',
  confirm_close: '负责人确认',
  comment: '核查意见',
  close: '审核销号',
  return: '退回',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  reassign: '转办',
  split: '分解',
};

/** Who acts: the supervision office, the lead unit (牵头), its head (负责人), or a cooperating unit (配合). */
export type LedgerParty = 'organiser' | 'lead' | 'lead_head' | 'co';

/** A refused step: `code` is stable for programs, `message` is the sentence the person reads. */
export class LedgerRuleError extends Error {
  readonly code = 'LEDGER_RULE';
  constructor(message: string) {
    super(message);
    this.name = 'LedgerRuleError';
  }
}

interface Rule {
  from: readonly LedgerState[];
  /** The state after the action; 'same' keeps it. */
  to: LedgerState | 'same';
  by: readonly LedgerParty[];
}

const OPEN: readonly LedgerState[] = ['assigned', 'acknowledged', 'in_progress', 'close_confirming', 'close_requested'];
const WORKING: readonly LedgerState[] = ['acknowledged', 'in_progress'];

const RULES: Record<LedgerAction, Rule> = {
  acknowledge: { from: ['assigned'], to: 'acknowledged', by: ['lead'] },
  progress: { from: WORKING, to: 'in_progress', by: ['lead', 'co'] },
  complete_step: { from: WORKING, to: 'in_progress', by: ['lead'] },
  // To the office, or first to the unit head where the office asks for it (ledgerTransition's policy).
  request_close: { from: WORKING, to: 'close_requested', by: ['lead'] },
  confirm_close: { from: ['close_confirming'], to: 'close_requested', by: ['lead_head'] },
  // The verifier's note on a close-out request (kept in the history, audited); the state stays.
  comment: { from: ['close_confirming', 'close_requested'], to: 'same', by: ['organiser'] },
  close: { from: ['close_requested'], to: 'closed', by: ['organiser'] },
  return: { from: ['close_requested'], to: 'in_progress', by: ['organiser'] },
  request_extension: { from: ['assigned', 'acknowledged', 'in_progress'], to: 'same', by: ['lead'] },
  decide_extension: { from: OPEN, to: 'same', by: ['organiser'] },
  // A new lead unit must sign for the item itself; the history stays with the item.
  reassign: { from: OPEN, to: 'assigned', by: ['organiser'] },
  // 分解 makes sub-items (POST …/split); the item itself keeps its state.
  split: { from: OPEN, to: 'same', by: ['organiser'] },
};

const PARTY_LABELS: Record<LedgerParty, string> = {
  organiser: '督查部门',
  lead: '牵头单位',
  lead_head: '牵头单位负责人',
  co: '配合单位',
};

/** Why the action is refused, in words, or null when it is allowed. */
export function ledgerTransitionProblem(state: LedgerState, action: LedgerAction, by: LedgerParty): string | null {
  const rule = RULES[action];
  const name = LEDGER_ACTION_LABELS[action];
  if (!rule.by.includes(by)) return `“${name}”只能由${rule.by.map((p) => PARTY_LABELS[p]).join('或')}操作`;
  if (rule.from.includes(state)) return null;
  if (state === 'closed') return `事项已销号，不能再${name}`;
  if (state === 'assigned') return `事项尚未签收，请先签收再${name}`;
  if (state === 'close_requested' && by !== 'organiser') return `事项已申请销号、正在审核，不能${name}`;
  if (state === 'close_confirming') return `销号申请待牵头单位负责人确认，不能${name}`;
  return `事项当前状态为“${LEDGER_STATE_LABELS[state]}”，不能${name}`;
}

/**
 * The office's close-out choices (the `ledger` setting): whether a request with unfinished steps is flagged
 * to the verifier or refused, and whether the lead unit's head confirms a request before it reaches the office.
 */
export interface LedgerPolicy {
  unfinishedSteps: 'flag' | 'refuse';
  headConfirmsClose: boolean;
}

export const DEFAULT_LEDGER_POLICY: LedgerPolicy = { unfinishedSteps: 'flag', headConfirmsClose: false };

/** The state after the action, or a LedgerRuleError saying why not. */
export function ledgerTransition(
  state: LedgerState,
  action: LedgerAction,
  by: LedgerParty,
  policy: LedgerPolicy = DEFAULT_LEDGER_POLICY,
  /** Whether the person acting is also the lead unit's head: a head's own request needs no second signature. */
  actorIsHead = false,
): LedgerState {
  const problem = ledgerTransitionProblem(state, action, by);
  if (problem) throw new LedgerRuleError(problem);
  if (action === 'request_close' && policy.headConfirmsClose && !actorIsHead) return 'close_confirming';
  const to = RULES[action].to;
  return to === 'same' ? state : to;
}

/** A close-out request with steps not done: refused (the office's choice), else null (it goes on, flagged). */
export function unfinishedStepsProblem(policy: LedgerPolicy, unfinished: number): string | null {
  return policy.unfinishedSteps === 'refuse' && unfinished > 0
    ? `尚有 ${unfinished} 个节点未完成，请完成全部节点后再申请销号`
    : null;
}

/** What the verifier is told about a close-out request whose steps are not all done, or null. */
export const unfinishedStepsFlag = (unfinished: number): string | null =>
  unfinished > 0 ? `申请销号时尚有 ${unfinished} 个节点未完成，请核查` : null;

/** The parties an action belongs to, whatever the state. */
export const ledgerActionParties = (action: LedgerAction): readonly LedgerParty[] => RULES[action].by;

/**
 * An extension request waits for the office (延期待审批): no second request meanwhile, and a decision
 * only while one waits.
 */
export function extensionProblem(action: LedgerAction, extensionPending: boolean): string | null {
  if (action === 'request_extension' && extensionPending) return '已有一项延期申请待审批，请勿重复申请';
  if (action === 'decide_extension' && !extensionPending) return '该事项没有待审批的延期申请';
  return null;
}

/**
 * Which actions a party may take now: the web app shows exactly these buttons. Given whether an
 * extension waits, the extension actions follow `extensionProblem` too.
 */
export function allowedLedgerActions(state: LedgerState, by: LedgerParty, extensionPending?: boolean): LedgerAction[] {
  return LEDGER_ACTIONS.filter(
    (a) =>
      ledgerTransitionProblem(state, a, by) === null &&
      (extensionPending === undefined || extensionProblem(a, extensionPending) === null),
  );
}

export const isOpenLedgerState = (state: LedgerState): boolean => state !== 'closed';

/**
 * A return, an extension request, a refused extension and a transfer say why: at least this many
 * characters once trimmed. The server's request schema and the web forms take the number from here.
 */
export const LEDGER_REASON_MIN = 2;

/** Close-out needs evidence: a written account and at least one file (销号须见证据). */
export function closeOutEvidenceProblem(evidence: { text: string; fileCount: number }): string | null {
  if (evidence.text.trim().length < 5) return '申请销号须填写办理情况说明（至少 5 个字）';
  if (evidence.fileCount < 1) return '申请销号须上传至少一份佐证材料';
  return null;
}
