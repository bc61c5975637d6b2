import { and, asc, count, desc, eq, ilike, inArray, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { IsoDate, LedgerState, UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import {
  enterpriseAssignments,
  enterprises,
  ledgerItems,
  units,
  users,
  visitRequests,
  visits,
} from '../../db/schema/index.js';
import { unitScopeSql } from '../../db/scope.js';
import type { EnterpriseQuery, NewEnterprise, RequestQuery } from './schema.js';

/** All SQL of 万企走访. Rows come out as plain objects the services map to views. */

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type RequestRow = typeof visitRequests.$inferSelect;

/** Enterprises in chunks (a new district's register is hundreds of thousands of rows), in one transaction. */
export async function insertEnterprises(tx: Db, rows: readonly NewEnterprise[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const out = await tx
      .insert(enterprises)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r })))
      .returning({ id: enterprises.id });
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}

export async function existingCreditCodes(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db
      .select({ id: enterprises.id, code: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, codes.slice(i, i + 5000)));
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

/** An enterprise with its street's path (null: no street, only the district-wide office reaches it). */
export async function findEnterprise(
  db: Db,
  id: number,
): Promise<(EnterpriseRow & { streetPath: string | null }) | null> {
  // The street's path decides a leader's scope, so this one join stays in SQL.
  const [row] = await db
    .select({ e: enterprises, streetPath: units.path })
    .from(enterprises)
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(eq(enterprises.id, id));
  return row ? { ...row.e, streetPath: row.streetPath } : null;
}

export const scopeOnStreet = (scope: UnitFilter): SQL =>
  scope.kind === 'all' ? sql`true` : sql`(${unitScopeSql(scope, units.path)})`;

export async function listEnterprises(db: Db, scope: UnitFilter, q: EnterpriseQuery) {
  const where = and(
    scopeOnStreet(scope),
    q.q ? or(ilike(enterprises.name, `%${q.q}%`), ilike(enterprises.creditCode, `%${q.q}%`)) : undefined,
    q.scale ? eq(enterprises.scale, q.scale) : undefined,
  );
  const base = db.select().from(enterprises).leftJoin(units, eq(units.id, enterprises.streetUnitId));
  const [total] = await db
    .select({ n: count() })
    .from(enterprises)
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(where);
  const rows = await base
    .where(where)
    .orderBy(asc(enterprises.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: total?.n ?? 0, rows: rows.map((r) => ({ ...r.enterprises, streetName: r.units?.name ?? null })) };
}

/** Every enterprise with its street's name, for the export. */
export async function allEnterprises(db: Db, scope: UnitFilter) {
  const rows = await db
    .select()
    .from(enterprises)
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(scopeOnStreet(scope))
    .orderBy(asc(enterprises.id));
  return rows.map((r) => ({ ...r.enterprises, streetName: r.units?.name ?? null }));
}

export interface AssignmentRow {
  id: number;
  enterpriseId: number;
  userId: number;
  userName: string;
  role: 'cadre' | 'leader';
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  reason: string;
}

const assignmentColumns = {
  id: enterpriseAssignments.id,
  enterpriseId: enterpriseAssignments.enterpriseId,
  userId: enterpriseAssignments.userId,
  userName: users.displayName,
  role: enterpriseAssignments.role,
  startedOn: enterpriseAssignments.startedOn,
  endedOn: enterpriseAssignments.endedOn,
  reason: enterpriseAssignments.reason,
};

/** Assignments of these enterprises; open ones only unless `history`. */
export async function assignmentsOf(
  db: Db,
  enterpriseIds: readonly number[],
  history = false,
): Promise<AssignmentRow[]> {
  if (enterpriseIds.length === 0) return [];
  return db
    .select(assignmentColumns)
    .from(enterpriseAssignments)
    .innerJoin(users, eq(users.id, enterpriseAssignments.userId))
    .where(
      and(
        inArray(enterpriseAssignments.enterpriseId, [...enterpriseIds]),
        history ? undefined : isNull(enterpriseAssignments.endedOn),
      ),
    )
    .orderBy(asc(enterpriseAssignments.startedOn), asc(enterpriseAssignments.id));
}

/** Ends the open assignments of an enterprise in a role; returns them as they were. */
export async function endAssignments(tx: Db, enterpriseId: number, role: 'cadre' | 'leader', on: IsoDate) {
  return tx
    .update(enterpriseAssignments)
    .set({ endedOn: on })
    .where(
      and(
        eq(enterpriseAssignments.enterpriseId, enterpriseId),
        eq(enterpriseAssignments.role, role),
        isNull(enterpriseAssignments.endedOn),
      ),
    )
    .returning({ id: enterpriseAssignments.id, userId: enterpriseAssignments.userId });
}

export async function insertAssignments(tx: Db, rows: (typeof enterpriseAssignments.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(enterpriseAssignments).values(rows.slice(i, i + 1000));
}

export async function isAssigned(db: Db, enterpriseId: number, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: enterpriseAssignments.id })
    .from(enterpriseAssignments)
    .where(
      and(
        eq(enterpriseAssignments.enterpriseId, enterpriseId),
        eq(enterpriseAssignments.userId, userId),
        isNull(enterpriseAssignments.endedOn),
      ),
    );
  return row !== undefined;
}

export const assignedUserIds = async (db: Db, enterpriseId: number): Promise<number[]> =>
  (await assignmentsOf(db, [enterpriseId])).map((a) => a.userId);

/** The enterprises assigned to a person now, with the last visit anyone made. */
export async function enterprisesOf(db: Db, userId: number) {
  const last = db
    .select({ enterpriseId: visits.enterpriseId, lastVisit: max(visits.visitedOn).as('last_visit') })
    .from(visits)
    .groupBy(visits.enterpriseId)
    .as('last');
  const rows = await db
    .select({ e: enterprises, role: enterpriseAssignments.role, lastVisit: last.lastVisit, streetName: units.name })
    .from(enterpriseAssignments)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseAssignments.enterpriseId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .leftJoin(last, eq(last.enterpriseId, enterprises.id))
    .where(and(eq(enterpriseAssignments.userId, userId), isNull(enterpriseAssignments.endedOn)))
    .orderBy(sql`${last.lastVisit} asc nulls first`, asc(enterprises.id));
  return rows.map((r) => ({ ...r.e, role: r.role, lastVisit: r.lastVisit, streetName: r.streetName }));
}

export async function insertVisit(tx: Db, values: typeof visits.$inferInsert) {
  const [row] = await tx.insert(visits).values(values).returning();
  return row!;
}

export async function insertRequests(tx: Db, values: (typeof visitRequests.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(visitRequests).values(values).returning();
}

/** A person's own visits, newest first, with the enterprise's name and how many 诉求 each raised. */
export async function visitsBy(db: Db, userId: number, limit: number) {
  return db
    .select({
      id: visits.id,
      enterpriseId: visits.enterpriseId,
      enterpriseName: enterprises.name,
      visitedOn: visits.visitedOn,
      forms: visits.forms,
      purposes: visits.purposes,
      notes: visits.notes,
      requests: sql<number>`(select count(*)::int from ${visitRequests} where ${visitRequests.visitId} = ${visits.id})`,
    })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .where(eq(visits.visitorId, userId))
    .orderBy(desc(visits.visitedOn), desc(visits.id))
    .limit(limit);
}

export async function visitsOfEnterprise(db: Db, enterpriseId: number) {
  return db
    .select({
      id: visits.id,
      visitedOn: visits.visitedOn,
      visitorName: users.displayName,
      companions: visits.companions,
      forms: visits.forms,
      purposes: visits.purposes,
      notes: visits.notes,
    })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.visitorId))
    .where(eq(visits.enterpriseId, enterpriseId))
    .orderBy(desc(visits.visitedOn), desc(visits.id));
}

