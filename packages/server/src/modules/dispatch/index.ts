/**
 * The dispatch module's face (一月一调度): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import type { Db } from '../../db/client.js';
import { defineTarget, type ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { getIndicator, getReport, getTarget, periodCampaign } from './repo.js';
import { campaignOffice, campaignRecords } from './records.js';

export { dispatchRoutes } from './routes.js';
export { dispatchReminderJob } from './reminders.js';
export { dispatchTodos } from './todos.js';
export { boardSummary, type LightCounts } from './board.js';
export { campaignNames } from './campaigns.js';
/** What waits for a unit head's 报送 (the to-do home). */
export { headTodos, type HeadTodo } from './send.js';
export { campaignRecords } from './records.js';
export { indicatorScoresAt, type IndicatorFigure, type UnitIndicatorScore } from './scores.js';
export { registerReportSections, type ReportSection, type SectionContext } from './sections.js';
/** Months whose report deadline has passed in every campaign (what other modules settle as overdue). */
export { monthsPastDeadline } from './repo.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    report: number;
    dispatch_target: number;
    campaign: number;
  }
}

/**
 * A campaign as an access target: its office's record; the units it sets targets for are its party
 * (their people read it). Hidden (404) from who may read none of it.
 */
export const campaignTarget = defineTarget({
  kind: 'campaign',
  noun: '活动',
  visibleWith: ['target.read', 'campaign.manage', 'indicator.manage'],
  resolve: async (db, id) => {
    const record = (await campaignRecords(db, [id])).get(id);
    return record ? { office: record.officePath, parties: { unit: record.unitPaths } } : null;
  },
});

/** An object of a campaign whose one party is its unit (and whose office is the campaign's), or null when there is none. */
async function ofUnit(
  db: Db,
  row: { unitId: number } | undefined,
  campaignId: number | undefined,
): Promise<ResolvedTarget | null> {
  const path = row ? await units.pathOf(db, row.unitId) : null;
  const office = campaignId === undefined ? null : await campaignOffice(db, campaignId);
  return path === null || office === null ? null : { office, parties: { unit: [path] } };
}

/** A monthly report as an access target: its unit; hidden (404) from who may not read that unit's targets. */
export const reportTarget = defineTarget({
  kind: 'report',
  noun: '报表',
  visibleWith: ['target.read'],
  resolve: async (db, id) => {
    const report = await getReport(db, id);
    return ofUnit(db, report, report && (await periodCampaign(db, report.periodId)));
  },
});

/** A unit's target (目标) as an access target: its unit. Target ids are no secret: a refusal is a 403. */
export const dispatchTargetTarget = defineTarget({
  kind: 'dispatch_target',
  noun: '目标',
  resolve: async (db, id) => {
    const target = await getTarget(db, id);
    return ofUnit(db, target, target && (await getIndicator(db, target.indicatorId))?.campaignId);
  },
});

export const accessTargets = [reportTarget, dispatchTargetTarget, campaignTarget];
