import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { UnitView } from '@leitai/core';
import type { Db } from '../../db/client.js';
import {
  campaigns,
  dispatchPeriods,
  indicatorAssignments,
  indicators,
  reportValues,
  reportVersions,
  reports,
  targets,
  users,
} from '../../db/schema/index.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type PeriodRow = typeof dispatchPeriods.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ValueRow = typeof reportValues.$inferSelect;
/** A unit as dispatch reads it; the units module owns the table (units.all, units.byIds). */
export type UnitRef = Pick<UnitView, 'id' | 'code' | 'name' | 'path' | 'categoryId' | 'active' | 'sortOrder'>;

export async function getCampaign(db: Db, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/**
 * For campaigns as office records: each campaign's owning office and the units it set targets for (the
 * units it concerns), by campaign id.
 */
export async function campaignOwners(
  db: Db,
  ids?: readonly number[],
): Promise<Map<number, { officeUnitId: number; unitIds: number[] }>> {
  const owner = db.select({ id: campaigns.id, officeUnitId: campaigns.officeUnitId }).from(campaigns);
  const offices =
    ids === undefined ? await owner : ids.length === 0 ? [] : await owner.where(inArray(campaigns.id, [...ids]));
  const found = offices.map((o) => o.id);
  const concerned =
    found.length === 0
      ? []
      : await db
          .selectDistinct({ id: indicators.campaignId, unitId: targets.unitId })
          .from(targets)
          .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
          .where(inArray(indicators.campaignId, found));
  const out = new Map(offices.map((o) => [o.id, { officeUnitId: o.officeUnitId, unitIds: [] as number[] }]));
  for (const c of concerned) out.get(c.id)?.unitIds.push(c.unitId);
  return out;
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

/** The campaign a reporting month belongs to. */
export async function periodCampaign(db: Db, periodId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ campaignId: dispatchPeriods.campaignId })
    .from(dispatchPeriods)
    .where(eq(dispatchPeriods.id, periodId));
  return row?.campaignId;
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

/** The figures of the periods' reports (one unit's, when given): one join, however many reports. */
export async function periodValues(db: Db, periodIds: number[], unitId?: number): Promise<ValueRow[]> {
  if (periodIds.length === 0) return [];
  return db
    .select({
      reportId: reportValues.reportId,
      indicatorId: reportValues.indicatorId,
      value: reportValues.value,
      flag: reportValues.flag,
    })
    .from(reportValues)
    .innerJoin(reports, eq(reports.id, reportValues.reportId))
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

export async function getTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  return row;
}

export async function getIndicator(db: Db, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function getReport(db: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

/** The unit's report for the period, locked until the transaction ends, or undefined when none was started. */
export async function lockReportOf(tx: Db, periodId: number, unitId: number): Promise<ReportRow | undefined> {
  const [existing] = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitId)));
  return existing ? lockReport(tx, existing.id) : undefined;
}

/** Starts a report; undefined when another request started it first. */
export async function insertReport(tx: Db, periodId: number, unitId: number): Promise<ReportRow | undefined> {
  const [row] = await tx.insert(reports).values({ periodId, unitId, version: 0 }).onConflictDoNothing().returning();
  return row;
}

export async function updateReport(
  tx: Db,
  id: number,
  set: Partial<
    Pick<ReportRow, 'state' | 'progress' | 'problems' | 'plans' | 'firstSubmittedOn' | 'returnReason' | 'returnFields'>
  > & {
    version: number;
  },
): Promise<ReportRow> {
  const [row] = await tx
    .update(reports)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(reports.id, id))
    .returning();
  if (!row) throw new Error(`report ${id} vanished under a lock`);
  return row;
}

/** Replaces a report's figures with these, all in one go. */
export async function replaceValues(
  tx: Db,
  reportId: number,
  values: { indicatorId: number; value: string; flag: string | null }[],
): Promise<void> {
  await tx.delete(reportValues).where(eq(reportValues.reportId, reportId));
  if (values.length > 0) await tx.insert(reportValues).values(values.map((v) => ({ reportId, ...v })));
}

export type NewVersion = Omit<typeof reportVersions.$inferInsert, 'id' | 'at'>;
export async function insertVersion(tx: Db, values: NewVersion): Promise<void> {
  await tx.insert(reportVersions).values(values);
}

export async function periodById(db: Db, id: number): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(dispatchPeriods).where(eq(dispatchPeriods.id, id));
  return row;
}

export async function insertPeriod(tx: Db, campaignId: number, period: string, deadline: string): Promise<PeriodRow> {
  const [row] = await tx.insert(dispatchPeriods).values({ campaignId, period, deadline }).returning();
  return row!;
}

export async function updatePeriod(
  tx: Db,
  id: number,
  set: Partial<Pick<PeriodRow, 'open' | 'deadline' | 'reopenCount'>>,
): Promise<PeriodRow> {
  const [row] = await tx.update(dispatchPeriods).set(set).where(eq(dispatchPeriods.id, id)).returning();
  return row!;
}

