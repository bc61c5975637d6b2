import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ArenaKind, ArenaSchemeInput, ContestantKind, HostState, RecordFilter } from '@leitai/core';
import { recordScopeSql } from '../../db/scope.js';
import type { Db } from '../../db/client.js';
import {
  arenaCommitments,
  arenaContestants,
  arenaJudges,
  arenaRecusals,
  arenaScores,
  arenas,
} from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import * as units from '../units/index.js';

export interface ArenaRow {
  id: number;
  campaignId: number | null;
  /** The office (考核办) that owns it. */
  officeUnitId: number;
  title: string;
  kind: ArenaKind | null;
  heldOn: string;
  scheme: ArenaSchemeInput;
  speakingSeconds: number;
  seed: string | null;
  state: HostState;
  version: number;
  screenToken: string;
  finishedAt: Date | null;
}

export interface ContestantRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  presenter: string;
  kind: ContestantKind;
  cadreId: number | null;
}

export interface JudgeRow {
  id: number;
  name: string;
  groupId: string;
  unitId: number | null;
  userId: number | null;
  hasCode: boolean;
  deviceSeenAt: Date | null;
  deviceBound: boolean;
}

export interface ScoreRow {
  id: number;
  judgeId: number;
  contestantId: number;
  criteria: Record<string, string>;
  total: string;
  reason: string | null;
  updatedAt: Date;
}

export interface RecusalRow {
  judgeId: number;
  contestantId: number;
  kind: 'unit' | 'manual';
  reason: string;
}

const arenaColumns = {
  id: arenas.id,
  campaignId: arenas.campaignId,
  officeUnitId: arenas.officeUnitId,
  title: arenas.title,
  kind: arenas.kind,
  heldOn: arenas.heldOn,
  scheme: arenas.scheme,
  speakingSeconds: arenas.speakingSeconds,
  seed: arenas.seed,
  state: arenas.state,
  version: arenas.version,
  screenToken: arenas.screenToken,
  finishedAt: arenas.finishedAt,
};

/**
 * The arena row. `lock`: 'update' makes host actions apply one after another; 'share' lets judges submit
 * side by side, but never across a host action (closing scoring waits for submissions in flight).
 */
export async function findArena(db: Db, id: number, lock: boolean | 'share' = false): Promise<ArenaRow | undefined> {
  const q = db.select(arenaColumns).from(arenas).where(eq(arenas.id, id));
  const [row] = lock === 'share' ? await q.for('share') : lock ? await q.for('update') : await q;
  return row;
}

export async function getArena(db: Db, id: number, lock: boolean | 'share' = false): Promise<ArenaRow> {
  const row = await findArena(db, id, lock);
  if (!row) throw notFound('擂台赛');
  return row;
}

/** The arenas a record filter from core reaches (their owning office's; arenas concern no unit party here). */
export async function listArenas(db: Db, scope: RecordFilter): Promise<ArenaRow[]> {
  return db
    .select(arenaColumns)
    .from(arenas)
    .where(recordScopeSql(scope, arenas.officeUnitId, []))
    .orderBy(sql`${arenas.heldOn} desc`, sql`${arenas.id} desc`);
}

export async function getArenaByScreenToken(db: Db, token: string): Promise<ArenaRow> {
  const [row] = await db.select(arenaColumns).from(arenas).where(eq(arenas.screenToken, token));
  if (!row) throw notFound('大屏链接');
  return row;
}

/** The contestants in set-up order, with their units' names and paths (the units module's). */
export async function contestantsOf(db: Db, arenaId: number): Promise<ContestantRow[]> {
  const rows = await db
    .select({
      id: arenaContestants.id,
      unitId: arenaContestants.unitId,
      presenter: arenaContestants.presenter,
      kind: arenaContestants.kind,
      cadreId: arenaContestants.cadreId,
    })
    .from(arenaContestants)
    .where(eq(arenaContestants.arenaId, arenaId))
    .orderBy(asc(arenaContestants.id));
  const unitById = await units.byIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => ({
    ...r,
    unitName: unitById.get(r.unitId)?.name ?? '',
    unitPath: unitById.get(r.unitId)?.path ?? '#',
  }));
}

export async function judgesOf(db: Db, arenaId: number): Promise<JudgeRow[]> {
  return db
    .select({
      id: arenaJudges.id,
      name: arenaJudges.name,
      groupId: arenaJudges.groupId,
      unitId: arenaJudges.unitId,
      userId: arenaJudges.userId,
      hasCode: sql<boolean>`${arenaJudges.codeHash} is not null`,
      deviceSeenAt: arenaJudges.deviceSeenAt,
      deviceBound: sql<boolean>`${arenaJudges.deviceHash} is not null`,
    })
    .from(arenaJudges)
    .where(eq(arenaJudges.arenaId, arenaId))
    .orderBy(asc(arenaJudges.id));
}

