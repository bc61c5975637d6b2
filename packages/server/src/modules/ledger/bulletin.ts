import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { formatDecimal, mulDiv, ONE, parseDecimal, toDecimal, type Actor, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { listLedger, ratesFor, type RateRow } from './queries.js';

// The Word bulletin is written here: the shared src/documents helpers had not landed when it was built.

export interface BulletinData {
  period: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  totals: { due: number; onTime: number; late: number; overdue: number };
  ranking: RateRow[];
  overdueItems: { id: number; title: string; unitName: string; leaderName: string; deadline: string; daysOverdue: number }[];
}

/** What a 督查通报 says for a period: closure rates per unit ranked, and every overdue item by name. */
export async function bulletinData(db: Db, actor: Actor, period: string, today: IsoDate): Promise<BulletinData> {
  const rates = await ratesFor(db, actor, period, today);
  const red = await listLedger(db, actor, { colour: 'red' }, today);
  const ranking = rates.rows.filter((r) => r.due > 0).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const sum = (k: 'due' | 'onTime' | 'late' | 'overdue') => ranking.reduce((s, r) => s + r[k], 0);
  return {
    period,
    ...rates,
    totals: { due: sum('due'), onTime: sum('onTime'), late: sum('late'), overdue: sum('overdue') },
    ranking,
    overdueItems: red
      .filter((i) => i.deadline <= rates.to || i.daysOverdue > 0)
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id)
      .map((i) => ({ id: i.id, title: i.title, unitName: i.leadUnit.name, leaderName: i.leader?.name ?? '', deadline: i.deadline, daysOverdue: i.daysOverdue })),
  };
}

/** A rate in [0, 1] as '83.3%', rounded once, for display only. */
export const percent = (rate: string | null) => (rate === null ? '—' : `${formatDecimal(parseDecimal(rate, 'rate') * 100, 1)}%`);
export const bulletinTitle = (d: BulletinData) => `督查通报（${d.period}）`;

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: '仿宋', size: 22 })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))] });
const para = (text: string) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, font: '仿宋', size: 28 })] });

export async function bulletinDocx(d: BulletinData): Promise<Buffer> {
  const rate = percent(d.totals.due === 0 ? null : toDecimal(mulDiv(d.totals.onTime, ONE, d.totals.due)));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: bulletinTitle(d), font: '方正小标宋简体', size: 40 })] }),
          para(`统计期间：${d.from} 至 ${d.to}，统计截至 ${d.asOf}。`),
          para(`本期到期督办事项 ${d.totals.due} 项，按期销号 ${d.totals.onTime} 项，逾期销号 ${d.totals.late} 项，逾期未办结 ${d.totals.overdue} 项，按期销号率 ${rate}。`),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '一、各单位按期销号情况（按按期销号率排名）', font: '黑体' })] }),
          table(
            ['名次', '单位', '到期事项', '按期销号', '逾期销号', '逾期未办结', '按期销号率'],
            d.ranking.map((r) => [String(r.rank ?? '—'), r.unitName, String(r.due), String(r.onTime), String(r.late), String(r.overdue), percent(r.rate)]),
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '二、逾期未办结事项', font: '黑体' })] }),
          ...(d.overdueItems.length === 0
            ? [para('本期无逾期未办结事项。')]
            : [table(['序号', '事项', '牵头单位', '责任领导', '完成期限', '逾期天数'], d.overdueItems.map((i, n) => [String(n + 1), i.title, i.unitName, i.leaderName, i.deadline, `${i.daysOverdue} 天`]))]),
          para(''),
          para('请各逾期单位对照清单，倒排工期、限期清零，并于 3 个工作日内向区督查室报送整改情况。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function bulletinXlsx(d: BulletinData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const rank = wb.addWorksheet('按期销号排名');
  rank.addRow([bulletinTitle(d)]).font = { bold: true, size: 14 };
  rank.addRow([`统计期间 ${d.from} 至 ${d.to}，截至 ${d.asOf}`]);
  rank.addRow(['名次', '单位', '到期事项', '按期销号', '逾期销号', '逾期未办结', '按期销号率']).font = { bold: true };
  for (const r of d.ranking) rank.addRow([r.rank, r.unitName, r.due, r.onTime, r.late, r.overdue, r.rate === null ? null : Number(r.rate)]);
  rank.getColumn(7).numFmt = '0.0%';
  rank.getColumn(2).width = 30;
  const over = wb.addWorksheet('逾期事项');
  over.addRow(['序号', '事项', '牵头单位', '责任领导', '完成期限', '逾期天数']).font = { bold: true };
  d.overdueItems.forEach((i, n) => over.addRow([n + 1, i.title, i.unitName, i.leaderName, i.deadline, i.daysOverdue]));
  over.getColumn(2).width = 50;
  over.getColumn(3).width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
