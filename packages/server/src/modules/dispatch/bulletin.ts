import {
  REPORTING_STATE_LABELS as R,
  STANDING_RULE,
  inChinese,
  WARNING_STATE_LABELS as L,
  type ReportingState,
  type Actor,
  type Board,
  type BoardRow,
  type IsoDate,
  urgeSentence,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { wordDocument, type Block, type Letterhead } from '../../documents/index.js';
import {
  INT_FMT,
  PERCENT_FMT,
  SCORE_FMT,
  exportWorkbook,
  listColumns,
  numberCell,
  type ExportCell,
} from '../../excel/index.js';
import * as supervision from '../supervision/index.js';
import { boardData } from './board.js';
import { getPeriod } from './repo.js';

export interface BulletinData {
  title: string;
  board: Board;
  asOf: IsoDate;
  categories: { name: string; rows: BoardRow[] }[];
  /** Every red light: its shown figures for the Word, its six-place figures (`cell`) for the Excel. */
  red: {
    unit: string;
    indicator: string;
    measure: string;
    actual: string;
    expected: string;
    gap: string;
    cell: BoardRow['cells'][number];
  }[];
  late: { unit: string; timing: string; submittedOn: string; urges: number }[];
  /** 催报 of the month, as a sentence (null when none). */
  urgeSentence: string | null;
  /** How many units are in each reporting state. */
  states: Record<ReportingState, number>;
}

/** What a 调度通报 says: standings by category, every red light with its numbers, late and missing units — the board's numbers. */
export async function bulletinData(
  db: Db,
  actor: Actor,
  campaignId: number,
  period: string,
  today: IsoDate,
): Promise<BulletinData> {
  const board = await boardData(db, actor, campaignId, period, {}, today);
  const name = new Map(board.indicators.map((i) => [i.id, i]));
  const categories: { name: string; rows: BoardRow[] }[] = [];
  for (const r of board.rows) {
    const last = categories.at(-1);
    if (last && last.name === r.unit.categoryName) last.rows.push(r);
    else categories.push({ name: r.unit.categoryName, rows: [r] });
  }
  const red = board.rows.flatMap((r) =>
    r.cells
      .filter((c) => c.state === 'red')
      .map((c) => ({
        unit: r.unit.name,
        indicator: name.get(c.indicatorId)?.name ?? '',
        measure: name.get(c.indicatorId)?.measure ?? '',
        // The figures as core shows them: two places, rounded once from the exact values.
        actual: c.shown.actual ?? '—',
        expected: c.shown.expected,
        gap:
          c.shown.gapPoints !== null
            ? `落后序时 ${c.shown.gapPoints} 个百分点`
            : c.shown.ratioPercent !== null
              ? `为序时进度的 ${c.shown.ratioPercent}%`
              : '—',
        cell: c,
      })),
  );
  const p = await getPeriod(db, campaignId, period);
  const urged = p ? await supervision.reportUrgeCounts(db, p.id) : new Map<number, number>();
  // Every unit whose figures do not count as on time, by its true state (逾期, 退回未改, 待审核, 未报).
  const late = board.rows
    .filter((r) => r.report.standing !== 'on_time' && r.report.standing !== 'not_due')
    .map((r) => ({
      unit: r.unit.name,
      timing: R[r.report.standing],
      submittedOn: r.report.firstSubmittedOn ?? '未报送',
      urges: urged.get(r.unit.id) ?? 0,
    }));
  const urges = urgeSentence(
    board.rows.map((r) => ({ unitName: r.unit.name, count: urged.get(r.unit.id) ?? 0 })),
    '催报',
  );
  const states = Object.fromEntries(Object.keys(R).map((k) => [k, 0])) as Record<ReportingState, number>;
  for (const r of board.rows) states[r.report.standing] += 1;
  const [y, m] = period.split('-');
  return {
    title: `${y}年${Number(m)}月重点工作调度通报`,
    board,
    asOf: today,
    categories,
    red,
    late,
    states,
    urgeSentence: urges,
  };
}

/** The bulletin as the page shows it (format=json): standings by category, red lights, late units. */
export function bulletinSummary(data: BulletinData) {
  return {
    title: data.title,
    categories: data.categories.map((c) => ({
      name: c.name,
      units: c.rows.map((r) => ({ name: r.unit.name, rank: r.rank, counts: r.counts })),
    })),
    red: data.red.map(({ cell: _cell, ...r }) => r),
    late: data.late,
  };
}

const standingHeader = ['名次', '单位', L.green, L.yellow, L.red, L.overdue, '报送情况'];
/** Cells as numbers (Excel); the Word table shows the same as text. */
const standingCells = (r: BoardRow): ExportCell[] => [
  r.rank,
  r.unit.name,
  r.counts.green,
  r.counts.yellow,
  r.counts.red,
  r.counts.overdue,
  R[r.report.standing],
];
const standingRow = (r: BoardRow) => standingCells(r).map((v) => (v === null ? '—' : String(v)));

/** The states whose figures do not count as on time, in the order section 三 names them. */
const NOT_ON_TIME = ['late', 'returned', 'submitted', 'missing'] as const;

/** The summary sentence of section 三, computed from the states. */
export function reportingSummary(states: Record<ReportingState, number>): string {
  const units = Object.values(states).reduce((a, b) => a + b, 0);
  const notOnTime = units - states.on_time - states.not_due;
  if (notOnTime === 0)
    return states.not_due === 0 ? '本期各单位均按时报送。' : `本期尚有 ${states.not_due} 个单位未到报送期限。`;
  const parts = NOT_ON_TIME.filter((k) => states[k] > 0).map((k) => `${R[k]} ${states[k]} 个`);
  return `本期 ${units} 个单位中，按时报送 ${states.on_time} 个；${parts.join('、')}。`;
}

const redHeader = ['单位', '指标', '计量单位', '完成值', '序时目标', '差距'];
const redRow = (r: BulletinData['red'][number]) => [r.unit, r.indicator, r.measure, r.actual, r.expected, r.gap];
/** The Excel's red sheet: the figures as number cells (six places), the gap in points, the ratio as a percentage. */
const redSheetHeader = ['单位', '指标', '计量单位', '完成值', '序时目标', '落后序时（百分点）', '为序时进度'];
const redSheetRow = (r: BulletinData['red'][number]): ExportCell[] => [
  r.unit,
  r.indicator,
  r.measure,
  numberCell(r.cell.actual),
  numberCell(r.cell.expected),
  numberCell(r.cell.gapPoints),
  numberCell(r.cell.ratio),
];
const lateHeader = ['单位', '情况', '首次报送日期', '催报次数'];
const lateCells = (l: BulletinData['late'][number]) => [l.unit, l.timing, inChinese(l.submittedOn)];
/** In Word every cell is text; in Excel the count is a number cell. */
const lateRow = (l: BulletinData['late'][number]) => [...lateCells(l), String(l.urges)];
const lateSheetRow = (l: BulletinData['late'][number]) => [...lateCells(l), l.urges];

export function bulletinBlocks(d: BulletinData): Block[] {
  const t = d.board.totals;
  const units = d.board.rows.length;
  return [
    {
      kind: 'paragraph',
      text: `${inChinese(d.board.period.period)}调度共涉及 ${units} 个单位、${d.board.indicators.length} 项指标，填报截止${inChinese(d.board.period.deadline)}。经审核，${L.green} ${t.green} 项、${L.yellow} ${t.yellow} 项、${L.red} ${t.red} 项，${L.overdue} ${t.overdue} 项，${L.pending} ${t.pending} 项。`,
    },
    { kind: 'heading', text: '一、各类别单位序时进度排名' },
    { kind: 'paragraph', text: STANDING_RULE },
    ...d.categories.flatMap((c): Block[] => [
      { kind: 'paragraph', text: `（${c.name}）` },
      { kind: 'table', header: standingHeader, rows: c.rows.map(standingRow) },
    ]),
    { kind: 'heading', text: '二、红灯预警指标' },
    d.red.length === 0
      ? { kind: 'note', text: '本期无红灯指标。' }
      : { kind: 'table', header: redHeader, rows: d.red.map(redRow), shading: d.red.map(() => 'FDE2E1') },
    { kind: 'heading', text: `三、${NOT_ON_TIME.map((k) => R[k]).join('、')}单位` },
    { kind: 'paragraph', text: reportingSummary(d.states) },
    ...(d.late.length === 0 ? [] : [{ kind: 'table' as const, header: lateHeader, rows: d.late.map(lateRow) }]),
    ...(d.urgeSentence
      ? [{ kind: 'paragraph' as const, text: `考核办对逾期未报单位开展催报：${d.urgeSentence}` }]
      : []),
    {
      kind: 'paragraph',
      text: `请红灯单位对照序时进度查找差距、倒排工期，于下期调度前报送整改措施；${R.late}、${R.missing}单位要压实填报责任。`,
    },
  ];
}

export const bulletinDocx = (d: BulletinData, letterhead: Letterhead) =>
  wordDocument({ title: d.title, letterhead, blocks: bulletinBlocks(d) });

export function bulletinXlsx(d: BulletinData): Promise<Buffer> {
  return exportWorkbook([
    {
      name: '分类排名',
      title: [d.title],
      columns: listColumns(['类别', ...standingHeader], [], ['', INT_FMT, '', INT_FMT, INT_FMT, INT_FMT, INT_FMT]),
      rows: d.categories.flatMap((c) => c.rows.map((r) => [c.name, ...standingCells(r)])),
    },
    {
      name: '红灯指标',
      columns: listColumns(redSheetHeader, [], ['', '', '', '', '', SCORE_FMT, PERCENT_FMT]),
      rows: d.red.map(redSheetRow),
    },
    { name: '报送情况', columns: listColumns(lateHeader), rows: d.late.map(lateSheetRow) },
  ]);
}

/** The board as the office sees it, one row per unit, three columns per indicator (完成, 序时, 亮灯). */
export function boardXlsx(board: Board, period: string): Promise<Buffer> {
  const header = [
    '类别',
    '单位',
    '名次',
    ...board.indicators.flatMap((i) => [`${i.name}完成（${i.measure}）`, `${i.name}序时`, `${i.name}亮灯`]),
  ];
  const rows = board.rows.map((r) => [
    r.unit.categoryName,
    r.unit.name,
    r.rank,
    ...board.indicators.flatMap((i) => {
      const c = r.cells.find((x) => x.indicatorId === i.id);
      return c ? [numberCell(c.actual), numberCell(c.expected), L[c.state]] : [null, null, '不适用'];
    }),
  ]);
  const formats = header.map((_, i) => (i === 2 ? INT_FMT : undefined));
  return exportWorkbook([
    { name: '调度看板', title: [`${period} 调度看板`], columns: listColumns(header, [], formats), rows },
  ]);
}