export async function recusalsOf(db: Db, arenaId: number): Promise<RecusalRow[]> {
  return db
    .select({
      judgeId: arenaRecusals.judgeId,
      contestantId: arenaRecusals.contestantId,
      kind: arenaRecusals.kind,
      reason: arenaRecusals.reason,
    })
    .from(arenaRecusals)
    .where(eq(arenaRecusals.arenaId, arenaId));
}

/** The arena's scores, or only those for the given contestants. */
export async function scoresOf(db: Db, arenaId: number, contestantIds?: readonly number[]): Promise<ScoreRow[]> {
  if (contestantIds?.length === 0) return [];
  return db
    .select({
      id: arenaScores.id,
      judgeId: arenaScores.judgeId,
      contestantId: arenaScores.contestantId,
      criteria: arenaScores.criteria,
      total: arenaScores.total,
      reason: arenaScores.reason,
      updatedAt: arenaScores.updatedAt,
    })
    .from(arenaScores)
    .where(
      contestantIds
        ? and(eq(arenaScores.arenaId, arenaId), inArray(arenaScores.contestantId, [...contestantIds]))
        : eq(arenaScores.arenaId, arenaId),
    )
    .orderBy(asc(arenaScores.id));
}

/**
 * What the engine needs of many arenas at once (the evaluation's arena source): the finished arenas of a
 * campaign held in [from, to], oldest first, and their contestants, judges, recusals and scores, in five
 * queries however many arenas there are.
 */
export async function finishedArenasData(db: Db, campaignId: number, from: string, to: string) {
  const list = await db
    .select(arenaColumns)
    .from(arenas)
    .where(
      and(
        eq(arenas.campaignId, campaignId),
        sql`${arenas.state}->>'status' = 'finished'`,
        sql`${arenas.heldOn} COLLATE "C" BETWEEN ${from} AND ${to}`,
      ),
    )
    .orderBy(asc(arenas.heldOn), asc(arenas.id));
  const ids = list.map((a) => a.id);
  if (ids.length === 0) return { arenas: list, contestants: [], judges: [], recusals: [], scores: [] };
  const [contestants, judges, recusals, scores] = await Promise.all([
    db
      .select({ arenaId: arenaContestants.arenaId, id: arenaContestants.id, unitId: arenaContestants.unitId })
      .from(arenaContestants)
      .where(inArray(arenaContestants.arenaId, ids))
      .orderBy(asc(arenaContestants.id)),
    db
      .select({ arenaId: arenaJudges.arenaId, id: arenaJudges.id, groupId: arenaJudges.groupId })
      .from(arenaJudges)
      .where(inArray(arenaJudges.arenaId, ids))
      .orderBy(asc(arenaJudges.id)),
    db
      .select({
        arenaId: arenaRecusals.arenaId,
        judgeId: arenaRecusals.judgeId,
        contestantId: arenaRecusals.contestantId,
      })
      .from(arenaRecusals)
      .where(inArray(arenaRecusals.arenaId, ids)),
    db
      .select({
        arenaId: arenaScores.arenaId,
        id: arenaScores.id,
        judgeId: arenaScores.judgeId,
        contestantId: arenaScores.contestantId,
        criteria: arenaScores.criteria,
        reason: arenaScores.reason,
      })
      .from(arenaScores)
      .where(inArray(arenaScores.arenaId, ids))
      .orderBy(asc(arenaScores.id)),
  ]);
  return { arenas: list, contestants, judges, recusals, scores };
}

/** Stores a new host state and bumps the version clients compare. */
export async function saveState(
  tx: Db,
  arenaId: number,
  state: HostState,
  extra: { seed?: string; finishedAt?: Date } = {},
): Promise<void> {
  await tx
    .update(arenas)
    .set({ state, version: sql`${arenas.version} + 1`, ...extra })
    .where(eq(arenas.id, arenaId));
}

export async function bumpVersion(tx: Db, arenaId: number): Promise<void> {
  await tx
    .update(arenas)
    .set({ version: sql`${arenas.version} + 1` })
    .where(eq(arenas.id, arenaId));
}

export type NewArena = Omit<typeof arenas.$inferInsert, 'id' | 'version' | 'seed' | 'finishedAt' | 'createdAt'>;

