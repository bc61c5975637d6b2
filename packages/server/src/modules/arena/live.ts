import {
  allowedAbsenceActions,
  appliedRuleStatement,
  allowedHostActions,
  judgeCodesProblem,
  scoreArena,
  ScoringInputError,
  type ArenaContestantResult,
  type ArenaInput,
  type ContestantPhase,
  type LiveSnapshot,
} from '@leitai/core';

export type { LiveSnapshot };
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { arenaTopic } from './setup.js';
import {
  contestantsOf,
  getArena,
  getArenaByScreenToken,
  judgesOf,
  recusalsOf,
  scoresOf,
  type ArenaRow,
  type ContestantRow,
  type JudgeRow,
  type RecusalRow,
  type ScoreRow,
} from './repo.js';

export interface ArenaData {
  arena: ArenaRow;
  contestants: ContestantRow[];
  judges: JudgeRow[];
  recusals: RecusalRow[];
  scores: ScoreRow[];
}

export async function loadArenaData(db: Db, arenaId: number): Promise<ArenaData> {
  const arena = await getArena(db, arenaId);
  const [contestants, judges, recusals, scores] = await Promise.all([
    contestantsOf(db, arenaId),
    judgesOf(db, arenaId),
    recusalsOf(db, arenaId),
    scoresOf(db, arenaId),
  ]);
  return { arena, contestants, judges, recusals, scores };
}

/** What the engine reads of an arena (ArenaData has it all; the evaluation's batch read only this). */
export interface EngineData {
  arena: Pick<ArenaRow, 'scheme' | 'state'>;
  judges: readonly Pick<JudgeRow, 'id' | 'groupId'>[];
  recusals: readonly Pick<RecusalRow, 'judgeId' | 'contestantId'>[];
  scores: readonly Pick<ScoreRow, 'id' | 'judgeId' | 'contestantId' | 'criteria' | 'reason'>[];
}

/** The engine's input for the given contestants (ids as strings, as core speaks). */
export function engineInput(d: EngineData, contestantIds: readonly number[]): ArenaInput {
  const wanted = new Set(contestantIds);
  return {
    scheme: d.arena.scheme,
    judges: d.judges.map((j) => ({ id: String(j.id), groupId: j.groupId })),
    contestants: contestantIds.map((id) => ({ id: String(id) })),
    scores: d.scores
      .filter((s) => wanted.has(s.contestantId))
      .map((s) => ({
        id: String(s.id),
        judgeId: String(s.judgeId),
        contestantId: String(s.contestantId),
        criteria: s.criteria,
        reason: s.reason,
      })),
    recusals: d.recusals
      .filter((r) => wanted.has(r.contestantId))
      .map((r) => ({ judgeId: String(r.judgeId), contestantId: String(r.contestantId) })),
    // 缺席 marked by the host: left out, shown as such, never counted as zero.
    absentJudges: (d.arena.state.absent ?? []).filter((a) => a.contestantId === null).map((a) => a.judgeId),
    absences: (d.arena.state.absent ?? [])
      .filter((a): a is { judgeId: string; contestantId: string } => a.contestantId !== null)
      .filter((a) => wanted.has(Number(a.contestantId))),
  };
}

/** Runs the scoring engine; a rule violation in stored data is reported, never hidden. */
export function runEngine(input: ArenaInput): ArenaContestantResult[] {
  try {
    return scoreArena(input);
  } catch (err) {
    if (err instanceof ScoringInputError)
      throw new AppError('RULE_VIOLATION', `评分数据不符合规则：${err.message}`, { item: err.item });
    throw err;
  }
}

function hostButtons(state: ArenaRow['state'], judges: JudgeRow[]): LiveSnapshot['host'] {
  const { actions, reopen } = allowedHostActions(state);
  const absence = allowedAbsenceActions(
    state,
    judges.map((j) => String(j.id)),
  ).map((a) => ({ ...a, judgeId: Number(a.judgeId) }));
  return { actions, reopen: reopen.map(Number), absence, codes: judgeCodesProblem(state) === null };
}

