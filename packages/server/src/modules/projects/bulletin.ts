import {
  INTERVIEW_RUNG_LABELS,
  ONE,
  PROJECT_CARD_LABELS as C,
  ZERO_RATIO,
  addRatio,
  formatRatio,
  investmentPlanToDate,
  parseDecimal,
  portfolioRates,
  ratio,
  roundRatio,
  toDecimal,
  type Actor,
  type IsoDate,
  type PortfolioRates,
  type ProjectCard,
  type Ratio,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { wordDocument, type Block, type Letterhead } from '../../documents/index.js';
import { INT_FMT, PERCENT_FMT, exportWorkbook, listColumns, numberCell, type ExportCell } from '../../excel/index.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import {
  completedBy,
  investmentFigures,
  loadYearFigures,
  milestoneRows,
  monthCards,
  periodOf,
  plansFor,
} from './model.js';
import { interviewsOfPeriod, listProjects } from './repository.js';
import { projectSettings } from './settings.js';
import { judgedMonth } from './views.js';

/** A rate as the Excel holds it (a fraction, six places, rounded once) and as the Word says it (`percent`). */
interface Rate {
  done: string;
  due: string;
  /** done / due as a fraction of 1, six places; null when nothing is due. */
  fraction: string | null;
}

interface ListedProject {
  code: string;
  name: string;
  unit: string;
  leader: string;
  card: ProjectCard;
  reasons: string[];
  completed: string;
  planToDate: string;
}

export interface ProjectBulletin {
  title: string;
  year: number;
  period: string;
  asOf: IsoDate;
  count: number;
  cards: Record<ProjectCard, number>;
  /** 开工率, 竣工率, 投资完成率 against the pace, as core computes them (shown, one place). */
  rates: PortfolioRates;
  /** The same rates exactly, for the Excel: counts, 万元 and fractions. */
  exact: { start: Rate; completion: Rate; investment: Rate & { planToDate: string; paceFraction: string | null } };
  red: ListedProject[];
  /** Yellow cards and months reported late (逾期未报), which the ladder counts as yellow. */
  yellow: ListedProject[];
  interviews: {
    project: string;
    unit: string;
    rung: string;
    interviewer: string;
    held: boolean;
    heldOn: string | null;
    ledgerItemId: number;
  }[];
  byUnit: {
    unit: string;
    count: number;
    yearPlan: string;
    planToDate: string;
    completed: string;
    fraction: string | null;
    percent: string | null;
    paceFraction: string | null;
    pacePercent: string | null;
  }[];
}

/** p / q exactly: as a fraction of 1 for the Excel (six places) and in % for the Word (one place), each rounded once. */
function share(p: Ratio, q: Ratio): { fraction: string | null; percent: string | null } {
  if (q.n === 0n) return { fraction: null, percent: null };
  const n = p.n * q.d;
  const d = p.d * q.n;
  return {
    fraction: toDecimal(roundRatio(ratio(n * BigInt(ONE), d))),
    percent: formatRatio(ratio(n * 100n * BigInt(ONE), d), 1),
  };
}
const whole = (n: bigint): Ratio => ({ n, d: 1n });
const micro = (v: string) => BigInt(parseDecimal(v, 'value'));
const amount = (r: Ratio) => toDecimal(roundRatio(r));
type Sum = { count: number; plan: bigint; toDate: Ratio; done: bigint };
const zeroSum = (): Sum => ({ count: 0, plan: 0n, toDate: ZERO_RATIO, done: 0n });

/**
 * 重点项目推进情况通报 for a month: projects by card, 开工率/竣工率/投资完成率 against the pace, the red and
 * yellow lists with their reasons, the month's interviews and whether they were held, investment by unit.
 * Of the projects the viewer may read, as the register and the dashboard count them.
 */
