import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ArenaSchemeInput, HostState } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { arenaContestants, arenaJudges, arenaRecusals, arenaScores, arenas, units } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';

export interface ArenaRow {
  id: number;
  campaignId: number | null;
  title: string;
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
}

export interface JudgeRow {
  id: number;
  name: string;
  groupId: string;
  unitId: number | null;
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
  title: arenas.title,
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
export async function getArena(db: Db, id: number, lock: boolean | 'share' = false): Promise<ArenaRow> {
  const q = db.select(arenaColumns).from(arenas).where(eq(arenas.id, id));
  const [row] = lock === 'share' ? await q.for('share') : lock ? await q.for('update') : await q;
  if (!row) throw notFound('擂台赛');
  return row;
}

export async function listArenas(db: Db): Promise<ArenaRow[]> {
  return db
    .select(arenaColumns)
    .from(arenas)
    .orderBy(sql`${arenas.heldOn} desc`, sql`${arenas.id} desc`);
}

export async function getArenaByScreenToken(db: Db, token: string): Promise<ArenaRow> {
  const [row] = await db.select(arenaColumns).from(arenas).where(eq(arenas.screenToken, token));
  if (!row) throw notFound('大屏链接');
  return row;
}

export async function contestantsOf(db: Db, arenaId: number): Promise<ContestantRow[]> {
  return db
    .select({
      id: arenaContestants.id,
      unitId: arenaContestants.unitId,
      unitName: units.name,
      unitPath: units.path,
      presenter: arenaContestants.presenter,
    })
    .from(arenaContestants)
    .innerJoin(units, eq(units.id, arenaContestants.unitId))
    .where(eq(arenaContestants.arenaId, arenaId))
    .orderBy(asc(arenaContestants.id));
}

export async function judgesOf(db: Db, arenaId: number): Promise<JudgeRow[]> {
  return db
    .select({
      id: arenaJudges.id,
      name: arenaJudges.name,
      groupId: arenaJudges.groupId,
      unitId: arenaJudges.unitId,
      hasCode: sql<boolean>`${arenaJudges.codeHash} is not null`,
      deviceSeenAt: arenaJudges.deviceSeenAt,
      deviceBound: sql<boolean>`${arenaJudges.deviceHash} is not null`,
    })
    .from(arenaJudges)
    .where(eq(arenaJudges.arenaId, arenaId))
    .orderBy(asc(arenaJudges.id));
}

export async function recusalsOf(db: Db, arenaId: number): Promise<RecusalRow[]> {
  const rows = await db
    .select({
      judgeId: arenaRecusals.judgeId,
      contestantId: arenaRecusals.contestantId,
      kind: arenaRecusals.kind,
      reason: arenaRecusals.reason,
    })
    .from(arenaRecusals)
    .where(eq(arenaRecusals.arenaId, arenaId));
  return rows.map((r) => ({ ...r, kind: r.kind === 'unit' ? 'unit' : 'manual' }));
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
