import type { IsoDate } from '../calendar/index.js';
import type { ReportState } from '../dispatch/report-state.js';

/**
 * 催办: the office presses a unit on an overdue ledger item or a late monthly report. Each urge is recorded
 * and counted (a bulletin says how often the office had to urge whom); these rules say when one may be sent.
 */
export type UrgeSubject = 'ledger_item' | 'report';

export const URGE_SUBJECT_LABELS: Record<UrgeSubject, string> = { ledger_item: '督办事项', report: '月度调度' };

/** The longest message an urge may carry (a line in a notice, not a letter). */
export const URGE_MESSAGE_MAX = 200;

export type UrgeFacts =
  | { subject: 'ledger_item'; closed: boolean; daysOverdue: number }
  | { subject: 'report'; state: ReportState | 'none'; deadline: IsoDate; today: IsoDate };

/** Null when the office may urge now, else the reason in words: only what is overdue is urged. */
export function urgeProblem(f: UrgeFacts): string | null {
  if (f.subject === 'ledger_item') {
    if (f.closed) return '事项已销号，无需催办';
    return f.daysOverdue > 0 ? null : '事项尚未逾期，不能催办';
  }
  if (f.state === 'submitted' || f.state === 'accepted') return '报表已报送，无需催报';
  return f.deadline < f.today ? null : '尚未到报送截止日期，不能催报';
}

/** Urges per unit, for a bulletin's sentence. */
export interface UnitUrges {
  unitName: string;
  count: number;
}

/**
 * The bulletin's sentence as an office writes it: "本期共催办 5 次，涉及 2 个单位：区城管局 3 次、区住建局 2 次。"
 * (most urged first), or null when there were none.
 */
export function urgeSentence(rows: readonly UnitUrges[], verb = '催办'): string | null {
  const list = rows
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName));
  if (list.length === 0) return null;
  const total = list.reduce((n, r) => n + r.count, 0);
  return `本期共${verb} ${total} 次，涉及 ${list.length} 个单位：${list.map((r) => `${r.unitName} ${r.count} 次`).join('、')}。`;
}

/** 批示: the longest instruction and answer (a leader's line, the unit's reply). */
export const INSTRUCTION_TEXT_MAX = 500;

/** Null when the unit may answer the instruction now: once, and the answer stands (the leader reads it). */
export function answerProblem(alreadyAnswered: boolean): string | null {
  return alreadyAnswered ? '该批示已回复，不能重复回复' : null;
}
