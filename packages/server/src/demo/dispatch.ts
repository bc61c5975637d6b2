import {
  dayNumber,
  expectedValue,
  fromDayNumber,
  mulDiv,
  ONE,
  paceNumerator,
  paceProfile,
  parseDecimal,
  roundRatio,
  shiftPeriod,
  splitPeriod,
  toDecimal,
  type PaceProfileInput,
  type ReportAction,
  type ReportState,
} from '@leitai/core';
import {
  campaigns,
  dispatchPeriods,
  indicatorAssignments,
  indicators,
  reportValues,
  reportVersions,
  reports,
  targets,
} from '../db/schema/index.js';
import { shanghaiDate } from '../jobs/clock.js';
import { demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * The demo dispatch: a three-year campaign (last year to next), six indicators drawn from the seeds (签约亿元以上项目 至少80个冲刺100个,
 * 固定资产投资增长10%以上, 市场主体走访, 14个老旧小区开工, 36个市政项目开工30个, 新增停车泊位), confirmed targets, and six
 * months of reports ending last month. Each unit has a steady pace factor, so some are ahead, some a little behind
 * (yellow) and a few far behind (red); 区商务局 and 夏庄街道 reported late once, 红岛街道 missed a month, and last month
 * is still open: most units accepted, 区工信局's report returned with a reason, 区发改局 not yet filled (the
 * end-to-end test fills it).
 */
const SEASONAL_BUILD: PaceProfileInput = {
  kind: 'seasonal',
  cumulative: ['0.02', '0.05', '0.12', '0.2', '0.3', '0.42', '0.52', '0.62', '0.72', '0.82', '0.92', '1'],
};

type Ind = {
  name: string;
  measure: string;
  kind: 'cumulative' | 'growth';
  profile?: PaceProfileInput;
  ratio?: boolean;
  targets: Record<string, [number, number]>;
};
const INDICATORS: Ind[] = [
  {
    name: '签约亿元以上项目',
    measure: '个',
    kind: 'cumulative',
    targets: {
      tzcj: [80, 100],
      swj: [20, 25],
      fgj: [15, 20],
      gxj: [12, 15],
      kjj: [6, 8],
      gaoxin: [18, 22],
      guidao: [10, 12],
      hetao: [5, 6],
    },
  },
  {
    name: '固定资产投资增长',
    measure: '%',
    kind: 'growth',
    ratio: true,
    targets: {
      fgj: [10, 12],
      gaoxin: [12, 15],
      guidao: [12, 15],
      liuting: [8, 10],
      xiazhuang: [8, 10],
      jihongtan: [8, 10],
      hongdao: [8, 10],
    },
  },
  {
    name: '市场主体走访',
    measure: '家',
    kind: 'cumulative',
    targets: {
      scjgj: [3000, 3600],
      gxj: [1013, 1200],
      'chengyang-jd': [1200, 1500],
      liuting: [1000, 1200],
      xiazhuang: [900, 1100],
      xifu: [800, 1000],
      jihongtan: [900, 1000],
      shangma: [700, 800],
      hetao: [600, 700],
      hongdao: [800, 900],
    },
  },
  {
    name: '老旧小区改造开工',
    measure: '个',
    kind: 'cumulative',
    profile: SEASONAL_BUILD,
    targets: { zjj: [14, 16], 'chengyang-jd': [6, 7], liuting: [4, 5], xiazhuang: [3, 4] },
  },
  {
    name: '市政项目开工',
    measure: '个',
    kind: 'cumulative',
    profile: SEASONAL_BUILD,
    targets: { gxzh: [30, 36], jtj: [10, 12], cgj: [8, 10], slj: [6, 8] },
  },
  {
    name: '新增停车泊位',
    measure: '个',
    kind: 'cumulative',
    targets: { cgj: [2000, 2500], liuting: [800, 1000], 'chengyang-jd': [600, 700] },
  },
];

