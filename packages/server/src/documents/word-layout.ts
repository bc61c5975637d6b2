import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Letterhead, WordDocumentSpec } from './word.js';

/** The layout of `wordDocument` (word.ts), with docx: loaded the first time a document is made. */
const BODY = '仿宋';
const RED = 'FF0000';
/** GB/T 9704-2012 §5.2.1: A4, margins 37 mm top, 35 bottom, 28 left, 26 right (in twips, 1 mm ≈ 56.7). */
const PAGE = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const line = (color: string) => ({ style: BorderStyle.SINGLE, size: 8, color, space: 4 });
const plain = (
  text: string,
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {},
) =>
  new Paragraph({
    ...(opts.align ? { alignment: opts.align } : {}),
    children: [new TextRun({ text, font: BODY, size: opts.size ?? 32 })],
  });

/** 发文机关标志 in red, 发文字号 under it, and the red line that closes the 版头 (§7.2). */
function head(l: Letterhead): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 480 },
      children: [new TextRun({ text: l.mark, font: '方正小标宋简体', size: 60, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { ...line(RED), size: 16 } },
      children: [new TextRun({ text: l.number, font: BODY, size: 32 })],
    }),
    new Paragraph({ children: [] }),
  ];
}

/** 落款 and 成文日期 right-aligned after the body (§7.3.5), then the 版记: 抄送 and 印发 between lines (§7.4). */
function foot(l: Letterhead): Paragraph[] {
  return [
    new Paragraph({ children: [] }),
    plain(l.issuer, { align: AlignmentType.RIGHT }),
    plain(l.signedOn, { align: AlignmentType.RIGHT }),
    new Paragraph({ children: [] }),
    ...(l.copyTo.length > 0
      ? [
          new Paragraph({
            border: { top: line('000000') },
            children: [new TextRun({ text: `抄送：${l.copyTo.join('，')}。`, font: BODY, size: 28 })],
          }),
        ]
      : []),
    new Paragraph({
      border: { top: line('000000'), bottom: line('000000') },
      tabStops: [{ type: 'right', position: 9026 }],
      children: [new TextRun({ children: [l.printedBy, new Tab(), `${l.printedOn}印发`], font: BODY, size: 28 })],
    }),
  ];
}
const cell = (text: string, bold: boolean, fill: string | null) =>
  new TableCell({
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: BODY, size: 21 })] })],
  });

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.text, font: '黑体', size: 30 })],
        }),
      ];
    case 'paragraph':
    case 'note':
      return [
        new Paragraph({
          spacing: { after: 120 },
          indent: { firstLine: 560 },
          children: [new TextRun({ text: block.text, font: BODY, size: 28 })],
        }),
      ];
    case 'table':
      if (block.rows.length === 0) return [];
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true, 'E7E6E6')) }),
            ...block.rows.map(
              (r, i) => new TableRow({ children: r.map((c) => cell(c, false, block.shading?.[i] ?? null)) }),
            ),
          ],
        }),
      ];
  }
}

export async function layOut(spec: WordDocumentSpec): Promise<Buffer> {
  const doc = new Document({
    creator: 'Leitai',
    title: spec.title,
    sections: [
      {
        properties: { page: { margin: PAGE } },
        children: [
          ...(spec.letterhead ? head(spec.letterhead) : []),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: spec.title, font: '方正小标宋简体', size: 44 })],
          }),
          ...(spec.subtitle ?? []).map(
            (s) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: s, font: '楷体', size: 28 })],
              }),
          ),
          ...(spec.letterhead ? [plain(`${spec.letterhead.addressee}：`)] : []),
          ...spec.blocks.flatMap(render),
          ...(spec.letterhead ? foot(spec.letterhead) : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
