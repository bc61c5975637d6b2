import type { Actor, ArenaResult } from '@leitai/core';
import { mayManage } from './queries.js';
import { forbidden } from '../../errors.js';

export type { ArenaResult };
import type { Db } from '../../db/client.js';
import { engineInput, loadArenaData, runEngine } from './live.js';

/** The ranking, by criterion and by judge group, with trimmed scores marked: the engine's numbers, unchanged. */
export async function arenaResult(db: Db, arenaId: number): Promise<ArenaResult> {
  const d = await loadArenaData(db, arenaId);
  const { arena, contestants, judges } = d;
  const state = arena.state;
  const position = new Map(state.order.map((id, i) => [Number(id), i + 1]));
  const done = contestants
    .filter((c) => ['closed', 'revealed'].includes(state.phases[String(c.id)] ?? ''))
    .map((c) => c.id);
  const results = runEngine(engineInput(d, done));
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const contestant = new Map(contestants.map((c) => [c.id, c]));
  const rows: ArenaResult['rows'] = results.map((r) => {
    const c = contestant.get(Number(r.contestantId));
    return {
      rank: r.rank,
      contestantId: Number(r.contestantId),
      unitName: c?.unitName ?? '',
      presenter: c?.presenter ?? '',
      position: position.get(Number(r.contestantId)) ?? null,
      score: r.score,
      scoreShown: r.scoreShown,
      criteria: r.criteria,
      criteriaShown: r.criteriaShown,
      groups: r.groups.map((g) => ({
        ...g,
        judges: g.judges.map((j) => ({
          judgeId: Number(j.judgeId),
          name: judgeName.get(Number(j.judgeId)) ?? '',
          status: j.status,
          total: j.total,
          totalShown: j.totalShown,
        })),
      })),
      explanation: r.explanation,
    };
  });
  for (const c of contestants.filter((x) => !done.includes(x.id))) {
    rows.push({
      rank: null,
      contestantId: c.id,
      unitName: c.unitName,
      presenter: c.presenter,
      position: position.get(c.id) ?? null,
      score: null,
      scoreShown: null,
      criteria: {},
      criteriaShown: {},
      groups: [],
      explanation: null,
    });
  }
  const absent = new Map<number, string[]>();
  const excused = new Map<number, string[]>();
  for (const row of rows)
    for (const g of row.groups)
      for (const j of g.judges) {
        const to = j.status === 'absent' ? absent : j.status === 'excused' ? excused : null;
        to?.set(j.judgeId, [...(to.get(j.judgeId) ?? []), row.unitName]);
      }
  const wholeArena = new Set((state.absent ?? []).filter((a) => a.contestantId === null).map((a) => Number(a.judgeId)));
  return {
    arena: {
      id: arena.id,
      title: arena.title,
      heldOn: arena.heldOn,
      status: state.status,
      seed: arena.seed,
      criteria: arena.scheme.criteria.map((c) => ({ id: c.id, max: String(c.max) })),
      groups: arena.scheme.groups.map((g) => ({ id: g.id, weight: String(g.weight) })),
    },
    rows,
    absences: judges
      .filter((j) => absent.has(j.id))
      .map((j) => ({ judgeId: j.id, name: j.name, groupId: j.groupId, contestants: absent.get(j.id) ?? [] })),
    excused: judges
      .filter((j) => excused.has(j.id) || wholeArena.has(j.id))
      .map((j) => ({
        judgeId: j.id,
        name: j.name,
        groupId: j.groupId,
        wholeArena: wholeArena.has(j.id),
        contestants: excused.get(j.id) ?? [],
      })),
  };
}

/** Its office's organisers see the result as it forms; everyone else once the arena is finished. */
export async function readableResult(db: Db, actor: Actor, arenaId: number): Promise<ArenaResult> {
  const result = await arenaResult(db, arenaId);
  if (result.arena.status !== 'finished' && !(await mayManage(db, actor, arenaId)))
    throw forbidden('擂台赛结束后才公布成绩');
  return result;
}