/** Inserts an arena with its contestants and judges; returns their ids (for the automatic recusals). */
export async function insertArena(
  tx: Db,
  arena: NewArena,
  contestants: { unitId: number; presenter: string; kind?: ContestantKind; cadreId?: number | null }[],
  judges: { name: string; groupId: string; unitId: number | null; userId: number | null }[],
): Promise<{
  id: number;
  contestants: { id: number; unitId: number }[];
  judges: { id: number; unitId: number | null }[];
}> {
  const [row] = await tx.insert(arenas).values(arena).returning({ id: arenas.id });
  if (!row) throw new Error('insert returned no row');
  const cs = await tx
    .insert(arenaContestants)
    .values(contestants.map((c) => ({ arenaId: row.id, ...c })))
    .returning({ id: arenaContestants.id, unitId: arenaContestants.unitId });
  const js = await tx
    .insert(arenaJudges)
    .values(judges.map((j) => ({ arenaId: row.id, ...j })))
    .returning({ id: arenaJudges.id, unitId: arenaJudges.unitId });
  return { id: row.id, contestants: cs, judges: js };
}

/** Inserts recusals; returns how many were new (a pair already recused is left as it was). */
export async function insertRecusals(tx: Db, arenaId: number, rows: RecusalRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(arenaRecusals)
    .values(rows.map((r) => ({ arenaId, ...r })))
    .onConflictDoNothing()
    .returning({ judgeId: arenaRecusals.judgeId });
  return inserted.length;
}

/** Whether the judge and the contestant both belong to the arena. */
export async function judgeAndContestantIn(
  db: Db,
  arenaId: number,
  judgeId: number,
  contestantId: number,
): Promise<boolean> {
  const [j] = await db
    .select({ id: arenaJudges.id })
    .from(arenaJudges)
    .where(and(eq(arenaJudges.id, judgeId), eq(arenaJudges.arenaId, arenaId)));
  const [c] = await db
    .select({ id: arenaContestants.id })
    .from(arenaContestants)
    .where(and(eq(arenaContestants.id, contestantId), eq(arenaContestants.arenaId, arenaId)));
  return j !== undefined && c !== undefined;
}

/** A new one-time code for a judge; with `onlyUnbound`, only while no phone holds the judge. Releases the phone. */
export async function setJudgeCode(tx: Db, judgeId: number, codeHash: string, onlyUnbound: boolean): Promise<void> {
  await tx
    .update(arenaJudges)
    .set({ codeHash, deviceHash: null, deviceSeenAt: null })
    .where(
      onlyUnbound ? and(eq(arenaJudges.id, judgeId), isNull(arenaJudges.deviceHash)) : eq(arenaJudges.id, judgeId),
    );
}

export interface JudgeByCode {
  id: number;
  arenaId: number;
  name: string;
  groupId: string;
  deviceHash: string | null;
  deviceSeenAt: Date | null;
  finishedAt: Date | null;
}

/** The judge holding a one-time code, locked (two phones entering one code take turns). */
export async function lockJudgeByCode(tx: Db, codeHash: string): Promise<JudgeByCode | undefined> {
  const [j] = await tx
    .select({
      id: arenaJudges.id,
      arenaId: arenaJudges.arenaId,
      name: arenaJudges.name,
      groupId: arenaJudges.groupId,
      deviceHash: arenaJudges.deviceHash,
      deviceSeenAt: arenaJudges.deviceSeenAt,
      finishedAt: arenas.finishedAt,
    })
    .from(arenaJudges)
    .innerJoin(arenas, eq(arenas.id, arenaJudges.arenaId))
    .where(eq(arenaJudges.codeHash, codeHash))
    .for('update', { of: arenaJudges });
  return j;
}

export async function bindDevice(tx: Db, judgeId: number, deviceHash: string, at: Date): Promise<void> {
  await tx.update(arenaJudges).set({ deviceHash, deviceSeenAt: at }).where(eq(arenaJudges.id, judgeId));
}

export async function markDeviceSeen(db: Db, judgeId: number, at: Date): Promise<void> {
  await db.update(arenaJudges).set({ deviceSeenAt: at }).where(eq(arenaJudges.id, judgeId));
}

/** The judge a signed-in account is at an arena, if it is one. */
export async function judgeByUser(
  db: Db,
  arenaId: number,
  userId: number,
): Promise<{ judgeId: number; arenaId: number; name: string; groupId: string } | undefined> {
  const [j] = await db
    .select({
      judgeId: arenaJudges.id,
      arenaId: arenaJudges.arenaId,
      name: arenaJudges.name,
      groupId: arenaJudges.groupId,
    })
    .from(arenaJudges)
    .where(and(eq(arenaJudges.arenaId, arenaId), eq(arenaJudges.userId, userId)));
  return j;
}

/** Every arena an account judges, with the judge's group and the arena's office and state. */
export async function arenasJudgedBy(
  db: Db,
  userId: number,
): Promise<
  {
    judgeId: number;
    groupId: string;
    arenaId: number;
    title: string;
    heldOn: string;
    officeUnitId: number;
    state: HostState;
  }[]
