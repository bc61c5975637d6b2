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

/**
 * Word documents for bulletins (通报) and reports, in the house style of government documents: title in
 * 小标宋, headings in 黑体, body in 仿宋 三号/四号. Features describe content as blocks; these helpers lay
 * it out, so every bulletin looks the same and none builds docx by hand.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** Optional background per row, e.g. red items: hex 'FFCCCC'. */ shading?: (string | null)[];
    }
  /** Shown instead of an empty table. */
  | { kind: 'note'; text: string };

/** The 版头, 落款 and 版记 of an office's document (GB/T 9704-2012), dates already in Chinese. */
export interface Letterhead {
  /** 发文机关标志, e.g. 城阳区绩效考核办公室文件 (red, centred). */
  mark: string;
  /** 发文字号, e.g. 城考办〔2026〕12号. */
  number: string;
  /** 主送机关, written with a full-width colon after it. */
  addressee: string;
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期, e.g. 2026年12月2日. */
  signedOn: string;
  /** 抄送机关; none leaves the line out. */
  copyTo: string[];
  /** 印发机关 and 印发日期. */
  printedBy: string;
  printedOn: string;
}

export interface WordDocumentSpec {
  title: string;
  /** The official layout: 版头 above the title, 落款 and 版记 after the body. */
  letterhead?: Letterhead;
  /** Lines under the title, centred, for a document that is not an office's (an arena's brief). */
  subtitle?: string[];
  blocks: Block[];
}

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

export async function wordDocument(spec: WordDocumentSpec): Promise<Buffer> {
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
