import {
  ONE,
  chineseDate,
  chinesePeriod,
  inChinese,
  RATE_OUTCOME_LABELS as O,
  rateOutcome,
  ratio,
  shownPercent,
  urgeSentence,
  type Actor,
  type IsoDate,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { wordDocument, type Letterhead } from '../../documents/index.js';
import { INT_FMT, PERCENT_FMT, exportWorkbook, numberCell, type ExportColumn } from '../../excel/index.js';
import * as supervision from '../supervision/index.js';
import { listLedger, ratesFor, type RateRow } from './queries.js';

export interface BulletinData {
  period: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  totals: { due: number; onTime: number; late: number; overdue: number };
  ranking: RateRow[];
  overdueItems: {
    id: number;
    title: string;
    unitName: string;
    leaderName: string;
    deadline: string;
    daysOverdue: number;
    /** 催办 in the period. */
    urges: number;
  }[];
  /** 催办 in the period, as a sentence (null when the office urged nothing). */
  urgeSentence: string | null;
  /** 企业诉求 (万企走访 and other channels): the same yardstick on the items of that source. */
  requests: { due: number; onTime: number; late: number; overdue: number; open: number };
}

/** What a 督查通报 says for a period: closure rates per unit ranked, and every overdue item by name. */
export async function bulletinData(db: Db, actor: Actor, period: string, today: IsoDate): Promise<BulletinData> {
  const rates = await ratesFor(db, actor, period, today);
  // Overdue as the period ended (or today, for the current one): an item closed since then was still open.
  const red = await listLedger(db, actor, { colour: 'red' }, rates.asOf);
  const ranking = rates.rows
    .filter((r) => r.due > 0)
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const sum = (k: 'due' | 'onTime' | 'late' | 'overdue') => ranking.reduce((s, r) => s + r[k], 0);
  const requests = (await listLedger(db, actor, { source: '企业诉求' }, rates.asOf)).filter(
    (i) => i.deadline >= rates.from && i.deadline <= rates.to,
  );
  const outcomes = requests.map((i) => rateOutcome(i, rates.asOf));
  // 催办 in the period (Shanghai days), on the items the reader may see.
  const seen = new Map((await listLedger(db, actor, {}, rates.asOf)).map((i) => [i.id, i.leadUnit.name]));
  const urged = (await supervision.urgeCounts(db, 'ledger_item', dayStart(rates.from), dayStart(rates.to, 1))).filter(
    (u) => u.ledgerItemId !== null && seen.has(u.ledgerItemId),
  );
  const urgesOf = (id: number) => urged.filter((u) => u.ledgerItemId === id).reduce((n, u) => n + u.count, 0);
  const byUnit = new Map<string, number>();
  for (const u of urged) {
    const name = seen.get(u.ledgerItemId!)!;
    byUnit.set(name, (byUnit.get(name) ?? 0) + u.count);
  }
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  return {
    period,
    ...rates,
    totals: { due: sum('due'), onTime: sum('onTime'), late: sum('late'), overdue: sum('overdue') },
    ranking,
    requests: {
      due: outcomes.filter((o) => o !== 'not_due').length,
      onTime: count('on_time'),
      late: count('late'),
      overdue: count('overdue'),
      open: requests.filter((i) => i.state !== 'closed').length,
    },
    overdueItems: red
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id)
      .map((i) => ({
        id: i.id,
        title: i.title,
        unitName: i.leadUnit.name,
        leaderName: i.leader?.name ?? '未指定',
        deadline: i.deadline,
        daysOverdue: i.daysOverdue,
        urges: urgesOf(i.id),
      })),
    urgeSentence: urgeSentence([...byUnit].map(([unitName, count]) => ({ unitName, count }))),
  };
}

/** The instant a Shanghai calendar day starts (plus `days`). */
const dayStart = (day: IsoDate, days = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000);

export const bulletinTitle = (d: BulletinData) => `督查通报（${inChinese(d.period)}）`;

