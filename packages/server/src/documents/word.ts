import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
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

export interface WordDocumentSpec {
  title: string;
  /** Lines under the title, centred (issuing office, date). */
  subtitle?: string[];
  blocks: Block[];
}

const BODY = '仿宋';
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
        children: [
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
          ...spec.blocks.flatMap(render),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