export async function projectBulletin(
  db: Db,
  actor: Actor,
  scope: UnitFilter,
  q: { year: number; period?: string | undefined },
  today: IsoDate,
): Promise<ProjectBulletin> {
  const month = q.period ? Number(q.period.slice(5, 7)) : Math.max(judgedMonth(q.year, today), 1);
  const period = periodOf(q.year, month);
  const list = await listProjects(db, { scope, viewerId: actor.userId });
  const ids = list.map((p) => p.id);
  const [d, settings, interviews, unitMap, people] = await Promise.all([
    loadYearFigures(db, ids, q.year, month),
    projectSettings(db),
    interviewsOfPeriod(db, ids, period),
    units.byIds(
      db,
      list.map((p) => p.unitId),
    ),
    users.displayNames(
      db,
      list.flatMap((p) => (p.leaderId === null ? [] : [p.leaderId])),
    ),
  ]);
  const interviewers = await users.displayNames(
    db,
    interviews.flatMap((i) => (i.interviewerId === null ? [] : [i.interviewerId])),
  );
  const unitName = (id: number) => unitMap.get(id)?.name ?? '';
  const byId = new Map(list.map((p) => [p.id, p]));

  const cards: Record<ProjectCard, number> = { green: 0, yellow: 0, red: 0, overdue: 0, pending: 0 };
  const red: ListedProject[] = [];
  const yellow: ListedProject[] = [];
  const planned = list.filter((p) => plansFor(d, p.id).current !== null);
  const sums = new Map<number, Sum>();
  const total = zeroSum();
  for (const p of planned) {
    const plan = plansFor(d, p.id).current!.plan;
    const done = micro(completedBy(d, p.id, month) ?? '0');
    const toDate = investmentPlanToDate(plan.yearPlan, plan.monthly, month);
    let unitSum = sums.get(p.unitId);
    if (!unitSum) sums.set(p.unitId, (unitSum = zeroSum()));
    for (const s of [total, unitSum]) {
      s.count += 1;
      s.plan += micro(plan.yearPlan);
      s.toDate = addRatio(s.toDate, toDate);
      s.done += done;
    }
    const last = monthCards(p, d, month, settings.rules).at(-1);
    if (!last || last.period !== period) continue;
    cards[last.card] += 1;
    if (last.card === 'red' || last.card === 'yellow' || last.card === 'overdue') {
      const fig = investmentFigures(p, d, month);
      (last.card === 'red' ? red : yellow).push({
        code: p.code,
        name: p.name,
        unit: unitName(p.unitId),
        leader: p.leaderId === null ? '' : (people.get(p.leaderId) ?? ''),
        card: last.card,
        reasons: last.reasons.map((r) => r.text),
        completed: fig.completed,
        planToDate: fig.planToDate,
      });
    }
  }
  const rates = portfolioRates(
    planned.map((p) => {
      const plan = plansFor(d, p.id).current!.plan;
      return {
        yearPlan: plan.yearPlan,
        monthlyPlan: plan.monthly,
        completedToDate: completedBy(d, p.id, month),
        milestones: milestoneRows(plan, d.reached.get(p.id)),
      };
    }),
    period,
  );
  const count = (r: PortfolioRates['start']): Rate => ({
    done: String(r.done),
    due: String(r.due),
    fraction: share(whole(BigInt(r.done)), whole(BigInt(r.due))).fraction,
  });
  const [y] = period.split('-');
  return {
    title: `${y}年${month}月重点项目推进情况通报`,
    year: q.year,
    period,
    asOf: today,
    count: planned.length,
    cards,
    rates,
    exact: {
      start: count(rates.start),
      completion: count(rates.completion),
      investment: {
        done: toDecimal(Number(total.done)),
        due: toDecimal(Number(total.plan)),
        fraction: share(whole(total.done), whole(total.plan)).fraction,
        planToDate: amount(total.toDate),
        paceFraction: share(total.toDate, whole(total.plan)).fraction,
      },
    },
    red,
    yellow,
    interviews: interviews.flatMap((i) => {
      const p = byId.get(i.projectId);
      if (!p) return [];
      return [
        {
          project: p.name,
          unit: unitName(p.unitId),
          rung: INTERVIEW_RUNG_LABELS[i.rung],
          interviewer: i.interviewerId === null ? '' : (interviewers.get(i.interviewerId) ?? ''),
          held: i.heldOn !== null,
          heldOn: i.heldOn,
          ledgerItemId: i.ledgerItemId,
        },
      ];
    }),
    byUnit: [...sums]
      .map(([id, s]) => {
        const done = share(whole(s.done), whole(s.plan));
        const pace = share(s.toDate, whole(s.plan));
        return {
          unit: unitName(id),
          count: s.count,
          yearPlan: toDecimal(Number(s.plan)),
          planToDate: amount(s.toDate),
          completed: toDecimal(Number(s.done)),
          fraction: done.fraction,
          percent: done.percent,
          paceFraction: pace.fraction,
          pacePercent: pace.percent,
        };
      })
      .sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN')),
  };
}

