import {
  applyHostAction,
  DEFAULT_CRITERIA,
  mulberry32,
  toDecimal,
  type HostAction,
  type HostState,
} from '@leitai/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { arenaJudges, arenaScores, campaigns } from '../db/schema/index.js';
import {
  contestantsOf,
  createArena,
  drawArena,
  getArena,
  hashSecret,
  judgesOf,
  saveState,
} from '../modules/arena/index.js';
import { demoUnitIds, demoActor } from './district.js';
import type { DemoSeeder } from './index.js';
import { localDate } from '../jobs/clock.js';

const DEMO_ACTOR = { id: null, name: '演示数据', address: null };
const GROUPS = [
  { id: '领导评委', weight: '0.5' },
  { id: '专家评委', weight: '0.3' },
  { id: '群众代表', weight: '0.2' },
];
const DEPARTMENTS = [
  'fgj',
  'gxj',
  'swj',
  'jrj',
  'czj',
  'kjj',
  'scjgj',
  'nyj',
  'whlyj',
  'tzcj',
  'gzj',
  'gxzh',
  'zjj',
  'zrzyj',
  'cgj',
  'jtj',
  'slj',
  'sthjj',
  'tjj',
  'xzspj',
  'yjglj',
  'rsj',
  'jtyj',
  'wjj',
  'mzj',
  'sfj',
  'dsj',
];
const TOWNS = [
  'chengyang-jd',
  'liuting',
  'xiazhuang',
  'xifu',
  'jihongtan',
  'shangma',
  'hetao',
  'hongdao',
  'gaoxin',
  'guidao',
];
const CRITERIA_MAX = DEFAULT_CRITERIA.map((c) => c.max);
const CRITERIA_IDS = DEFAULT_CRITERIA.map((c) => c.id);
// Local dates (the district's), never UTC ones: a UTC date is a day early before 08:00 in Shanghai.
const iso = (d: Date) => localDate(d);

/** Judge codes of the arena ready to run, printed in docs/demo.md so a newcomer can try a phone. */
export const DEMO_JUDGE_CODES = [
  'CYJUDGE2',
  'CYJUDGE3',
  'CYJUDGE4',
  'CYJUDGE5',
  'CYJUDGE6',
  'CYJUDGE7',
  'CYJUDGE8',
  'CYJUDGE9',
  'CYJUDGEA',
  'CYJUDGEB',
];

function panel(leaders: number, experts: number, publics: number, unitOf: Record<number, number | null> = {}) {
  const names = [
    ...Array.from({ length: leaders }, (_, i) => ({ name: `区领导${'一二三四五六七'[i]}`, groupId: '领导评委' })),
    ...Array.from({ length: experts }, (_, i) => ({ name: `专家${'一二三四五'[i]}`, groupId: '专家评委' })),
    ...Array.from({ length: publics }, (_, i) => ({ name: `群众代表${'一二三'[i]}`, groupId: '群众代表' })),
  ];
  return names.map((n, i) => ({ ...n, unitId: unitOf[i] ?? null }));
}

