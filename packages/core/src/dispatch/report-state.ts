/**
 * The life of a monthly report (调度填报): filled by the reporter, handed to the unit head (提交负责人), who
 * submits it (报送) to the office, which reviews it. Where the office allows it, a reporter submits directly.
 */
export type ReportState = 'draft' | 'handed_off' | 'submitted' | 'returned' | 'accepted';

export type ReportAction = 'save' | 'handoff' | 'submit' | 'accept' | 'return';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: '填报中',
  handed_off: '待负责人报送',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
};

const NEXT: Record<ReportAction, { from: readonly ReportState[]; to: ReportState | null }> = {
  // Saving keeps the state (a returned report stays returned until resubmitted, so its reason stays visible;
  // a handed-off one stays with the head, who may still correct it before signing).
  save: { from: ['draft', 'returned', 'handed_off'], to: null },
  handoff: { from: ['draft', 'returned'], to: 'handed_off' },
  submit: { from: ['draft', 'returned', 'handed_off'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  // An accepted report can be returned too (with a reason, audited), so a unit can correct a figure
  // found wrong after review; the version history keeps what was accepted.
  return: { from: ['submitted', 'accepted'], to: 'returned' },
};

const REFUSAL: Record<ReportAction, string> = {
  save: '报表已报送或已通过审核，不能再修改；如需更正请联系考核办退回',
  handoff: '报表已提交负责人或已报送，不能重复提交',
  submit: '报表已报送或已通过审核，不能重复报送',
  accept: '只有待审核的报表可以通过',
  return: '只有待审核或已通过的报表可以退回',
};

/** Null when the action is allowed in `state` and the period is open for it, else the Chinese reason. */
export function reportActionProblem(state: ReportState, action: ReportAction, periodOpen: boolean): string | null {
  if (!periodOpen && (action === 'save' || action === 'handoff' || action === 'submit'))
    return '本期调度已关闭，不能填报；如需补报请联系考核办重新开放';
  return NEXT[action].from.includes(state) ? null : REFUSAL[action];
}

/** The state after an allowed action. */
export function reportNextState(state: ReportState, action: ReportAction): ReportState {
  return NEXT[action].to ?? state;
}

/** What the person looking at a report holds over its unit: the three report permissions, and whether it is their own unit. */
export interface ReportViewer {
  fill: boolean;
  submit: boolean;
  review: boolean;
  /** Only the unit's own people fill and submit its report; the office reviews. */
  ownUnit: boolean;
}

/** The office's choice (the `dispatch` setting): whether a reporter may 报送 without the head. Off by default. */
export interface ReportPolicy {
  reporterMaySubmit: boolean;
}

export const DEFAULT_REPORT_POLICY: ReportPolicy = { reporterMaySubmit: false };

/** Why this person may not 报送 the report (null when they may): the head signs, or a reporter where the office allows it. */
export function reportSubmitRefusal(viewer: ReportViewer, policy: ReportPolicy): string | null {
  if (!viewer.ownUnit) return '只有本单位可以报送本单位的报表';
  if (viewer.submit) return null;
  if (viewer.fill && policy.reporterMaySubmit) return null;
  return viewer.fill ? '报表须由单位负责人报送，请先提交负责人' : '没有报送报表的权限';
}

const REPORT_ACTIONS: readonly ReportAction[] = ['save', 'handoff', 'submit', 'accept', 'return'];

/** The actions the viewer may take on a report now: the buttons the page shows (the server serves them). */
export function allowedReportActions(
  state: ReportState,
  periodOpen: boolean,
  viewer: ReportViewer,
  policy: ReportPolicy = DEFAULT_REPORT_POLICY,
): ReportAction[] {
  const holds: Record<ReportAction, boolean> = {
    save: viewer.ownUnit && viewer.fill,
    // Handing off is the reporter's step; a head signs it themself.
    handoff: viewer.ownUnit && viewer.fill && !viewer.submit,
    submit: reportSubmitRefusal(viewer, policy) === null,
    accept: viewer.review,
    return: viewer.review,
  };
  return REPORT_ACTIONS.filter((a) => holds[a] && reportActionProblem(state, a, periodOpen) === null);
}
