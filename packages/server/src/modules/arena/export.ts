import ExcelJS from 'exceljs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDecimal } from '@leitai/core';
import type { ArenaResult } from './result.js';

const fmt = (v: string | null): string => (v === null ? '—' : formatDecimal(v, 2));
const STATUS_LABEL = { used: '计入', trimmedHigh: '去掉最高分', trimmedLow: '去掉最低分', recused: '回避', absent: '未评分' } as const;

function header(r: ArenaResult): string[] {
  return ['名次', '出场', '单位', '陈述人', '总分', ...r.arena.criteria.map((c) => `${c.id}(${c.max})`), ...r.arena.groups.map((g) => `${g.id}(权重${g.weight})`)];
}

function line(r: ArenaResult, row: ArenaResult['rows'][number]): string[] {
  return [
    row.rank === null ? '—' : String(row.rank),
    row.position === null ? '—' : String(row.position),
    row.unitName,
    row.presenter,
    fmt(row.score),
    ...r.arena.criteria.map((c) => fmt(row.criteria[c.id] ?? null)),
    ...r.arena.groups.map((g) => fmt(row.groups.find((x) => x.groupId === g.id)?.score ?? null)),
  ];
}

/** 成绩表 (ranking) and 评委明细 (every judge's total and status) sheets. */
export async function resultWorkbook(r: ArenaResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('成绩表');
  sheet.addRow([`${r.arena.title}（${r.arena.heldOn}）抽签种子：${r.arena.seed ?? '未抽签'}`]);
  sheet.addRow(header(r)).font = { bold: true };
  for (const row of r.rows) sheet.addRow(line(r, row));
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 30 : 12));
  const detail = wb.addWorksheet('评委明细');
  detail.addRow(['单位', '评委组', '评委', '总分', '状态']).font = { bold: true };
  for (const row of r.rows) for (const g of row.groups) for (const j of g.judges) detail.addRow([row.unitName, g.groupId, j.name, fmt(j.total), STATUS_LABEL[j.status]]);
  if (r.absences.length > 0) {
    const ab = wb.addWorksheet('缺评');
    ab.addRow(['评委', '评委组', '未评分的选手']).font = { bold: true };
    for (const a of r.absences) ab.addRow([a.name, a.groupId, a.contestants.join('、')]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** A result notice (成绩通报) for publication: title, seed, ranking table, absences. */
export async function resultDocument(r: ArenaResult): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`${r.arena.title}成绩通报`)] }),
          new Paragraph(`举办日期：${r.arena.heldOn}；出场顺序抽签种子：${r.arena.seed ?? '未抽签'}（任何人可按公开算法复现抽签结果）。`),
          new Paragraph(`评分规则：各评委组去掉一个最高分和一个最低分（组内不少于 5 个有效分时）后取平均，按组权重加权；回避和未评分的评委不计入。`),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ children: header(r).map((h) => cell(h, true)) }), ...r.rows.map((row) => new TableRow({ children: line(r, row).map((t) => cell(t)) }))],
          }),
          ...(r.absences.length > 0 ? [new Paragraph(`未评分评委：${r.absences.map((a) => `${a.name}（${a.contestants.length} 位选手）`).join('；')}`)] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