export const arenaSeeder: DemoSeeder = {
  name: '擂台赛 (a finished 局长擂台赛 of 27 departments, a 书记擂台 ready to run)',
  async seed(tx, ctx) {
    const units = await demoUnitIds(tx);
    const { actor: organiser } = await demoActor(tx, 'organiser');
    // Both arenas belong to the demo campaign (seeded before this), as 一季一比武 is part of its cadence.
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
    const campaignId = campaign?.id ?? null;
    const unit = (code: string) => units.get(code) as number;

    // 1. “当龙头作表率开新局”大讨论 (seed 000): 27 departments' heads on stage, scored and published.
    const past = new Date(ctx.today.getTime() - 40 * 86_400_000);
    const done = await createArena(tx, DEMO_ACTOR, organiser, {
      title: '“当龙头作表率开新局”局长擂台赛',
      heldOn: iso(past),
      campaignId,
      speakingSeconds: 300,
      criteria: CRITERIA_MAX.map((max, i) => ({ id: CRITERIA_IDS[i] as string, max })),
      groups: GROUPS,
      contestants: DEPARTMENTS.map((code) => ({ unitId: unit(code), presenter: '主要负责人' })),
      // 专家三 works at the statistics bureau: recused from it automatically.
      judges: panel(7, 5, 3, { 9: unit('tjj') }),
      tieBreakers: ['实绩'],
    });
    await drawArena(tx, DEMO_ACTOR, done.id, '000');
    await playThrough(tx, done.id);

    // 2. 一季一比武 for the streets and zones, drawn and ready: the host starts it from the console.
    const ready = await createArena(tx, DEMO_ACTOR, organiser, {
      title: '第三季度“一季一比武”书记擂台赛',
      heldOn: iso(ctx.today),
      campaignId,
      speakingSeconds: 240,
      criteria: CRITERIA_MAX.map((max, i) => ({ id: CRITERIA_IDS[i] as string, max })),
      groups: GROUPS,
      contestants: TOWNS.map((code) => ({ unitId: unit(code), presenter: '党（工）委书记' })),
      // 区领导五 is also 流亭街道's secretary: recused from it automatically.
      judges: panel(5, 3, 2, { 4: unit('liuting') }),
      tieBreakers: [],
    });
    await drawArena(tx, DEMO_ACTOR, ready.id, 'demo-q3');
    const judges = await judgesOf(tx, ready.id);
    for (const [i, j] of judges.entries())
      await tx
        .update(arenaJudges)
        .set({ codeHash: hashSecret(DEMO_JUDGE_CODES[i] as string) })
        .where(eq(arenaJudges.id, j.id));
    ctx.log(`demo arena ${ready.id} ready; judge codes ${DEMO_JUDGE_CODES.slice(0, judges.length).join(' ')}`);
  },
};

/** Runs a drawn arena to the end with plausible scores: each unit has a level, each judge a lean. */
export async function playThrough(tx: Db, arenaId: number): Promise<void> {
  const arena = await getArena(tx, arenaId);
  const contestants = await contestantsOf(tx, arenaId);
  const judges = await judgesOf(tx, arenaId);
  const next = mulberry32(20260821);
  const rand = () => next() / 2 ** 32;
  const level = new Map(contestants.map((c) => [c.id, 0.72 + rand() * 0.2]));
  const lean = judges.map(() => (rand() - 0.5) * 0.06);
  const [lastA, lastB] = arena.state.order.slice(-2).map(Number);
  // The arena's own criteria (a 书记擂台 has its template's, not the default four).
  const ids = arena.scheme.criteria.map((c) => c.id);
  const maxima = arena.scheme.criteria.map((c) => Number(c.max));
  const rows = [];
  for (const c of contestants) {
    for (const [k, j] of judges.entries()) {
      if (j.unitId === c.unitId) continue; // recused
      if (j.groupId === '群众代表' && k === judges.length - 1 && (c.id === lastA || c.id === lastB)) continue; // left early
      const parts = maxima.map(
        (max) => Math.round((level.get(c.id)! + lean[k]! + (rand() - 0.5) * 0.08) * max * 2) / 2,
      );
      const criteria = Object.fromEntries(ids.map((id, i) => [id, String(Math.min(parts[i]!, maxima[i]!))]));
      const total = Object.values(criteria).reduce((s, v) => s + Number(v), 0);
      rows.push({ arenaId, judgeId: j.id, contestantId: c.id, criteria, total: toDecimal(Math.round(total * 1e6)) });
    }
  }
  await tx.insert(arenaScores).values(rows);
  let state: HostState = arena.state;
  let t = Date.parse(`${arena.heldOn}T09:00:00+08:00`);
  const step = (a: HostAction) => (state = applyHostAction(state, a, (t += 60_000)));
  step({ type: 'start' });
  for (let i = 0; i < state.order.length; i += 1)
    for (const type of ['call', 'timerStart', 'open', 'close', 'reveal'] as const) step({ type });
  step({ type: 'finish' });
  await saveState(tx, arenaId, state, { finishedAt: new Date(t) });
}
