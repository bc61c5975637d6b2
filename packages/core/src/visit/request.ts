import type { IsoDate, WorkCalendar } from '../calendar/index.js';
import type { LedgerState } from '../ledger/index.js';
import type { RequestRating, RequestStage } from './catalog.js';

/**
 * The office's 诉求 deadlines, in working days. The defaults are a real district rule: co-units report
 * to the lead unit within 3 working days, the lead unit answers the enterprise within 7, and an extension
 * is asked at least 1 working day before the deadline.
 */
export interface RequestDeadlineSettings {
  coUnitDays: number;
  leadDays: number;
  extensionNoticeDays: number;
}
export const REQUEST_DEADLINE_DEFAULTS: RequestDeadlineSettings = {
  coUnitDays: 3,
  leadDays: 7,
  extensionNoticeDays: 1,
};

/** The deadlines of a 诉求 dispatched on `dispatchedOn` (the day itself not counted). */
export function requestDeadlines(
  cal: WorkCalendar,
  dispatchedOn: IsoDate,
  s: RequestDeadlineSettings,
): { coUnits: IsoDate; lead: IsoDate } {
  return {
    coUnits: cal.addWorkingDays(dispatchedOn, s.coUnitDays),
    lead: cal.addWorkingDays(dispatchedOn, s.leadDays),
  };
}

/**
 * The last day an extension may still be asked for: `extensionNoticeDays` working days before the
 * deadline (a deadline on a day off counts back from the working day before it).
 */
export function lastExtensionDay(cal: WorkCalendar, deadline: IsoDate, s: RequestDeadlineSettings): IsoDate {
  // Walk back day by day: the calendar only counts forwards, and the distance is a few days.
  let day = deadline;
  const back = (d: IsoDate): IsoDate => {
    const t = new Date(`${d}T00:00:00Z`).getTime() - 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  };
  while (!cal.isWorkingDay(day)) day = back(day);
  for (let left = s.extensionNoticeDays; left > 0;) {
    day = back(day);
    if (cal.isWorkingDay(day)) left -= 1;
  }
  return day;
}

export const mayAskExtension = (cal: WorkCalendar, today: IsoDate, deadline: IsoDate, s: RequestDeadlineSettings) =>
  today <= lastExtensionDay(cal, deadline, s);

/** What decides a 诉求's stage. */
export interface RequestFacts {
  dispatched: boolean;
  ledgerState: LedgerState | null;
  rating: RequestRating | null;
  calledBack: boolean;
}

/** Where a 诉求 stands in the closed loop (登记 → 分派 → 办理 → 答复 → 评价 → 回访). */
export function requestStage(f: RequestFacts): RequestStage {
  if (f.calledBack) return 'called_back';
  if (f.rating !== null && f.ledgerState === 'closed') return 'rated';
  if (!f.dispatched || f.ledgerState === null) return 'registered';
  switch (f.ledgerState) {
    case 'assigned':
      return 'dispatched';
    case 'acknowledged':
    case 'in_progress':
    case 'close_confirming':
      return 'handling';
    case 'close_requested':
    case 'closed':
      return 'answered';
  }
}

/** A request raised once: by a visit (its visitor and date) or another channel such as the 12345 hotline. */
export interface RequestSource {
  requestId: number;
  channel: 'visit' | 'hotline';
  raisedOn: IsoDate;
  raisedBy: string;
}

/** Why `sourceId` may not be merged into `targetId`, or null when it may. */
export function mergeProblem(
  source: { id: number; enterpriseId: number; mergedIntoId: number | null; dispatched: boolean },
  target: { id: number; enterpriseId: number; mergedIntoId: number | null },
): string | null {
  if (source.id === target.id) return '不能与自身合并';
  if (source.mergedIntoId !== null) return '该诉求已合并到其他诉求';
  if (target.mergedIntoId !== null) return '目标诉求已合并到其他诉求，请合并到其主诉求';
  if (source.dispatched) return '已分派的诉求不能再合并到其他诉求';
  if (source.enterpriseId !== target.enterpriseId) return '只能合并同一企业的诉求';
  return null;
}

/** The sources of a merged request: its own, and every one merged into it, oldest first, none lost or doubled. */
export function mergedSources(own: readonly RequestSource[], merged: readonly RequestSource[]): RequestSource[] {
  const byId = new Map<number, RequestSource>();
  for (const s of [...own, ...merged]) if (!byId.has(s.requestId)) byId.set(s.requestId, s);
  return [...byId.values()].sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || a.requestId - b.requestId);
}
