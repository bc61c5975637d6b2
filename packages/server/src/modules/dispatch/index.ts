/**
 * The dispatch module's face (一月一调度): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import type { Db } from '../../db/client.js';
import { defineTarget, type ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { getReport, getTarget } from './repo.js';

export { dispatchRoutes } from './routes.js';
export { dispatchReminderJob } from './reminders.js';
export { boardSummary, type LightCounts } from './board.js';
export { campaignNames } from './campaigns.js';
export { indicatorScoresAt, type IndicatorFigure, type UnitIndicatorScore } from './scores.js';
export { registerReportSections, type ReportSection, type SectionContext } from './sections.js';
/** Months whose report deadline has passed in every campaign (what other modules settle as overdue). */
export { monthsPastDeadline } from './repo.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    report: number;
    dispatch_target: number;
  }
}

/** An object whose one party is its unit, or null when there is no such object. */
async function ofUnit(db: Db, row: { unitId: number } | undefined): Promise<ResolvedTarget | null> {
  const path = row ? await units.pathOf(db, row.unitId) : null;
  return path === null ? null : { parties: { unit: [path] } };
}

/** A monthly report as an access target: its unit; hidden (404) from who may not read that unit's targets. */
export const reportTarget = defineTarget({
  kind: 'report',
  noun: '报表',
  visibleWith: ['target.read'],
  resolve: async (db, id) => ofUnit(db, await getReport(db, id)),
});

/** A unit's target (目标) as an access target: its unit. Target ids are no secret: a refusal is a 403. */
export const dispatchTargetTarget = defineTarget({
  kind: 'dispatch_target',
  noun: '目标',
  resolve: async (db, id) => ofUnit(db, await getTarget(db, id)),
});

export const accessTargets = [reportTarget, dispatchTargetTarget];
