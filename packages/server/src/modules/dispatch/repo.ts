import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  campaigns,
  categories,
  dispatchPeriods,
  indicatorAssignments,
  indicators,
  reportValues,
  reportVersions,
  reports,
  targets,
} from '../../db/schema/index.js';
import * as units from '../units/index.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type PeriodRow = typeof dispatchPeriods.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ValueRow = typeof reportValues.$inferSelect;
export interface UnitRef {
  id: number;
  code: string;
  name: string;
  path: string;
  categoryId: number | null;
  active: boolean;
  sortOrder: number;
}

export async function allUnits(db: Db): Promise<UnitRef[]> {
  return (await units.all(db)).map(({ id, code, name, path, categoryId, active, sortOrder }) => ({
    id,
    code,
    name,
    path,
    categoryId,
    active,
    sortOrder,
  }));
}

export async function allCategories(db: Db) {
  return db
    .select({ id: categories.id, code: categories.code, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.id));
}

export async function getCampaign(db: Db, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function listCampaigns(db: Db): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(asc(campaigns.startYear), asc(campaigns.id));
}

export async function campaignIndicators(db: Db, campaignId: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(eq(indicators.campaignId, campaignId))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
}

export async function assignmentsOf(db: Db, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db.select().from(indicatorAssignments).where(inArray(indicatorAssignments.indicatorId, indicatorIds));
}

export async function yearTargets(db: Db, indicatorIds: number[], year: number, unitId?: number): Promise<TargetRow[]> {
  if (indicatorIds.length === 0) return [];
  const where = and(
    inArray(targets.indicatorId, indicatorIds),
    eq(targets.year, year),
    unitId === undefined ? undefined : eq(targets.unitId, unitId),
  );
  return db.select().from(targets).where(where).orderBy(asc(targets.unitId), asc(targets.indicatorId));
}

export async function yearPeriods(db: Db, campaignId: number, year: number): Promise<PeriodRow[]> {
  return db
    .select()
    .from(dispatchPeriods)
    .where(and(eq(dispatchPeriods.campaignId, campaignId), like(dispatchPeriods.period, `${year}-%`)))
    .orderBy(asc(dispatchPeriods.period));
}

export async function getPeriod(db: Db, campaignId: number, period: string): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(dispatchPeriods)
    .where(and(eq(dispatchPeriods.campaignId, campaignId), eq(dispatchPeriods.period, period)));
  return row;
}

export async function periodReports(db: Db, periodIds: number[], unitId?: number): Promise<ReportRow[]> {
  if (periodIds.length === 0) return [];
  return db
    .select()
    .from(reports)
    .where(and(inArray(reports.periodId, periodIds), unitId === undefined ? undefined : eq(reports.unitId, unitId)));
}

export async function valuesOf(db: Db, reportIds: number[]): Promise<ValueRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(reportValues).where(inArray(reportValues.reportId, reportIds));
}

export async function lockReport(tx: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
  return row;
}

export async function versionsOf(db: Db, reportId: number) {
  return db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(asc(reportVersions.id));
}

/** The unit's path for the access check, or null when there is no such unit. */
export async function unitPath(db: Db, id: number): Promise<string | null> {
  return units.pathOf(db, id);
}

export async function getTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  return row;
}

export async function getIndicator(db: Db, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}
