/** The life of a monthly report (调度填报): filled by the reporter, submitted by the head, reviewed by the office. */
export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';

export type ReportAction = 'save' | 'submit' | 'accept' | 'return';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: '填报中',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
};

const NEXT: Record<ReportAction, { from: readonly ReportState[]; to: ReportState | null }> = {
  // Saving keeps the state (a returned report stays returned until resubmitted, so its reason stays visible).
  save: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  // An accepted report can be returned too (with a reason, audited), so a unit can correct a figure
  // found wrong after review; the version history keeps what was accepted.
  return: { from: ['submitted', 'accepted'], to: 'returned' },
};

const REFUSAL: Record<ReportAction, string> = {
  save: '报表已报送或已通过审核，不能再修改；如需更正请联系考核办退回',
  submit: '报表已报送或已通过审核，不能重复报送',
  accept: '只有待审核的报表可以通过',
  return: '只有待审核或已通过的报表可以退回',
};

/** Null when the action is allowed in `state` and the period is open for it, else the Chinese reason. */
export function reportActionProblem(state: ReportState, action: ReportAction, periodOpen: boolean): string | null {
  if (!periodOpen && (action === 'save' || action === 'submit'))
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

const REPORT_ACTIONS: readonly ReportAction[] = ['save', 'submit', 'accept', 'return'];

/** The actions the viewer may take on a report now: the buttons the page shows (the server serves them). */
export function allowedReportActions(state: ReportState, periodOpen: boolean, viewer: ReportViewer): ReportAction[] {
  const holds: Record<ReportAction, boolean> = {
    save: viewer.ownUnit && viewer.fill,
    submit: viewer.ownUnit && viewer.submit,
    accept: viewer.review,
    return: viewer.review,
  };
  return REPORT_ACTIONS.filter((a) => holds[a] && reportActionProblem(state, a, periodOpen) === null);
}