/**
 * 诉求 with their enterprise, who raised them and their ledger item's state, lead unit and deadline. The
 * ledger's table is read here, never written: a 诉求's stage follows its item, and lists filter on it.
 */
const requestColumns = {
  r: visitRequests,
  enterpriseName: enterprises.name,
  raisedByName: users.displayName,
  ledgerState: sql<LedgerState | null>`${ledgerItems.state}`,
  deadline: sql<IsoDate | null>`${ledgerItems.deadline}`,
  leadUnitId: sql<number | null>`${ledgerItems.leadUnitId}`,
  closedOn: sql<IsoDate | null>`${ledgerItems.closedOn}`,
};

const requestBase = (db: Db) =>
  db
    .select(requestColumns)
    .from(visitRequests)
    .innerJoin(enterprises, eq(enterprises.id, visitRequests.enterpriseId))
    .leftJoin(users, eq(users.id, visitRequests.raisedBy))
    .leftJoin(ledgerItems, eq(ledgerItems.id, visitRequests.ledgerItemId));

export type RequestListRow = Awaited<ReturnType<typeof findRequestRows>>[number];

const STAGE_SQL: Record<string, SQL> = {
  registered: sql`${visitRequests.ledgerItemId} is null`,
  dispatched: sql`${ledgerItems.state} = 'assigned'`,
  handling: sql`${ledgerItems.state} in ('acknowledged','in_progress')`,
  answered: sql`(${ledgerItems.state} = 'close_requested' or (${ledgerItems.state} = 'closed' and ${visitRequests.rating} is null))`,
  rated: sql`${ledgerItems.state} = 'closed' and ${visitRequests.rating} is not null`,
  called_back: sql`false`,
};

