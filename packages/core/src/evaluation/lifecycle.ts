import type { IsoDate } from '../calendar/index.js';

/** 方案编制 → 截止计算 → 公示 → 正式发布 (DESIGN §3.5a). */
export type EvaluationState = 'draft' | 'closed' | 'comment' | 'final';
export const EVALUATION_STATE_LABELS: Record<EvaluationState, string> = {
  draft: '方案编制中',
  closed: '已截止，待公示',
  comment: '公示中',
  final: '已正式发布',
};

export type EvaluationKind = 'half' | 'year' | 'range';
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  half: '半年评议',
  year: '全年总结',
  range: '专项考核',
};

/** What the office may do with an evaluation next; the server sends these and the web renders them. */
export type EvaluationAction = 'editScheme' | 'close' | 'reopen' | 'publish' | 'finalise' | 'verify';
export const EVALUATION_ACTION_LABELS: Record<EvaluationAction, string> = {
  editScheme: '保存方案',
  close: '截止并计算',
  reopen: '撤回重编',
  publish: '发布公示',
  finalise: '正式发布',
  verify: '复算核验',
};

export interface EvaluationFacts {
  state: EvaluationState;
  /** The last day appeals are taken (公示期满), once published for comment. */
  commentUntil: IsoDate | null;
  /** Appeals not yet through both steps (decided and approved). */
  openAppeals: number;
}

/** The office's next steps. Finalising waits for the window to pass and every appeal to be settled. */
export function evaluationActions(f: EvaluationFacts, today: IsoDate): EvaluationAction[] {
  switch (f.state) {
    case 'draft':
      return ['editScheme', 'close'];
    case 'closed':
      return ['verify', 'publish', 'reopen'];
    case 'comment':
      return f.commentUntil !== null && today > f.commentUntil && f.openAppeals === 0
        ? ['verify', 'finalise']
        : ['verify'];
    case 'final':
      return ['verify'];
  }
}

/** Why finalising is not possible yet, in words, or null. */
export function finaliseBlocker(f: EvaluationFacts, today: IsoDate): string | null {
  if (f.state !== 'comment') return '只有公示中的考核可以正式发布';
  if (f.commentUntil === null || today <= f.commentUntil)
    return `公示期至 ${f.commentUntil ?? '—'}，期满后方可正式发布`;
  if (f.openAppeals > 0) return `还有 ${f.openAppeals} 件申诉未办结`;
  return null;
}

/** 申诉: filed by the unit → decided by the office (uphold with a correction, or refuse) → approved by a second person. */
export type AppealState = 'filed' | 'decided' | 'upheld' | 'refused';
export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  filed: '待受理',
  decided: '待复核',
  upheld: '申诉成立',
  refused: '不予支持',
};
export type AppealAction = 'decide' | 'approve';
export const APPEAL_ACTION_LABELS: Record<AppealAction, string> = { decide: '审核', approve: '复核通过' };

/** The office's next step on an appeal; the approver must not be who decided (两人经手). */
export function appealActions(
  a: { state: AppealState; decidedBy: number | null },
  actor: { userId: number; mayDecide: boolean },
): AppealAction[] {
  if (!actor.mayDecide) return [];
  if (a.state === 'filed') return ['decide'];
  if (a.state === 'decided' && a.decidedBy !== actor.userId) return ['approve'];
  return [];
}

/** An appeal is taken from publication for comment to the window's last day, inclusive. */
export function appealRefusal(state: EvaluationState, commentUntil: IsoDate | null, today: IsoDate): string | null {
  if (commentUntil !== null && (state === 'final' || today > commentUntil))
    return `公示期已于 ${commentUntil} 结束，不再受理申诉`;
  if (state !== 'comment' || commentUntil === null) return '该考核结果尚未公示，不能申诉';
  return null;
}