export function buildSnapshot(d: ArenaData, now = Date.now()): LiveSnapshot {
  const { arena, contestants } = d;
  const state = arena.state;
  const position = new Map(state.order.map((id, i) => [Number(id), i + 1]));
  const revealed = contestants.filter((c) => state.phases[String(c.id)] === 'revealed').map((c) => c.id);
  const results = new Map(runEngine(engineInput(d, revealed)).map((r) => [Number(r.contestantId), r]));
  const phaseOf = (id: number): ContestantPhase => state.phases[String(id)] ?? 'waiting';
  const list = contestants
    .map((c) => {
      const r = results.get(c.id);
      return {
        id: c.id,
        unitName: c.unitName,
        presenter: c.presenter,
        position: position.get(c.id) ?? null,
        phase: phaseOf(c.id),
        score: r?.score ?? null,
        scoreShown: r?.scoreShown ?? null,
        rank: r?.rank ?? null,
      };
    })
    .sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || a.id - b.id);
  let current: LiveSnapshot['current'] = null;
  const cur = contestants.find((c) => String(c.id) === state.current);
  if (cur) {
    const recused = new Set(d.recusals.filter((r) => r.contestantId === cur.id).map((r) => r.judgeId));
    for (const a of state.absent ?? [])
      if (a.contestantId === null || a.contestantId === String(cur.id)) recused.add(Number(a.judgeId));
    const submittedJudgeIds = d.scores
      .filter((s) => s.contestantId === cur.id && !recused.has(s.judgeId))
      .map((s) => s.judgeId);
    current = {
      contestantId: cur.id,
      unitName: cur.unitName,
      presenter: cur.presenter,
      position: position.get(cur.id) ?? 0,
      phase: phaseOf(cur.id),
      eligible: d.judges.length - recused.size,
      submitted: submittedJudgeIds.length,
      submittedJudgeIds,
    };
  }
  return {
    arenaId: arena.id,
    version: arena.version,
    title: arena.title,
    heldOn: arena.heldOn,
    status: state.status,
    seed: arena.seed,
    speakingSeconds: arena.speakingSeconds,
    criteria: arena.scheme.criteria.map((c) => ({ id: c.id, max: String(c.max) })),
    rule: appliedRuleStatement(
      arena.scheme,
      d.judges.map((j) => j.groupId),
    ),
    timer: { ...state.timer, serverNow: now },
    judgesTotal: d.judges.length,
    host: hostButtons(state, d.judges),
    absent: (state.absent ?? []).map((a) => ({
      judgeId: Number(a.judgeId),
      contestantId: a.contestantId === null ? null : Number(a.contestantId),
    })),
    current,
    contestants: list,
  };
}

/** The live view needs scores only of revealed contestants and of the one on stage: not the whole arena's. */
export async function liveSnapshot(db: Db, arenaId: number): Promise<LiveSnapshot> {
  const arena = await getArena(db, arenaId);
  const { state } = arena;
  const wanted = state.order.filter((c) => state.phases[c] === 'revealed' || c === state.current).map(Number);
  const [contestants, judges, recusals, scores] = await Promise.all([
    contestantsOf(db, arenaId),
    judgesOf(db, arenaId),
    recusalsOf(db, arenaId),
    scoresOf(db, arenaId, wanted),
  ]);
  return buildSnapshot({ arena, contestants, judges, recusals, scores });
}

/** A cached snapshot's clock reading is as old as the cache: each new client gets the time of sending. */
export function withServerNow(data: unknown): unknown {
  const s = data as LiveSnapshot;
  return { ...s, timer: { ...s.timer, serverNow: Date.now() } };
}

/** The realtime topic of an arena, once it is known to exist (404 before a stream opens). */
export async function liveTopic(db: Db, arenaId: number): Promise<string> {
  return arenaTopic((await getArena(db, arenaId)).id);
}

/** The big screen's view, by the long random token in its URL. */
export async function screenSnapshot(db: Db, token: string): Promise<LiveSnapshot> {
  return liveSnapshot(db, (await getArenaByScreenToken(db, token)).id);
}

export async function screenTopic(db: Db, token: string): Promise<string> {
  return arenaTopic((await getArenaByScreenToken(db, token)).id);
}