> {
  return db
    .select({
      judgeId: arenaJudges.id,
      groupId: arenaJudges.groupId,
      arenaId: arenas.id,
      title: arenas.title,
      heldOn: arenas.heldOn,
      officeUnitId: arenas.officeUnitId,
      state: arenas.state,
    })
    .from(arenaJudges)
    .innerJoin(arenas, eq(arenas.id, arenaJudges.arenaId))
    .where(eq(arenaJudges.userId, userId));
}

export async function judgeByDevice(
  db: Db,
  deviceHash: string,
): Promise<{ judgeId: number; arenaId: number; name: string; groupId: string; seen: Date | null } | undefined> {
  const [j] = await db
    .select({
      judgeId: arenaJudges.id,
      arenaId: arenaJudges.arenaId,
      name: arenaJudges.name,
      groupId: arenaJudges.groupId,
      seen: arenaJudges.deviceSeenAt,
    })
    .from(arenaJudges)
    .where(eq(arenaJudges.deviceHash, deviceHash));
  return j;
}

/** A contestant of the arena with this judge's recusal reason and earlier submission, if any; one query. */
export async function contestantForJudge(
  db: Db,
  arenaId: number,
  judgeId: number,
  contestantId: number,
): Promise<
  { id: number; recusal: string | null; criteria: Record<string, string> | null; total: string | null } | undefined
> {
  const [c] = await db
    .select({
      id: arenaContestants.id,
      recusal: arenaRecusals.reason,
      criteria: arenaScores.criteria,
      total: arenaScores.total,
    })
    .from(arenaContestants)
    .leftJoin(
      arenaRecusals,
      and(eq(arenaRecusals.contestantId, arenaContestants.id), eq(arenaRecusals.judgeId, judgeId)),
    )
    .leftJoin(arenaScores, and(eq(arenaScores.contestantId, arenaContestants.id), eq(arenaScores.judgeId, judgeId)))
    .where(and(eq(arenaContestants.id, contestantId), eq(arenaContestants.arenaId, arenaId)));
  return c;
}

/** One row per judge and contestant: a second submission replaces the first. Returns the row's id. */
export async function upsertScore(
  tx: Db,
  s: {
    arenaId: number;
    judgeId: number;
    contestantId: number;
    criteria: Record<string, string>;
    total: string;
    reason: string | null;
  },
): Promise<number | null> {
  const [row] = await tx
    .insert(arenaScores)
    .values(s)
    .onConflictDoUpdate({
      target: [arenaScores.judgeId, arenaScores.contestantId],
      set: { criteria: s.criteria, total: s.total, reason: s.reason, updatedAt: new Date() },
    })
    .returning({ id: arenaScores.id });
  return row?.id ?? null;
}

/** How many contestants each arena has. */
export async function contestantCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .select({ arenaId: arenaContestants.arenaId, n: count() })
    .from(arenaContestants)
    .groupBy(arenaContestants.arenaId);
  return new Map(rows.map((c) => [c.arenaId, c.n]));
}

/** The stages a cadre stood on, as presenter or as the person contestant: contestant and arena, by date. */
export async function appearancesOf(
  db: Db,
  cadreId: number,
): Promise<{ contestantId: number; kind: ContestantKind; unitId: number; arena: ArenaRow }[]> {
  const rows = await db
    .select({
      contestantId: arenaContestants.id,
      kind: arenaContestants.kind,
      unitId: arenaContestants.unitId,
      arena: arenaColumns,
    })
    .from(arenaContestants)
    .innerJoin(arenas, eq(arenas.id, arenaContestants.arenaId))
    .where(eq(arenaContestants.cadreId, cadreId))
    .orderBy(sql`${arenas.heldOn} desc`, sql`${arenas.id} desc`);
  return rows;
}

/** Who made a promise: one row per ledger item a commitment became. */
export async function insertCommitmentSpeaker(
  tx: Db,
  row: { ledgerItemId: number; arenaId: number; contestantId: number },
): Promise<void> {
  await tx.insert(arenaCommitments).values(row);
}

/** The ledger items promised by these contestants, with the contestant that promised each. */
export async function commitmentsByContestants(
  db: Db,
  contestantIds: readonly number[],
): Promise<{ ledgerItemId: number; arenaId: number; contestantId: number }[]> {
  if (contestantIds.length === 0) return [];
  return db
    .select({
      ledgerItemId: arenaCommitments.ledgerItemId,
      arenaId: arenaCommitments.arenaId,
      contestantId: arenaCommitments.contestantId,
    })
    .from(arenaCommitments)
    .where(inArray(arenaCommitments.contestantId, [...contestantIds]))
    .orderBy(asc(arenaCommitments.ledgerItemId));
}