const rankColumns: ExportColumn<RateRow>[] = [
  { header: '名次', numFmt: INT_FMT, value: (r) => r.rank },
  { header: '单位', width: 30, value: (r) => r.unitName },
  { header: '到期事项', numFmt: INT_FMT, value: (r) => r.due },
  { header: O.on_time, numFmt: INT_FMT, value: (r) => r.onTime },
  { header: O.late, numFmt: INT_FMT, value: (r) => r.late },
  { header: O.overdue, numFmt: INT_FMT, value: (r) => r.overdue },
  { header: `${O.on_time}率`, numFmt: PERCENT_FMT, value: (r) => numberCell(r.rate) },
];
type OverdueRow = BulletinData['overdueItems'][number] & { n: number };
const overdueColumns: ExportColumn<OverdueRow>[] = [
  { header: '序号', numFmt: INT_FMT, value: (i) => i.n },
  { header: '事项', width: 50, value: (i) => i.title },
  { header: '牵头单位', width: 24, value: (i) => i.unitName },
  { header: '责任领导', value: (i) => i.leaderName },
  { header: '完成期限', value: (i) => i.deadline },
  { header: '逾期天数', numFmt: INT_FMT, value: (i) => i.daysOverdue },
  { header: '催办次数', numFmt: INT_FMT, value: (i) => i.urges },
];
const numbered = (d: BulletinData): OverdueRow[] => d.overdueItems.map((i, n) => ({ ...i, n: n + 1 }));

export function bulletinDocx(d: BulletinData, letterhead: Letterhead): Promise<Buffer> {
  // The district's rate from its counts, rounded once (not from the six-place rate).
  const rate = d.totals.due === 0 ? '—' : shownPercent(ratio(d.totals.onTime * ONE, d.totals.due));
  return wordDocument({
    title: bulletinTitle(d),
    letterhead,
    blocks: [
      { kind: 'paragraph', text: `统计期间：${chinesePeriod(d.from, d.to)}，统计截至${chineseDate(d.asOf)}。` },
      {
        kind: 'paragraph',
        text: `本期到期督办事项 ${d.totals.due} 项，${O.on_time} ${d.totals.onTime} 项，${O.late} ${d.totals.late} 项，${O.overdue} ${d.totals.overdue} 项，${O.on_time}率 ${rate}。`,
      },
      { kind: 'heading', text: `一、各单位${O.on_time}情况（按${O.on_time}率排名）` },
      d.ranking.length === 0
        ? { kind: 'note', text: '本期无到期督办事项。' }
        : {
            kind: 'table',
            header: rankColumns.map((c) => c.header),
            rows: d.ranking.map((r) => [
              String(r.rank ?? '—'),
              r.unitName,
              String(r.due),
              String(r.onTime),
              String(r.late),
              String(r.overdue),
              r.rateShown ?? '—',
            ]),
          },
      { kind: 'heading', text: `二、${O.overdue}事项` },
      d.overdueItems.length === 0
        ? { kind: 'note', text: `本期无${O.overdue}事项。` }
        : {
            kind: 'table',
            header: overdueColumns.map((c) => c.header),
            rows: numbered(d).map((i) => [
              String(i.n),
              i.title,
              i.unitName,
              i.leaderName,
              chineseDate(i.deadline),
              `${i.daysOverdue} 天`,
              String(i.urges),
            ]),
          },
      ...(d.urgeSentence ? [{ kind: 'paragraph' as const, text: `督查室对逾期事项开展催办：${d.urgeSentence}` }] : []),
      { kind: 'heading', text: '三、企业诉求办理情况' },
      {
        kind: 'paragraph',
        text:
          d.requests.due === 0
            ? '本期无到期的企业诉求。'
            : `本期到期企业诉求 ${d.requests.due} 件，${O.on_time} ${d.requests.onTime} 件，${O.late} ${d.requests.late} 件，${O.overdue} ${d.requests.overdue} 件，${O.on_time}率 ${shownPercent(ratio(d.requests.onTime * ONE, d.requests.due))}；逾期诉求已列入上表。`,
      },
      {
        kind: 'paragraph',
        text: '请各逾期单位对照清单，倒排工期、限期清零，并于 3 个工作日内向区督查室报送整改情况。',
      },
    ],
  });
}

export function bulletinXlsx(d: BulletinData): Promise<Buffer> {
  return exportWorkbook([
    {
      name: '按期销号排名',
      title: [bulletinTitle(d), `统计期间 ${chinesePeriod(d.from, d.to)}，截至${chineseDate(d.asOf)}`],
      columns: rankColumns,
      rows: d.ranking,
    },
    { name: '逾期事项', columns: overdueColumns, rows: numbered(d) },
  ]);
}