export async function listRequests(db: Db, scope: UnitFilter, q: RequestQuery) {
  const where = and(
    scopeOnStreet(scope),
    isNull(visitRequests.mergedIntoId),
    q.stage ? STAGE_SQL[q.stage] : undefined,
    q.q ? or(ilike(enterprises.name, `%${q.q}%`), ilike(visitRequests.content, `%${q.q}%`)) : undefined,
  );
  const withStreet = (db2: ReturnType<typeof requestBase>) =>
    db2.leftJoin(units, eq(units.id, enterprises.streetUnitId));
  const [total] = await db
    .select({ n: count() })
    .from(visitRequests)
    .innerJoin(enterprises, eq(enterprises.id, visitRequests.enterpriseId))
    .leftJoin(ledgerItems, eq(ledgerItems.id, visitRequests.ledgerItemId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(where);
  const rows = await withStreet(requestBase(db))
    .where(where)
    .orderBy(desc(visitRequests.raisedOn), desc(visitRequests.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: total?.n ?? 0, rows };
}

export async function findRequestRows(db: Db, where: SQL) {
  return requestBase(db).where(where).orderBy(asc(visitRequests.raisedOn), asc(visitRequests.id));
}

export async function lockRequest(tx: Db, id: number): Promise<RequestRow | null> {
  const [row] = await tx.select().from(visitRequests).where(eq(visitRequests.id, id)).for('update');
  return row ?? null;
}

export async function updateRequest(tx: Db, id: number, set: Partial<typeof visitRequests.$inferInsert>) {
  const [row] = await tx.update(visitRequests).set(set).where(eq(visitRequests.id, id)).returning();
  return row!;
}

/** Move the requests merged into `from` along to `to` (a merge of a merge keeps every source on the survivor). */
export async function repointMerged(tx: Db, from: number, to: number): Promise<void> {
  await tx.update(visitRequests).set({ mergedIntoId: to }).where(eq(visitRequests.mergedIntoId, from));
}

export async function requestByCode(db: Db, code: string) {
  const [row] = await requestBase(db).where(eq(visitRequests.rateCode, code));
  return row ?? null;
}

/** Coverage facts: each open cadre assignment with its enterprise's dimensions and last visit. */
export async function coverageFacts(db: Db, scope: UnitFilter) {
  const last = db
    .select({ enterpriseId: visits.enterpriseId, lastVisit: max(visits.visitedOn).as('last_visit') })
    .from(visits)
    .groupBy(visits.enterpriseId)
    .as('last');
  return db
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      industry: enterprises.industry,
      scale: enterprises.scale,
      streetName: units.name,
      userId: enterpriseAssignments.userId,
      userName: users.displayName,
      lastVisit: last.lastVisit,
    })
    .from(enterpriseAssignments)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseAssignments.enterpriseId))
    .innerJoin(users, eq(users.id, enterpriseAssignments.userId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .leftJoin(last, eq(last.enterpriseId, enterprises.id))
    .where(and(isNull(enterpriseAssignments.endedOn), eq(enterpriseAssignments.role, 'cadre'), scopeOnStreet(scope)));
}

/** Visits and 诉求 per month of a year. */
export async function monthly(db: Db, scope: UnitFilter, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const v = await db
    .select({ month: sql<string>`to_char(${visits.visitedOn}, 'YYYY-MM')`, n: count() })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(and(scopeOnStreet(scope), sql`${visits.visitedOn} between ${from} and ${to}`))
    .groupBy(sql`1`);
  const r = await db
    .select({ month: sql<string>`to_char(${visitRequests.raisedOn}, 'YYYY-MM')`, n: count() })
    .from(visitRequests)
    .innerJoin(enterprises, eq(enterprises.id, visitRequests.enterpriseId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(and(scopeOnStreet(scope), sql`${visitRequests.raisedOn} between ${from} and ${to}`))
    .groupBy(sql`1`);
  return { visits: v, requests: r };
}

/** Dispatched 诉求 (not merged away) per lead unit: how many, how many closed. */
export async function solvedByUnit(db: Db, scope: UnitFilter) {
  const lead = sql<number>`${ledgerItems.leadUnitId}`;
  return db
    .select({
      unitId: lead,
      dispatched: count(),
      solved: sql<number>`count(*) filter (where ${ledgerItems.state} = 'closed')::int`,
    })
    .from(visitRequests)
    .innerJoin(ledgerItems, eq(ledgerItems.id, visitRequests.ledgerItemId))
    .innerJoin(enterprises, eq(enterprises.id, visitRequests.enterpriseId))
    .leftJoin(units, eq(units.id, enterprises.streetUnitId))
    .where(and(isNull(visitRequests.mergedIntoId), scopeOnStreet(scope)))
    .groupBy(lead);
}
