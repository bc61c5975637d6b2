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

/** A Word document in the house style (word-layout.ts; docx, 11 MB of it, is loaded when the first is made). */
export async function wordDocument(spec: WordDocumentSpec): Promise<Buffer> {
  const { layOut } = await import('./word-layout.js');
  return layOut(spec);
}
