import { and, asc, desc, eq, inArray, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CardReason, Milestone, ProjectCard, ProjectPlan, UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import {
  projectCards,
  projectInterviews,
  projectMilestones,
  projectMonths,
  projectPlanChanges,
  projectPlans,
  projects,
  projectStamp,
  projectSteps,
  units,
  users,
} from '../../db/schema/index.js';

export type ProjectRow = typeof projects.$inferSelect;
export type PlanRow = typeof projectPlans.$inferSelect;
export type ChangeRow = typeof projectPlanChanges.$inferSelect;
export type MonthRow = typeof projectMonths.$inferSelect;
export type CardRow = typeof projectCards.$inferSelect;
export type InterviewRow = typeof projectInterviews.$inferSelect;
export type StepRow = typeof projectSteps.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

export interface ProjectFilter {
  scope: UnitFilter;
  /** Projects this account is 包保领导 or 分管副职 of, whatever its unit scope. */
  viewerId: number;
  unitId?: number | undefined;
  leaderId?: number | undefined;
  kind?: string | undefined;
  q?: string | undefined;
}

/**
 * "Within the actor's scope, or his own": the units table is the units module's; the subquery reads it
 * here because the list is filtered in SQL by its units' paths.
 */
function visible(f: ProjectFilter): SQL {
  const own = or(eq(projects.leaderId, f.viewerId), eq(projects.deputyLeaderId, f.viewerId))!;
  if (f.scope.kind === 'all') return sql`true`;
  if (f.scope.kind === 'none') return own;
  const tests = [
    ...f.scope.exact.map((p) => sql`u.path = ${p}`),
    ...f.scope.paths.map((p) => sql`u.path LIKE ${`${p}%`}`),
  ];
  return or(
    own,
    sql`EXISTS (SELECT 1 FROM ${units} u WHERE (u.id = ${projects.unitId} OR u.id = ANY(${projects.coUnitIds})) AND (${sql.join(tests, sql` OR `)}))`,
  )!;
}

/**
 * `column = ANY('{…}'::int[])`: one parameter however many projects, where `inArray` sends one each (2,000
 * projects made the portfolio views' queries twice as slow to plan and send).
 */
function anyOf(column: AnyColumn, ids: number[]): SQL {
  return sql`${column} = ANY(${`{${ids.join(',')}}`}::int[])`;
}

export async function listProjects(db: Db, f: ProjectFilter): Promise<ProjectRow[]> {
  const where: SQL[] = [visible(f)];
  if (f.unitId !== undefined) where.push(eq(projects.unitId, f.unitId));
  if (f.leaderId !== undefined) where.push(eq(projects.leaderId, f.leaderId));
  if (f.kind !== undefined) where.push(eq(projects.kind, f.kind as ProjectRow['kind']));
  if (f.q) where.push(or(like(projects.name, `%${f.q}%`), like(projects.code, `%${f.q}%`))!);
  return db
    .select()
    .from(projects)
    .where(and(...where))
    .orderBy(asc(projects.code));
}

/** The whole register, in code order: the portfolio views keep it in memory and filter it per viewer. */
export async function allProjects(db: Db): Promise<ProjectRow[]> {
  return db.select().from(projects).orderBy(asc(projects.code));
}

/** The counter every write to the portfolio's tables bumps (migration 0017). */
export async function portfolioStamp(db: Db): Promise<number> {
  const [row] = await db.select({ n: projectStamp.n }).from(projectStamp).where(eq(projectStamp.id, 1));
  return row?.n ?? 0;
}

export async function projectsOfUnit(db: Db, unitId: number): Promise<ProjectRow[]> {
  return db.select().from(projects).where(eq(projects.unitId, unitId)).orderBy(asc(projects.code));
}

/** Projects with a plan for the period's year and no settled card for the period yet. */
export async function projectsWithoutCard(db: Db, period: string): Promise<ProjectRow[]> {
  const year = Number(period.slice(0, 4));
  return db
    .select()
    .from(projects)
    .where(
      and(
        sql`EXISTS (SELECT 1 FROM ${projectPlans} pp WHERE pp.project_id = ${projects.id} AND pp.year = ${year})`,
        sql`NOT EXISTS (SELECT 1 FROM ${projectCards} pc WHERE pc.project_id = ${projects.id} AND pc.period = ${period})`,
      ),
    )
    .orderBy(asc(projects.id));
}

export async function getProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function lockProject(tx: Db, id: number): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  return row;
}

export async function codesTaken(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: projects.code }).from(projects).where(inArray(projects.code, codes));
  return new Set(rows.map((r) => r.code));
}

export async function insertProjects(tx: Db, rows: (typeof projects.$inferInsert)[]): Promise<ProjectRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(projects).values(rows).returning();
}

