import { dayNumber, defaultEvaluationScheme, fromDayNumber } from '@leitai/core';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { campaigns, units } from '../db/schema/index.js';
import {
  approveAppeal,
  closeEvaluation,
  createEvaluation,
  decideAppeal,
  fileAppeal,
  finaliseEvaluation,
  publishForComment,
} from '../modules/evaluation/index.js';
import { demoActor, demoUnitIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * 综合考核 (issue 14) on the dispatch's campaign, through the module's services as the office would
 * click it: 2026 上半年 closed, published and finalised with two appeals (one upheld, so version 2
 * exists with its diff; one refused), and 2026 全年 in progress. The dates are fixed, not day 0's:
 * a half-year review is closed early in July whatever day the demo is loaded.
 */
export const evaluationSeeder: DemoSeeder = {
  name: '综合考核 (2026 上半年 published with two appeals, 2026 全年 in progress)',
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
    const unitIds = await demoUnitIds(tx);
    const org = await demoActor(tx, 'organiser');
    const org2 = await demoActor(tx, 'organiser2');
    const headFgj = await demoActor(tx, 'head.fgj');
    const headGxj = await demoActor(tx, 'head.gxj');

    const half = await createEvaluation(tx, org.actor, org.who, {
      campaignId: campaign.id,
      name: '2026年上半年综合考核',
      kind: 'half',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      appealDays: 5,
      scheme: halfScheme,
    });
    await closeEvaluation(tx, org.actor, org.who, half.id, '2026-07-06');
    // 5 working days on the demo calendar: the window runs to 2026-07-13.
    const { commentUntil } = await publishForComment(tx, org.actor, org.who, half.id, '2026-07-06');
    // 区发改局 (head.fgj): no ledger item counted in its half year, so 督查督办 took the category's mean; the
    // office accepts that one was closed on time and corrects the rate to 100 %, which lifts its rank among
    // 经济部门 (and, the mean moving, the other units without data move a little too: the diff shows it).
    const upheld = await fileAppeal(
      tx,
      headFgj.actor,
      headFgj.who,
      half.id,
      {
        unitId: unitIds.get('fgj')!,
        componentId: 'ledger',
        reason:
          '本单位牵头的“亿元以上在建项目入库纳统”事项已于6月30日前按期办结，因系统销号滞后未计入上半年按期销号率，附办结材料，请予更正。',
      },
      '2026-07-08',
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
      '2026-07-09',
    );
    await decideAppeal(tx, org.actor, org.who, upheld.id, {
      uphold: true,
      correction: '100',
      reason: '经核对办结材料，该事项已按期办结，销号滞后系系统原因，申诉成立，按期销号率更正为100%。',
    });
    await decideAppeal(tx, org.actor, org.who, refused.id, {
      uphold: false,
      reason: '统计口径以年初下达的指标说明为准，线上走访不计入；走访数以审核通过的调度报告为准，申诉不予支持。',
    });
    // 两人经手: the second organiser approves what the first decided.
    await approveAppeal(tx, org2.actor, org2.who, upheld.id);
    await approveAppeal(tx, org2.actor, org2.who, refused.id);
    // Finalised the first day after the window: version 2 with 区发改局's corrected line.
    const { version } = await finaliseEvaluation(
      tx,
      org.actor,
      org.who,
      half.id,
      fromDayNumber(dayNumber(commentUntil!) + 1),
    );

    await createEvaluation(tx, org.actor, org.who, {
      campaignId: campaign.id,
      name: '2026年度综合考核',
      kind: 'year',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      appealDays: 5,
      previousId: half.id,
      scheme,
    });
    ctx.log(
      `demo evaluation: 2026年上半年综合考核 final (version ${version}, 公示 until ${commentUntil}), 2026年度 in draft`,
    );
  },
};