const pct = (p: string | null) => (p === null ? '—' : `${p}%`);

const listHeader = [
  '序号',
  '项目编号',
  '项目名称',
  '责任单位',
  '包保领导',
  '亮牌',
  '累计完成（万元）',
  '序时计划（万元）',
  '原因',
];
const listCells = (p: ListedProject, n: number): ExportCell[] => [
  n + 1,
  p.code,
  p.name,
  p.unit,
  p.leader,
  C[p.card],
  numberCell(p.completed),
  numberCell(p.planToDate),
  p.reasons.join('；'),
];
const interviewHeader = [
  '序号',
  '项目名称',
  '责任单位',
  '约谈层级',
  '约谈人',
  '是否已约谈',
  '约谈日期',
  '督办事项编号',
];
const interviewCells = (i: ProjectBulletin['interviews'][number], n: number): ExportCell[] => [
  n + 1,
  i.project,
  i.unit,
  i.rung,
  i.interviewer,
  i.held ? '已约谈' : '未约谈',
  i.heldOn ?? '',
  i.ledgerItemId,
];
const unitHeader = [
  '单位',
  '项目数',
  '年度计划（万元）',
  '序时计划（万元）',
  '累计完成（万元）',
  '投资完成率',
  '序时进度',
];
const unitCells = (u: ProjectBulletin['byUnit'][number]): ExportCell[] => [
  u.unit,
  u.count,
  numberCell(u.yearPlan),
  numberCell(u.planToDate),
  numberCell(u.completed),
  numberCell(u.fraction),
  numberCell(u.paceFraction),
];
const asText = (cells: ExportCell[]) => cells.map((c) => (c === null ? '—' : String(c)));

