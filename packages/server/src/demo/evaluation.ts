import {
  dayNumber,
  defaultEvaluationScheme,
  fromDayNumber,
  type CategoryLines,
  type IsoDate,
  type WorkCalendar,
} from '@leitai/core';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { campaigns, evaluationSnapshots, units } from '../db/schema/index.js';
import { localDate } from '../jobs/clock.js';
import { loadCalendar } from '../modules/calendar/index.js';
import type { Db } from '../db/client.js';
import type { AuditActor } from '../modules/audit/index.js';
import {
  approveAppeal,
  closeEvaluation,
  createEvaluation,
  createInvites,
  submitReview,
  evaluatedUnitIds,
  decideAppeal,
  fileAppeal,
  finaliseEvaluation,
  publishForComment,
} from '../modules/evaluation/index.js';
import { demoActor, demoUnitIds } from './district.js';
import type { DemoSeeder } from './index.js';

const addDays = (d: IsoDate, n: number) => fromDayNumber(dayNumber(d) + n);

/** 效能评议 as offices run it: four rater groups, four items, at least 5 raters before a group counts. */
const REVIEW = {
  id: 'review',
  name: '效能评议',
  source: {
    kind: 'review' as const,
    questionnaire: {
      items: [
        { id: 'attitude', text: '服务态度', points: 20 },
        { id: 'ability', text: '业务能力', points: 20 },
        { id: 'efficiency', text: '办事效率', points: 20 },
        { id: 'effect', text: '工作效果', points: 40 },
      ],
      groups: [
        { id: 'clients', name: '服务对象', weight: 40 },
        { id: 'deputies', name: '两代表一委员', weight: 20 },
        { id: 'peers', name: '同级部门', weight: 20 },
        { id: 'leaders', name: '分管领导', weight: 20 },
      ],
      minRespondents: 5,
    },
  },
  method: {
    kind: 'curve' as const,
    points: [
      { value: 0, share: 0 },
      { value: 100, share: 1 },
    ],
  },
  weights: {},
  noData: 'average' as const,
};

/**
 * Half-way through: invitations issued to every group, and answered by some — 两代表一委员 still short of
 * its five, so its progress shows and it does not count yet. Scores from a seeded sequence (the same on
 * every load), each unit a little above or below its own level.
 */
async function runReview(tx: Db, who: AuditActor, evaluationId: number): Promise<number> {
  const plan: [group: string, issued: number, answered: number][] = [
    ['clients', 30, 18],
    ['deputies', 10, 3],
    ['peers', 20, 12],
    ['leaders', 6, 6],
  ];
  const units = await evaluatedUnitIds(tx);
  let seed = 20260701;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
  let answers = 0;
  for (const [group, issued, answered] of plan) {
    const { codes } = await createInvites(tx, who, evaluationId, group, issued);
    for (const code of codes.slice(0, answered)) {
      await submitReview(
        tx,
        code,
        units.map((u, k) => {
          const level = 0.72 + ((k * 7) % 20) / 100; // each unit its own level, 72–91 %
          return {
            unitId: u,
            scores: Object.fromEntries(
              REVIEW.source.questionnaire.items.map((i) => [
                i.id,
                String(Math.min(i.points, Math.round(i.points * (level + (next() - 0.5) * 0.12)))),
              ]),
            ),
          };
        }),
      );
      answers += 1;
    }
  }
  return answers;
}

/** The office's dates for a half-year: closed 6 days after its end, published that day, final the day after the window. */
function halfYearDates(calendar: WorkCalendar, year: number, first: boolean, appealDays: number) {
  const from = `${year}-${first ? '01-01' : '07-01'}`;
  const to = `${year}-${first ? '06-30' : '12-31'}`;
  const close = addDays(to, 6);
  const commentUntil = calendar.addWorkingDays(close, appealDays);
  return { year, first, from, to, close, filed: addDays(close, 2), final: addDays(commentUntil, 1) };
}

/** The latest half-year whose final publication is already behind `today`, so the demo always shows version 2. */
function latestFinishedHalf(calendar: WorkCalendar, today: IsoDate, appealDays: number) {
  let year = Number(today.slice(0, 4));
  let first = today.slice(5) > '06-30';
  for (;;) {
    const d = halfYearDates(calendar, year, first, appealDays);
    if (d.final <= today) return d;
    if (first) year -= 1;
    first = !first;
  }
}

/**
 * 综合考核 (issue 14) on the dispatch's campaign, through the module's services as the office would
 * click it: the last finished half-year closed, published and finalised with two appeals (one upheld,
 * so version 2 exists with its diff; one refused), and its year in progress. Dates follow the demo's
 * today, as the figures they rank do.
 */