export async function updateProject(
  tx: Db,
  row: ProjectRow,
  set: Partial<typeof projects.$inferInsert>,
): Promise<ProjectRow> {
  const [out] = await tx
    .update(projects)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
    .returning();
  if (!out) throw new Error(`project ${row.id} changed under a lock`);
  return out;
}

export async function insertPlans(tx: Db, rows: (typeof projectPlans.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(projectPlans).values(rows);
}

/** Every plan version of the projects for a year, oldest first. */
export async function plansOf(db: Db, ids: number[], year: number): Promise<Map<number, PlanRow[]>> {
  const out = new Map<number, PlanRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(projectPlans)
    .where(and(anyOf(projectPlans.projectId, ids), eq(projectPlans.year, year)))
    .orderBy(asc(projectPlans.projectId), asc(projectPlans.version));
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r]);
  return out;
}

export async function milestonesOf(db: Db, ids: number[]): Promise<Map<number, Map<Milestone, string>>> {
  const out = new Map<number, Map<Milestone, string>>();
  if (ids.length === 0) return out;
  const rows = await db.select().from(projectMilestones).where(anyOf(projectMilestones.projectId, ids));
  for (const r of rows) {
    const m = out.get(r.projectId) ?? new Map<Milestone, string>();
    m.set(r.milestone, r.reachedOn);
    out.set(r.projectId, m);
  }
  return out;
}

export async function upsertMilestone(tx: Db, row: typeof projectMilestones.$inferInsert): Promise<void> {
  await tx
    .insert(projectMilestones)
    .values(row)
    .onConflictDoUpdate({
      target: [projectMilestones.projectId, projectMilestones.milestone],
      set: { reachedOn: row.reachedOn, recordedBy: row.recordedBy },
    });
}

/** The months of a year (periods "YYYY-MM" of it) for the projects. */
export async function monthsOf(db: Db, ids: number[], year: number): Promise<Map<number, MonthRow[]>> {
  const out = new Map<number, MonthRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(projectMonths)
    .where(and(inArray(projectMonths.projectId, ids), like(projectMonths.period, `${year}-%`)))
    .orderBy(asc(projectMonths.period));
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r]);
  return out;
}

/** A month's investment as the register, the map and the dashboard read it (the problem text stays behind). */
export type MonthFigure = Pick<MonthRow, 'period' | 'investment'>;
/** A settled card as those views read it: `reasons` only for the month they judge, empty for the others. */
export type CardFigure = Pick<CardRow, 'period' | 'card' | 'reasons'>;

/**
 * The months of a year for the projects, one aggregated row a project (the portfolio views read 2,000
 * projects × 12 months: one row each costs four times as much to fetch and parse).
 */
export async function monthFiguresOf(db: Db, ids: number[], year: number): Promise<Map<number, MonthFigure[]>> {
  const out = new Map<number, MonthFigure[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      projectId: projectMonths.projectId,
      list: sql<string>`string_agg(${projectMonths.period} || '=' || ${projectMonths.investment}::text, ',' ORDER BY ${projectMonths.period})`,
    })
    .from(projectMonths)
    .where(and(anyOf(projectMonths.projectId, ids), like(projectMonths.period, `${year}-%`)))
    .groupBy(projectMonths.projectId);
  for (const r of rows)
    out.set(
      r.projectId,
      r.list.split(',').map((pair) => {
        const [period, investment] = pair.split('=') as [string, string];
        return { period, investment };
      }),
    );
  return out;
}

/** The settled cards of a year, one aggregated row a project, with the reasons of `judged` ("2026-06") only. */
export async function cardFiguresOf(
  db: Db,
  ids: number[],
  year: number,
  judged: string | null,
): Promise<Map<number, CardFigure[]>> {
  const out = new Map<number, CardFigure[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      projectId: projectCards.projectId,
      list: sql<string>`string_agg(${projectCards.period} || '=' || ${projectCards.card}, ',' ORDER BY ${projectCards.period})`,
      reasons: sql<
        CardReason[] | null
      >`(array_agg(${projectCards.reasons}) FILTER (WHERE ${projectCards.period} = ${judged ?? ''}))[1]`,
    })
    .from(projectCards)
    .where(and(anyOf(projectCards.projectId, ids), like(projectCards.period, `${year}-%`)))
    .groupBy(projectCards.projectId);
  for (const r of rows)
    out.set(
      r.projectId,
      r.list.split(',').map((pair) => {
        const [period, card] = pair.split('=') as [string, ProjectCard];
        return { period, card, reasons: period === judged ? (r.reasons ?? []) : [] };
      }),
    );
  return out;
}

export async function upsertMonth(tx: Db, row: typeof projectMonths.$inferInsert): Promise<void> {
  await tx
    .insert(projectMonths)
    .values(row)
    .onConflictDoUpdate({
      target: [projectMonths.projectId, projectMonths.period],
      set: { investment: row.investment, problem: row.problem, reportedBy: row.reportedBy, reportedAt: new Date() },
    });
}

