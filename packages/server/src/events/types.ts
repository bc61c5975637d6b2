/**
 * Domain events: what happened, in the words of the use case that did it, with the facts its consumers
 * need (ids, names, dates). A use case writes them with `emit(tx, event)` inside its transaction;
 * consumers (notifications, realtime) read them from the outbox. One union, so a consumer's `switch`
 * is checked for exhaustiveness.
 */

import type { ReportReminder } from '@leitai/core';

/** A ledger item as its notices need it: who leads, who oversees, who created it. */
export interface LedgerItemFacts {
  itemId: number;
  title: string;
  leadUnitId: number;
  leaderId: number | null;
  /** Null for an item the system opened (a citizen's bad rating): the office's organisers are told. */
  createdBy: number | null;
}

export type DomainEvent =
  // 月度调度 (dispatch)
  | {
      type: 'report.submitted';
      reportId: number;
      version: number;
      unitId: number;
      unitName: string;
      period: string;
      resubmitted: boolean;
    }
  | {
      /** The reporter handed the report to the unit head (待负责人报送). */
      type: 'report.handed_off';
      reportId: number;
      version: number;
      unitId: number;
      unitName: string;
      period: string;
      by: string;
    }
  | {
      type: 'report.reviewed';
      reportId: number;
      unitId: number;
      period: string;
      verdict: 'accept' | 'return';
      reason: string;
    }
  | {
      type: 'report.reminder';
      periodId: number;
      unitId: number;
      period: string;
      deadline: string;
      reminder: ReportReminder;
    }
  | {
      type: 'dispatch.period.opened';
      periodId: number;
      period: string;
      deadline: string;
      reopened: boolean;
      unitIds: number[];
    }
  | {
      type: 'target.change.requested';
      targetId: number;
      unitId: number;
      unitName: string;
      indicatorName: string;
      from: string;
      to: string;
      reason: string;
    }
  | {
      type: 'target.change.decided';
      targetId: number;
      unitId: number;
      indicatorName: string;
      approved: boolean;
      to: string;
      comment: string;
    }
  // 督办事项 (ledger)
  | ({ type: 'ledger.item.assigned'; deadline: string; fromUnitName: string | null } & LedgerItemFacts)
  | ({ type: 'ledger.item.co_assigned'; coUnitIds: number[]; leadUnitName: string; deadline: string } & LedgerItemFacts)
  | ({
      type: 'ledger.item.close_requested';
      byName: string;
      /** Steps not done when it was asked (the verifier is told: 销号核查). */
      unfinishedSteps: number;
    } & LedgerItemFacts)
  /** A close-out request waits for the lead unit's head (the office's setting). */
  | ({ type: 'ledger.item.close_confirm_requested'; byName: string } & LedgerItemFacts)
  | ({ type: 'ledger.item.closed'; daysLate: number } & LedgerItemFacts)
  | ({ type: 'ledger.item.returned'; reason: string } & LedgerItemFacts)
  | ({ type: 'ledger.item.extension_requested'; deadline: string; reason: string } & LedgerItemFacts)
  | ({
      type: 'ledger.item.extension_decided';
      approved: boolean;
      /** The new deadline when approved. */
      deadline: string;
      /** Open steps moved with the deadline (整体顺延). */
      movedSteps: number;
      reason: string;
    } & LedgerItemFacts)
  | ({ type: 'ledger.item.children_closed'; children: number } & LedgerItemFacts)
  | ({
      /** 临期 (yellow) or 逾期 (red), announced by the daily job once per colour and deadline. */
      type: 'ledger.item.overdue';
      colour: 'yellow' | 'red';
      deadline: string;
      /** The step whose deadline drives the colour, or null for the item's own. */
      step: string | null;
      daysOverdue: number;
      daysLeft: number;
    } & LedgerItemFacts)
  // 催办 and 批示 (supervision): the urged or instructed unit hears it; the leader hears the answer.
  | {
      type: 'supervision.urged';
      urgeId: number;
      unitId: number;
      /** What was urged, as the notice names it (the item's title, or the month's report). */
      what: string;
      message: string;
      byName: string;
      count: number;
      link: string;
    }
  | {
      type: 'supervision.instructed';
      instructionId: number;
      unitId: number;
      what: string;
      text: string;
      byName: string;
      link: string;
    }
  | {
      type: 'supervision.answered';
      instructionId: number;
      leaderId: number;
      what: string;
      answer: string;
      byName: string;
      link: string;
    }
  // 群众评价 (ratings)
  | { type: 'rating.held'; ratingId: number; pointId: number; unitId: number; reason: string; day: string }
  | { type: 'rating.appealed'; ratingId: number; unitId: number; unitName: string; reason: string }
  | ({ type: 'ledger.item.rater_verdict'; satisfied: boolean; text: string; closed: boolean } & LedgerItemFacts)
  // 擂台赛 (arena): every change the live view shows
  | { type: 'arena.drawn'; arenaId: number }
  | { type: 'arena.recusal.added'; arenaId: number }
  | { type: 'arena.host.acted'; arenaId: number; action: string }
  | { type: 'arena.contestant.revealed'; arenaId: number; contestantId: number }
  | { type: 'arena.score.submitted'; arenaId: number; contestantId: number }
  // 综合考核 (evaluation)
  | {
      type: 'evaluation.published';
      evaluationId: number;
      name: string;
      version: number;
      /** 'comment': open for appeals until commentUntil; 'final': the result stands. */
      stage: 'comment' | 'final';
      commentUntil: string | null;
      unitIds: number[];
    }
  | { type: 'evaluation.appeal.filed'; appealId: number; evaluationId: number; unitName: string; componentName: string }
  | {
      type: 'evaluation.appeal.settled';
      appealId: number;
      evaluationId: number;
      unitId: number;
      componentName: string;
      upheld: boolean;
      decision: string;
    };

export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