export function bulletinBlocks(d: ProjectBulletin): Block[] {
  const { rates: r } = d;
  const table = (list: ListedProject[], fill: string, none: string): Block =>
    list.length === 0
      ? { kind: 'note', text: none }
      : {
          kind: 'table',
          header: listHeader.filter((h) => h !== '项目编号'),
          rows: list.map((p, n) => {
            const cells = asText(listCells(p, n));
            cells.splice(1, 1);
            return cells;
          }),
          shading: list.map(() => fill),
        };
  const notHeld = d.interviews.filter((i) => !i.held).length;
  return [
    {
      kind: 'paragraph',
      text: `截至 ${d.period}，纳入调度的重点项目 ${d.count} 个，年度计划投资 ${r.investment.yearPlan} 万元，累计完成投资 ${r.investment.completed} 万元，投资完成率 ${pct(r.investment.percent)}（序时进度 ${pct(r.investment.pacePercent)}）。`,
    },
    {
      kind: 'paragraph',
      text: `本月亮牌：${C.green} ${d.cards.green} 个，${C.yellow} ${d.cards.yellow} 个，${C.red} ${d.cards.red} 个，${C.overdue} ${d.cards.overdue} 个，${C.pending} ${d.cards.pending} 个。`,
    },
    { kind: 'heading', text: '一、总体推进情况' },
    {
      kind: 'table',
      header: ['指标', '已完成', '应完成', '完成率', '序时进度'],
      rows: [
        ['开工', `${r.start.done} 个`, `${r.start.due} 个`, pct(r.start.percent), '—'],
        ['竣工', `${r.completion.done} 个`, `${r.completion.due} 个`, pct(r.completion.percent), '—'],
        [
          '投资',
          `${r.investment.completed} 万元`,
          `${r.investment.yearPlan} 万元`,
          pct(r.investment.percent),
          pct(r.investment.pacePercent),
        ],
      ],
    },
    { kind: 'heading', text: '二、各单位投资完成情况' },
    d.byUnit.length === 0
      ? { kind: 'note', text: '本期无纳入调度的项目。' }
      : {
          kind: 'table',
          header: unitHeader,
          rows: d.byUnit.map((u) => {
            const cells = asText(unitCells(u));
            cells[5] = pct(u.percent);
            cells[6] = pct(u.pacePercent);
            return cells;
          }),
        },
    { kind: 'heading', text: `三、${C.red}项目` },
    table(d.red, 'FDE2E1', `本月无${C.red}项目。`),
    { kind: 'heading', text: `四、${C.yellow}及${C.overdue}项目` },
    table(d.yellow, 'FFF2CC', `本月无${C.yellow}及${C.overdue}项目。`),
    { kind: 'heading', text: '五、约谈情况' },
    {
      kind: 'paragraph',
      text: `本月启动约谈 ${d.interviews.length} 起，已约谈 ${d.interviews.length - notHeld} 起，尚未约谈 ${notHeld} 起。`,
    },
    ...(d.interviews.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            header: interviewHeader,
            rows: d.interviews.map((i, n) => asText(interviewCells(i, n))),
          },
        ]),
    {
      kind: 'paragraph',
      text: `请${C.red}、${C.yellow}项目责任单位对照原因倒排工期、挂图作战，于下月调度前报送整改措施；尚未约谈的，包保领导须在期限内完成约谈并登记约谈记录。`,
    },
  ];
}

export const bulletinDocx = (d: ProjectBulletin, letterhead: Letterhead) =>
  wordDocument({ title: d.title, letterhead, blocks: bulletinBlocks(d) });

export function bulletinXlsx(d: ProjectBulletin): Promise<Buffer> {
  const e = d.exact;
  const money = (v: string) => numberCell(v);
  return exportWorkbook([
    {
      name: '总体情况',
      title: [d.title, `统计截至 ${d.period}，共 ${d.count} 个项目`],
      columns: listColumns(
        ['指标', '已完成', '应完成', '完成率', '序时进度'],
        [],
        ['', '', '', PERCENT_FMT, PERCENT_FMT],
      ),
      rows: [
        ['开工（个）', Number(e.start.done), Number(e.start.due), numberCell(e.start.fraction), null],
        ['竣工（个）', Number(e.completion.done), Number(e.completion.due), numberCell(e.completion.fraction), null],
        [
          '投资（万元）',
          money(e.investment.done),
          money(e.investment.due),
          numberCell(e.investment.fraction),
          numberCell(e.investment.paceFraction),
        ],
      ],
    },
    {
      name: '亮牌统计',
      columns: listColumns(['亮牌', '项目数'], [], ['', INT_FMT]),
      rows: (['green', 'yellow', 'red', 'overdue', 'pending'] as const).map((c) => [C[c], d.cards[c]]),
    },
    {
      name: '各单位投资',
      columns: listColumns(unitHeader, [30], ['', INT_FMT, '', '', '', PERCENT_FMT, PERCENT_FMT]),
      rows: d.byUnit.map(unitCells),
    },
    {
      name: '红牌项目',
      columns: listColumns(listHeader, [8, 16, 36, 24, 12, 10, 16, 16, 60], [INT_FMT]),
      rows: d.red.map(listCells),
    },
    {
      name: '黄牌项目',
      columns: listColumns(listHeader, [8, 16, 36, 24, 12, 10, 16, 16, 60], [INT_FMT]),
      rows: d.yellow.map(listCells),
    },
    {
      name: '约谈情况',
      columns: listColumns(interviewHeader, [8, 36, 24], [INT_FMT, '', '', '', '', '', '', INT_FMT]),
      rows: d.interviews.map(interviewCells),
    },
  ]);
}