/** Each unit's pace factor: 1.1 ahead, 1.0 on pace, 0.85 a little behind (yellow mid-year), 0.3 far behind (red). */
const FACTOR: Record<string, number> = {
  tzcj: 1.08,
  swj: 0.85,
  fgj: 0.92,
  gxj: 0.6,
  kjj: 1.1,
  gaoxin: 1.05,
  guidao: 0.45,
  hetao: 0.3,
  scjgj: 1.02,
  'chengyang-jd': 1.0,
  liuting: 0.88,
  xiazhuang: 0.7,
  xifu: 1.1,
  jihongtan: 0.95,
  shangma: 0.25,
  hongdao: 0.9,
  zjj: 1.05,
  gxzh: 0.97,
  jtj: 0.8,
  cgj: 1.0,
  slj: 0.5,
};
const LATE: Record<string, number[]> = { swj: [-4], xiazhuang: [-2] };
const MISSING: Record<string, number[]> = { hongdao: [-3] };

export const dispatchSeeder: DemoSeeder = {
  name: 'dispatch: indicators, targets and six months of reports',
  async seed(tx, ctx) {
    const today = shanghaiDate(ctx.today);
    const day = (n: number) => fromDayNumber(dayNumber(today) + n);
    const current = today.slice(0, 7);
    const last = shiftPeriod(current, -1);
    const year = splitPeriod(last).year;
    const unitIds = await demoUnitIds(tx);
    const people = await demoUserIds(tx, ['organiser', 'head.fgj']);
    const organiser = people.get('organiser')!;
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        officeUnitId: unitIds.get('chengyang')!,
        name: '“作风能力提升年”重点工作攻坚',
        startYear: year - 1,
        endYear: year + 1,
        phases: [
          { name: '学习动员', from: `${year}-01`, to: `${year}-02` },
          { name: '查摆整改', from: `${year}-03`, to: `${year}-10` },
          { name: '总结评估', from: `${year}-11`, to: `${year}-12` },
        ],
        cadence: { dispatch: 'monthly', arena: 'quarterly', review: 'half-year', summary: 'annual' },
      })
      .returning();
    const cid = campaign!.id;
    // Months: the six ending last month, within last month's year (a January campaign shows fewer).
    const months = [-5, -4, -3, -2, -1, 0].map((n) => shiftPeriod(last, n)).filter((p) => splitPeriod(p).year === year);
    const periodIds = new Map<string, number>();
    for (const p of months) {
      const isLast = p === last;
      const deadline = isLast ? day(7) : `${shiftPeriod(p, 1)}-05`;
      const [row] = await tx
        .insert(dispatchPeriods)
        .values({ campaignId: cid, period: p, deadline, open: isLast })
        .returning();
      periodIds.set(p, row!.id);
    }
    const reportsByKey = new Map<string, { id: number; state: string }>();
    const values: { reportId: number; indicatorId: number; value: string }[] = [];
    for (const [order, ind] of INDICATORS.entries()) {
      const [row] = await tx
        .insert(indicators)
        .values({
          campaignId: cid,
          name: ind.name,
          measure: ind.measure,
          kind: ind.kind,
          allowNegative: ind.kind === 'growth',
          profile: ind.profile ?? { kind: 'linear' },
          rule: ind.ratio
            ? { kind: 'ratio', redBelowRatio: '0.5' }
            : { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
          weight: '10',
          sortOrder: order + 1,
        })
        .returning();
      const indicatorId = row!.id;
      const profile = paceProfile(ind.profile ?? { kind: 'linear' });
      await tx
        .insert(indicatorAssignments)
        .values(
          Object.keys(ind.targets).map((code) => ({ indicatorId, unitId: unitIds.get(code)!, categoryId: null })),
        );
      for (const [code, [base, stretch]] of Object.entries(ind.targets)) {
        const unitId = unitIds.get(code)!;
        await tx.insert(targets).values({
          indicatorId,
          unitId,
          year,
          base: String(base),
          stretch: String(stretch),
          confirmedAt: new Date(`${year}-01-20T09:00:00+08:00`),
        });
        for (const p of months) {
          // Months counted back from last month: -1 is last month, -2 the one before…
          const offset = months.indexOf(p) - months.length;
          if (MISSING[code]?.includes(offset)) continue;
          if (p === last && code === 'fgj') continue; // left for the reporter (and the end-to-end test) to fill
          const key = `${code}/${p}`;
          let rep = reportsByKey.get(key);
          if (!rep) {
            const late = LATE[code]?.includes(offset) ?? false;
            const state =
              p !== last
                ? 'accepted'
                : code === 'gxj'
                  ? 'returned'
                  : code === 'xiazhuang' || code === 'hongdao'
                    ? 'submitted'
                    : 'accepted';
            const submittedOn = p === last ? day(-2) : late ? `${shiftPeriod(p, 1)}-08` : `${shiftPeriod(p, 1)}-03`;
            const [r] = await tx
              .insert(reports)
              .values({
                periodId: periodIds.get(p)!,
                unitId,
                state,
                version: state === 'accepted' || state === 'returned' ? 3 : 2,
                progress: `${p} 各项重点工作按计划推进，召开专题调度会，逐项对账销号。`,
                problems:
                  FACTOR[code]! < 0.8
                    ? '部分项目前期手续办理滞后，要素保障不足，进度落后于序时。'
                    : '个别项目推进节奏有待加快。',
                plans: '倒排工期、挂图作战，下月集中攻坚，确保完成序时进度。',
                firstSubmittedOn: submittedOn,
                returnReason: state === 'returned' ? '市场主体走访数与走访台账不一致，请核实后重新报送' : null,
              })
              .returning();
            rep = { id: r!.id, state };
            reportsByKey.set(key, rep);
            const snap = { values: {}, progress: '', problems: '', plans: '' };
            const versions: { version: number; action: ReportAction; state: ReportState; actorName: string }[] = [
              { version: 1, action: 'save', state: 'draft', actorName: '填报员' },
              { version: 2, action: 'submit', state: 'submitted', actorName: '单位负责人' },
            ];
            if (state === 'accepted')
              versions.push({ version: 3, action: 'accept', state: 'accepted', actorName: '考核办' });
            if (state === 'returned')
              versions.push({ version: 3, action: 'return', state: 'returned', actorName: '考核办' });
            await tx.insert(reportVersions).values(
              versions.map((v) => ({
                reportId: r!.id,
                ...v,
                actorId: v.actorName === '考核办' ? organiser : null,
                reason: v.action === 'return' ? '市场主体走访数与走访台账不一致，请核实后重新报送' : null,
                snapshot: snap,
              })),
            );
          }
          const month = splitPeriod(p).month;
          const factor = ONE * (FACTOR[code] ?? 1);
          const value =
            ind.kind === 'growth'
              ? mulDiv(parseDecimal(base, 'base'), factor + (month % 3) * 20_000, ONE) // the 同比 rate wobbles a little month to month
              : Math.round(
                  mulDiv(
                    roundRatio(expectedValue(parseDecimal(base, 'base'), paceNumerator(profile, month))),
                    factor,
                    ONE,
                  ) / ONE,
                ) * ONE;
          values.push({
            reportId: rep.id,
            indicatorId,
            value: toDecimal(ind.kind === 'growth' ? Math.round(value / 10_000) * 10_000 : value),
          });
        }
      }
    }
    if (values.length > 0) await tx.insert(reportValues).values(values);
    ctx.log(
      `demo dispatch: ${INDICATORS.length} indicators, ${months.length} months (${months[0]} … ${last}), ${reportsByKey.size} reports; ${last} open until ${day(7)}`,
    );
  },
};