/** Months whose deadline has passed in every campaign that has them, from `since` on. */
export async function monthsPastDeadline(db: Db, today: string, since: string): Promise<string[]> {
  const rows = await db
    .select({ period: dispatchPeriods.period })
    .from(dispatchPeriods)
    .where(sql`${dispatchPeriods.period} >= ${since}`)
    .groupBy(dispatchPeriods.period)
    .having(sql`max(${dispatchPeriods.deadline}) < ${today}`);
  return rows.map((r) => r.period).sort();
}

export async function openPeriods(db: Db): Promise<PeriodRow[]> {
  return db.select().from(dispatchPeriods).where(eq(dispatchPeriods.open, true));
}

/** The targets of a year for these indicators, locked for a bulk change. */
export async function lockYearTargets(tx: Db, year: number, indicatorIds: number[]): Promise<TargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return tx
    .select()
    .from(targets)
    .where(and(eq(targets.year, year), inArray(targets.indicatorId, indicatorIds)))
    .for('update');
}

/** A unit's targets of a year not yet confirmed, locked. */
export async function lockUnconfirmedTargets(
  tx: Db,
  unitId: number,
  year: number,
  indicatorIds: number[],
): Promise<TargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return tx
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.unitId, unitId),
        eq(targets.year, year),
        inArray(targets.indicatorId, indicatorIds),
        isNull(targets.confirmedAt),
      ),
    )
    .for('update');
}

export async function lockTarget(tx: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await tx.select().from(targets).where(eq(targets.id, id)).for('update');
  return row;
}

export type TargetValues = Pick<TargetRow, 'base' | 'stretch' | 'fromPeriod'>;
export async function insertTarget(
  tx: Db,
  t: TargetValues & Pick<TargetRow, 'indicatorId' | 'unitId' | 'year'>,
): Promise<void> {
  await tx.insert(targets).values({ ...t, updatedAt: new Date() });
}

export async function updateTarget(
  tx: Db,
  id: number,
  set: Partial<TargetValues & Pick<TargetRow, 'pendingChange'>>,
  touch = true,
): Promise<void> {
  await tx
    .update(targets)
    .set(touch ? { ...set, updatedAt: new Date() } : set)
    .where(eq(targets.id, id));
}

export async function confirmTargetRows(tx: Db, ids: number[], userId: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(targets).set({ confirmedAt: new Date(), confirmedBy: userId }).where(inArray(targets.id, ids));
}

export type CampaignValues = Omit<typeof campaigns.$inferInsert, 'id' | 'createdAt'>;
export async function insertCampaign(tx: Db, values: CampaignValues): Promise<CampaignRow> {
  const [row] = await tx.insert(campaigns).values(values).returning();
  return row!;
}

/** Campaign names by id (an arena names its campaign). */
export async function campaignNamesOf(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(inArray(campaigns.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type IndicatorValues = Omit<typeof indicators.$inferInsert, 'id'>;
export async function insertIndicator(tx: Db, values: IndicatorValues): Promise<IndicatorRow> {
  const [row] = await tx.insert(indicators).values(values).returning();
  return row!;
}

export async function lockIndicator(tx: Db, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update');
  return row;
}

export async function updateIndicator(
  tx: Db,
  id: number,
  set: Partial<Omit<IndicatorValues, 'campaignId'>>,
): Promise<void> {
  await tx.update(indicators).set(set).where(eq(indicators.id, id));
}

export type AssignmentRow = typeof indicatorAssignments.$inferSelect;
export async function replaceAssignments(
  tx: Db,
  indicatorId: number,
  rows: Omit<AssignmentRow, 'id' | 'indicatorId'>[],
  clear = true,
): Promise<void> {
  if (clear) await tx.delete(indicatorAssignments).where(eq(indicatorAssignments.indicatorId, indicatorId));
  if (rows.length > 0) await tx.insert(indicatorAssignments).values(rows.map((r) => ({ indicatorId, ...r })));
}

/** A person's display name (版本留痕, notices), or their id when the account is gone. */
export async function userName(db: Db, userId: number): Promise<string> {
  const [me] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return me?.name ?? String(userId);
}

/** Reports of a unit handed to its head (待负责人报送) in months still open: what waits for the head's 报送. */
export async function handedOffReports(db: Db, unitId: number) {
  return db
    .select({
      reportId: reports.id,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      period: dispatchPeriods.period,
      deadline: dispatchPeriods.deadline,
      unitId: reports.unitId,
      handedOffAt: reports.updatedAt,
    })
    .from(reports)
    .innerJoin(dispatchPeriods, eq(dispatchPeriods.id, reports.periodId))
    .innerJoin(campaigns, eq(campaigns.id, dispatchPeriods.campaignId))
    .where(and(eq(reports.unitId, unitId), eq(reports.state, 'handed_off'), eq(dispatchPeriods.open, true)))
    .orderBy(asc(dispatchPeriods.deadline), asc(reports.id));
}