export async function cardsOf(db: Db, ids: number[], year: number): Promise<Map<number, CardRow[]>> {
  const out = new Map<number, CardRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(projectCards)
    .where(and(inArray(projectCards.projectId, ids), like(projectCards.period, `${year}-%`)))
    .orderBy(asc(projectCards.period));
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r]);
  return out;
}

/** Settles a month's card once: a later settlement of the same month changes nothing. */
export async function insertCard(tx: Db, row: typeof projectCards.$inferInsert): Promise<boolean> {
  const out = await tx.insert(projectCards).values(row).onConflictDoNothing().returning({ p: projectCards.projectId });
  return out.length > 0;
}

export async function interviewsOf(db: Db, ids: number[]): Promise<InterviewRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(projectInterviews)
    .where(inArray(projectInterviews.projectId, ids))
    .orderBy(desc(projectInterviews.period));
}

/** The interviews the ladder opened for one month ("2026-06") of the projects, in the order they were opened. */
export async function interviewsOfPeriod(db: Db, ids: number[], period: string): Promise<InterviewRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(projectInterviews)
    .where(and(anyOf(projectInterviews.projectId, ids), eq(projectInterviews.period, period)))
    .orderBy(asc(projectInterviews.id));
}

export async function insertInterview(
  tx: Db,
  row: typeof projectInterviews.$inferInsert,
): Promise<InterviewRow | null> {
  const [out] = await tx.insert(projectInterviews).values(row).onConflictDoNothing().returning();
  return out ?? null;
}

export async function interviewOfMonth(db: Db, projectId: number, period: string): Promise<InterviewRow | undefined> {
  const [row] = await db
    .select()
    .from(projectInterviews)
    .where(and(eq(projectInterviews.projectId, projectId), eq(projectInterviews.period, period)));
  return row;
}

export async function lockInterview(tx: Db, id: number): Promise<InterviewRow | undefined> {
  const [row] = await tx.select().from(projectInterviews).where(eq(projectInterviews.id, id)).for('update');
  return row;
}

export async function getInterview(db: Db, id: number): Promise<InterviewRow | undefined> {
  const [row] = await db.select().from(projectInterviews).where(eq(projectInterviews.id, id));
  return row;
}

export async function recordInterview(
  tx: Db,
  id: number,
  set: { heldOn: string; record: string; recordedBy: number },
): Promise<void> {
  await tx.update(projectInterviews).set(set).where(eq(projectInterviews.id, id));
}

export async function changesOf(db: Db, ids: number[]): Promise<ChangeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(projectPlanChanges)
    .where(inArray(projectPlanChanges.projectId, ids))
    .orderBy(desc(projectPlanChanges.id));
}

export async function insertChange(tx: Db, row: typeof projectPlanChanges.$inferInsert): Promise<ChangeRow> {
  const [out] = await tx.insert(projectPlanChanges).values(row).returning();
  return out!;
}

export async function lockChange(tx: Db, id: number): Promise<ChangeRow | undefined> {
  const [row] = await tx.select().from(projectPlanChanges).where(eq(projectPlanChanges.id, id)).for('update');
  return row;
}

export async function getChange(db: Db, id: number): Promise<ChangeRow | undefined> {
  const [row] = await db.select().from(projectPlanChanges).where(eq(projectPlanChanges.id, id));
  return row;
}

export async function decideChange(
  tx: Db,
  id: number,
  set: Pick<ChangeRow, 'state' | 'decidedBy' | 'decision'>,
): Promise<void> {
  await tx
    .update(projectPlanChanges)
    .set({ ...set, decidedAt: new Date() })
    .where(eq(projectPlanChanges.id, id));
}

export async function stepsOf(db: Db, ids: number[]): Promise<Map<number, StepRow[]>> {
  const out = new Map<number, StepRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(projectSteps)
    .where(anyOf(projectSteps.projectId, ids))
    .orderBy(asc(projectSteps.projectId), asc(projectSteps.milestone), asc(projectSteps.seq));
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r]);
  return out;
}

export async function replaceSteps(
  tx: Db,
  projectId: number,
  milestone: Milestone,
  rows: { title: string; workingDays: number; deadline: string }[],
): Promise<void> {
  await tx
    .delete(projectSteps)
    .where(and(eq(projectSteps.projectId, projectId), eq(projectSteps.milestone, milestone)));
  if (rows.length > 0)
    await tx.insert(projectSteps).values(rows.map((r, seq) => ({ ...r, projectId, milestone, seq })));
}

/** Active leader accounts (包保领导, 分管副职), by id. */
export async function leaderAccounts(db: Db): Promise<Map<number, { id: number; name: string; username: string }>> {
  const rows = await db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(and(eq(users.active, true), sql`'leader' = ANY(${users.roles})`))
    .orderBy(asc(users.id));
  return new Map(rows.map((r) => [r.id, r]));
}

export type { ProjectPlan };
