import { dayNumber, fromDayNumber, shiftPeriod, splitPeriod, type Milestone, type ProjectKind } from '@leitai/core';
import { shanghaiDate } from '../jobs/clock.js';
import type { AuditActor } from '../modules/audit/index.js';
import {
  approveDemoChange,
  insertNewProjects,
  recordDemoInterview,
  settleProjects,
  upsertMilestone,
  upsertMonth,
  type NewProject,
} from '../modules/projects/index.js';
import { demoActor, demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * The demo register (挂图作战): about 120 key projects across 城阳区's units from the seeds (轨道交通产业示范区,
 * 36 个市政项目, 37 个园区项目, 老旧小区改造, 亿元以上签约), each with this year's baseline plan and months of
 * progress to last month. Most keep pace; some fall behind (yellow), a few far behind or not started on time
 * (red). Months before last are settled; last month is settled for the units whose report the office has
 * accepted, and the 约谈 ladder takes its step there (the ledger gets the interviews); one interview is
 * already recorded. One project's plan was changed (start moved) and approved, so it has a version 2.
 */

/** A small seeded generator, so the demo is the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['城阳', '流亭', '夏庄', '惜福镇', '棘洪滩', '上马', '河套', '红岛', '高新区', '轨道交通示范区'];
const NAMES: Record<ProjectKind, string[]> = {
  industry: [
    '{p}智能制造产业园',
    '{p}新能源汽车零部件基地',
    '轨道交通装备配套产业园（{p}）',
    '{p}生物医药产业基地',
    '{p}高端装备制造项目',
    '{p}集成电路封测项目',
    '{p}食品精深加工产业园',
  ],
  urban: [
    '{p}老旧小区改造',
    '{p}片区城市更新',
    '{p}主干道拓宽工程',
    '{p}口袋公园群',
    '白沙河生态廊道（{p}段）',
    '{p}TOD综合开发',
  ],
  livelihood: ['{p}九年一贯制学校', '{p}社区卫生服务中心', '{p}养老服务综合体', '{p}人才公寓', '{p}全民健身中心'],
  signing: ['亿元以上签约：{p}数字经济产业园', '亿元以上签约：{p}冷链物流中心', '亿元以上签约：{p}总部经济项目'],
  infrastructure: [
    '{p}污水处理厂扩建',
    '{p}供热管网改造',
    '{p}雨污分流工程',
    '地铁9号线{p}站配套',
    '{p}5G新型基础设施',
  ],
};
const KIND_OF_UNIT: Record<string, ProjectKind[]> = {
  fgj: ['industry', 'infrastructure'],
  gxj: ['industry'],
  swj: ['signing'],
  tzcj: ['signing', 'industry'],
  kjj: ['industry'],
  gxzh: ['urban'],
  zjj: ['urban', 'livelihood'],
  jtj: ['infrastructure'],
  slj: ['infrastructure'],
  cgj: ['urban'],
  jtyj: ['livelihood'],
  wjj: ['livelihood'],
  'chengyang-jd': ['urban', 'livelihood'],
  liuting: ['urban', 'industry'],
  xiazhuang: ['urban'],
  xifu: ['industry', 'livelihood'],
  jihongtan: ['industry'],
  shangma: ['industry', 'urban'],
  hetao: ['industry'],
  hongdao: ['urban'],
  gaoxin: ['industry', 'signing'],
  guidao: ['industry', 'infrastructure'],
};
/** Units whose last monthly report the office has not accepted (see the dispatch demo). */
const NOT_ACCEPTED = new Set(['fgj', 'gxj', 'xiazhuang', 'hongdao']);
const TOTAL = 120;
const monthIn = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const endOf = (period: string) => {
  const { year, month } = splitPeriod(period);
  return fromDayNumber(
    dayNumber(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`) - 1,
  );
};

/** 50 % spread evenly before the last month, 40 % in it, the rest after (万元, adding up to 60 000). */
function e2eMonthly(last: number): string[] {
  const before = last > 1 ? Math.floor(30000 / (last - 1)) : 0;
  const months = Array.from({ length: 12 }, (_, i) => (i + 1 < last ? before : i + 1 === last ? 24000 : 0));
  const after = 12 - last;
  const rest = 60000 - months.reduce((a, b) => a + b, 0);
  for (let m = last + 1; m <= 12; m += 1) months[m - 1] = Math.floor(rest / after);
  months[11] = (months[11] ?? 0) + (60000 - months.reduce((a, b) => a + b, 0));
  return months.map(String);
}

interface Plan {
  project: NewProject;
  /** Pace of investment against plan; months the start is late (null: never started this year). */
  factor: number;
  startDelay: number | null;
  startMonth: number | null;
}

export const projectsSeeder: DemoSeeder = {
  name: 'projects: 120 key projects, their plans and months',
  async seed(tx, ctx) {
    const today = shanghaiDate(ctx.today);
    const last = shiftPeriod(today.slice(0, 7), -1);
    const { year, month: lastMonth } = splitPeriod(last);
    if (lastMonth < 2) return; // a January demo has no month of progress yet
    const unitIds = await demoUnitIds(tx);
    const people = await demoUserIds(tx, ['organiser', 'organiser2', 'leader', 'reporter.fgj']);
    const leader = people.get('leader')!;
    const rnd = random(20260101);
    const codes = Object.keys(KIND_OF_UNIT).filter((c) => unitIds.has(c));
    const plans: Plan[] = [];
    for (let i = 0; i < TOTAL; i += 1) {
      const unit = codes[i % codes.length]!;
      const kinds = KIND_OF_UNIT[unit]!;
      const kind = kinds[Math.floor(rnd() * kinds.length)]!;
      const names = NAMES[kind];
      const place = PLACES[Math.floor(rnd() * PLACES.length)]!;
      const name = names[Math.floor(rnd() * names.length)]!.replace('{p}', place);
      const total = Math.round(5000 + rnd() * 195000);
      const yearPlan = kind === 'signing' ? 0 : Math.round(total * (0.15 + rnd() * 0.25));
      // Half start this year (a planned month of 开工 and 入库 a month later); the rest were started before.
      const newStart = rnd() < 0.5;
      const startMonth = newStart ? 2 + Math.floor(rnd() * Math.max(1, lastMonth - 2)) : null;
      const milestones: Partial<Record<Milestone, string>> = {};
      if (kind === 'signing') milestones.signing = endOf(monthIn(year, 1 + Math.floor(rnd() * lastMonth)));
      else if (newStart) {
        milestones.land = endOf(monthIn(year, Math.max(1, startMonth! - 1)));
        milestones.start = endOf(monthIn(year, startMonth!));
        milestones.stats = endOf(monthIn(year, Math.min(12, startMonth! + 1)));
        milestones.completion = `${year + 1}-${rnd() < 0.5 ? '06' : '12'}-30`;
      } else {
        milestones.structure = endOf(monthIn(year, 6 + Math.floor(rnd() * 6)));
        milestones.completion = endOf(monthIn(year + 1, 3 + Math.floor(rnd() * 9)));
      }
      // The plan in months, adding up to the year plan: nothing before a new project's start, and for a
      // third of them the building season's weights (little in winter); the rest time-proportional.
      const seasonal = rnd() < 0.33;
      const SEASON = [2, 3, 7, 8, 10, 12, 10, 10, 10, 10, 10, 8];
      const weights = SEASON.map((w, i) => (startMonth !== null && i + 1 < startMonth ? 0 : seasonal ? w : 1));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      const monthly =
        yearPlan > 0 && (seasonal || startMonth !== null)
          ? weights.map((w) => Math.floor((yearPlan * w) / weightSum))
          : null;
      if (monthly) monthly[11] = yearPlan - monthly.slice(0, 11).reduce((a, b) => a + b, 0);
      const draw = rnd();
      const factor = draw < 0.86 ? 0.97 + rnd() * 0.25 : draw < 0.95 ? 0.8 + rnd() * 0.08 : 0.45 + rnd() * 0.15;
      const late = rnd();
      const startDelay = !newStart ? 0 : late < 0.85 ? 0 : late < 0.93 ? 1 + Math.floor(rnd() * 2) : null;
      plans.push({
        factor,
        startDelay,
        startMonth,
        project: {
          code: `CY${year}-${String(i + 1).padStart(3, '0')}`,
          name,
          kind,
          totalInvestment: String(total),
          unitId: unitIds.get(unit)!,
          coUnitIds: [],
          leaderId: ['fgj', 'gxj', 'swj', 'jrj', 'gxzh', 'liuting', 'xiazhuang'].includes(unit) ? leader : null,
          deputyLeaderId: null,
          owner: `${place}${kind === 'signing' ? '投资发展' : '建设发展'}有限公司`,
          manager: ['张', '王', '刘', '陈', '杨', '赵'][i % 6]! + ['工', '经理', '总'][i % 3]!,
          location: `${place}`,
          lng: (120.33 + rnd() * 0.15).toFixed(4),
          lat: (36.25 + rnd() * 0.12).toFixed(4),
          year,
          plan: { yearPlan: String(yearPlan), monthly: monthly?.map(String) ?? null, milestones },
        },
      });
    }
    // The e2e's project: 区工信局's plant, on pace to the month before last, last month left for its reporter.
    const e2e = plans.find((p) => p.project.unitId === unitIds.get('gxj') && p.project.kind === 'industry')!;
    e2e.project.name = '城阳区新能源汽车电驱系统生产基地';
    e2e.factor = 1;
    e2e.startDelay = 0;
    // Equipment is bought and installed last month: 40 % of the year plan falls due then, so a month
    // reported short turns the card red (a 40-point gap) after months on pace.
    e2e.startMonth = null;
    e2e.project.plan = {
      yearPlan: '60000',
      monthly: e2eMonthly(lastMonth),
      milestones: { structure: `${year}-12-31`, completion: `${year + 1}-06-30` },
    };
    const organiser: AuditActor = { id: people.get('organiser')!, name: '王考核', address: null };
    const rows = await insertNewProjects(
      tx,
      (await demoActor(tx, 'organiser')).actor,
      organiser,
      plans.map((p) => p.project),
    );
    const reporter = people.get('reporter.fgj')!;
    for (const [i, row] of rows.entries()) {
      const p = plans[i]!;
      const plan = p.project.plan;
      const yearPlan = Number(plan.yearPlan);
      for (let m = 1; m <= lastMonth; m += 1) {
        const period = monthIn(year, m);
        const keptForE2e = row.id === rows[plans.indexOf(e2e)]!.id && m === lastMonth;
        const missed = row.unitId === unitIds.get('hongdao') && m === lastMonth - 3;
        if (keptForE2e || missed) continue;
        const due = plan.monthly ? Number(plan.monthly[m - 1]) : yearPlan / 12;
        const started = p.startMonth === null || (p.startDelay !== null && m >= p.startMonth + p.startDelay);
        const noise = p === e2e ? 1 : 0.9 + rnd() * 0.2;
        const amount = started ? Math.max(0, Math.round(due * p.factor * noise * 100) / 100) : 0;
        await upsertMonth(tx, {
          projectId: row.id,
          period,
          investment: amount.toFixed(2),
          problem: '',
          reportedBy: reporter,
        });
      }
      if (p.startMonth !== null && p.startDelay !== null && p.startMonth + p.startDelay <= lastMonth) {
        const at = monthIn(year, p.startMonth + p.startDelay);
        await upsertMilestone(tx, {
          projectId: row.id,
          milestone: 'start',
          reachedOn: `${at}-20`,
          recordedBy: reporter,
        });
        if (p.startMonth + p.startDelay + 1 <= lastMonth && rnd() < 0.95)
          await upsertMilestone(tx, {
            projectId: row.id,
            milestone: 'stats',
            reachedOn: endOf(shiftPeriod(at, 1)),
            recordedBy: reporter,
          });
        if (plan.milestones.land)
          await upsertMilestone(tx, {
            projectId: row.id,
            milestone: 'land',
            reachedOn: plan.milestones.land,
            recordedBy: reporter,
          });
      }
      if (p.startMonth === null && p.project.kind !== 'signing') {
        // Under way before the year: started and 入库 last year.
        const at = `${year - 1}-${String(3 + (i % 9)).padStart(2, '0')}`;
        await upsertMilestone(tx, {
          projectId: row.id,
          milestone: 'start',
          reachedOn: `${at}-15`,
          recordedBy: reporter,
        });
        await upsertMilestone(tx, {
          projectId: row.id,
          milestone: 'stats',
          reachedOn: endOf(shiftPeriod(at, 1)),
          recordedBy: reporter,
        });
        const structure = plan.milestones.structure;
        if (structure && structure <= endOf(last) && rnd() < 0.9)
          await upsertMilestone(tx, {
            projectId: row.id,
            milestone: 'structure',
            reachedOn: structure,
            recordedBy: reporter,
          });
      }
      if (plan.milestones.signing && plan.milestones.signing.slice(0, 7) <= last)
        await upsertMilestone(tx, {
          projectId: row.id,
          milestone: 'signing',
          reachedOn: plan.milestones.signing,
          recordedBy: reporter,
        });
    }
    // Settled months: every month before last; last month where the office accepted the unit's report.
    const system: AuditActor = { id: null, name: '系统（项目亮牌）', address: null };
    const accepted = rows.filter((r) => ![...NOT_ACCEPTED].some((c) => unitIds.get(c) === r.unitId));
    for (let m = 1; m < lastMonth; m += 1)
      await settleProjects(tx, system, rows, monthIn(year, m), endOf(monthIn(year, m)), { ladder: false });
    const ladder = await settleProjects(tx, system, accepted, last, today, { ladder: true });
    ctx.log(`demo: ${rows.length} projects, ${ladder.interviews} interviews opened for ${last}`);
    // One interview held and recorded; one plan change approved (start moved two months), by the second organiser.
    await recordDemoInterview(tx, organiser, today);
    const moved = plans.findIndex((p) => p.startMonth !== null && p.startMonth + 2 <= 12 && p.startDelay === 0);
    if (moved >= 0)
      await approveDemoChange(tx, rows[moved]!.id, year, people.get('reporter.fgj')!, people.get('organiser2')!);
  },
};