export const evaluationSeeder: DemoSeeder = {
  name: '综合考核 (the last half-year published with two appeals, its year in progress)',
  async seed(tx, ctx) {
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
    if (!campaign) return;
    // The categories the module ranks: those of active units (its evaluatedUnits), ids as text.
    const used = await tx
      .selectDistinct({ id: units.categoryId })
      .from(units)
      .where(and(eq(units.active, true), isNotNull(units.categoryId)));
    const categories = used.map((c) => String(c.id)).sort();
    const scheme = defaultEvaluationScheme(categories);
    // The demo's arenas are held in the autumn: the half-year scheme leaves them out, 65 / 15 / 20.
    const weight = (v: number) => Object.fromEntries(categories.map((c) => [c, v]));
    const halfWeights: Record<string, number> = { indicators: 65, ratings: 15, ledger: 20 };
    const halfScheme = {
      ...scheme,
      components: scheme.components
        .filter((c) => c.id !== 'arenas')
        .map((c) => ({ ...c, weights: weight(halfWeights[c.id] ?? 0) })),
    };
    const h = latestFinishedHalf(await loadCalendar(tx), localDate(ctx.today), 5);
    const halfName = `${h.year}年${h.first ? '上' : '下'}半年综合考核`;
    const unitIds = await demoUnitIds(tx);
    const org = await demoActor(tx, 'organiser');
    const org2 = await demoActor(tx, 'organiser2');
    const headFgj = await demoActor(tx, 'head.fgj');
    const headGxj = await demoActor(tx, 'head.gxj');

    const half = await createEvaluation(tx, org.actor, org.who, {
      campaignId: campaign.id,
      name: halfName,
      kind: 'half',
      periodFrom: h.from,
      periodTo: h.to,
      appealDays: 5,
      scheme: halfScheme,
    });
    const { snapshotId } = await closeEvaluation(tx, org.actor, org.who, half.id, h.close);
    const { commentUntil } = await publishForComment(tx, org.actor, org.who, half.id, h.close);

    // 区发改局 (head.fgj) appeals its weakest component (the lowest share of its weight), which the office
    // corrects to 100 %: whatever the demo's figures, its line moves and version 2 has a diff to show.
    const [snap] = await tx.select().from(evaluationSnapshots).where(eq(evaluationSnapshots.id, snapshotId));
    const fgj = String(unitIds.get('fgj'));
    const line = (snap!.result as CategoryLines[]).flatMap((c) => c.units).find((u) => u.unitId === fgj)!;
    const weakest = [...line.components].sort(
      (a, b) => Number(a.score) / Number(a.weight) - Number(b.score) / Number(b.weight),
    )[0]!;
    const upheld = await fileAppeal(
      tx,
      headFgj.actor,
      headFgj.who,
      half.id,
      {
        unitId: Number(fgj),
        componentId: weakest.componentId,
        reason: '本单位该项数据因系统销号、报送滞后未如实计入（附办结材料和统计部门核实意见），请予复核更正。',
      },
      h.filed,
    );
    // 区工信局 (head.gxj): a question of 统计口径 the office does not accept.
    const refused = await fileAppeal(
      tx,
      headGxj.actor,
      headGxj.who,
      half.id,
      {
        unitId: unitIds.get('gxj')!,
        componentId: 'indicators',
        reason: '“市场主体走访”应按走访台账口径统计（含线上走访），系统按报送数计算偏低，请予复核。',
      },
      h.filed,
    );
    await decideAppeal(tx, org.actor, org.who, upheld.id, {
      uphold: true,
      correction: '100',
      reason: '经核对办结材料和统计部门意见，申诉事项属实，原始值更正为100%。',
    });
    await decideAppeal(tx, org.actor, org.who, refused.id, {
      uphold: false,
      reason: '统计口径以年初下达的指标说明为准，线上走访不计入；走访数以审核通过的调度报告为准，申诉不予支持。',
    });
    // 两人经手: the second organiser approves what the first decided.
    await approveAppeal(tx, org2.actor, org2.who, upheld.id);
    await approveAppeal(tx, org2.actor, org2.who, refused.id);
    const { version } = await finaliseEvaluation(tx, org.actor, org.who, half.id, h.final);

    // The year in progress, with its 效能评议 running: 50 / 15 / 10 / 15 and 评议 10.
    const yearWeights: Record<string, number> = { indicators: 50, arenas: 15, ratings: 10, ledger: 15, review: 10 };
    const yearScheme = {
      ...scheme,
      components: [...scheme.components, REVIEW].map((c) => ({ ...c, weights: weight(yearWeights[c.id] ?? 0) })),
    };
    const year = await createEvaluation(tx, org.actor, org.who, {
      campaignId: campaign.id,
      name: `${h.year}年度综合考核`,
      kind: 'year',
      periodFrom: `${h.year}-01-01`,
      periodTo: `${h.year}-12-31`,
      appealDays: 5,
      previousId: half.id,
      scheme: yearScheme,
    });
    const answered = await runReview(tx, org.who, year.id);
    ctx.log(
      `demo evaluation: ${halfName} final (version ${version}, 公示 until ${commentUntil}), ${h.year}年度 in draft with ${answered} 评议 answers`,
    );
  },
};
