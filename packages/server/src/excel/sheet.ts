import type ExcelJS from 'exceljs';
import type { ImportProblem } from '../errors.js';

/**
 * Reading a filled template, the part that runs inside the parse worker (`parse-worker.ts`): it imports
 * nothing but exceljs, so a worker starts quickly and holds nothing of the server.
 */
export interface SheetColumn<H extends string = string> {
  header: H;
  /** Allowed values. */
  list?: readonly string[];
  required?: boolean;
}

export interface SheetRow<H extends string> {
  /** The row number Excel shows. */
  row: number;
  cells: Record<H, string>;
}

export interface ParsedSheet<H extends string> {
  rows: SheetRow<H>[];
  problems: ImportProblem[];
}

/** A cell as trimmed text; a typed date as YYYY-MM-DD (Excel stores it as midnight UTC). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'error' in v) return '';
  return String(v).trim();
}

export const tooManyRows = (maxRows: number): ImportProblem => ({
  row: 0,
  column: '',
  message: `文件中的数据超过 ${maxRows} 行，请分成几份分批导入`,
});

/**
 * Reads the first sheet: the header must match, blank rows are skipped, required and listed cells are
 * checked. Only the rows the file really holds are visited (`eachRow`), never the sheet's declared extent:
 * a lone cell at row 1,048,576 costs one row, not a million; past `maxRows` rows holding data it stops.
 */
export async function parseSheet<H extends string>(
  buffer: Buffer,
  columns: readonly SheetColumn<H>[],
  maxRows: number,
): Promise<ParsedSheet<H>> {
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
  } catch {
    return { rows: [], problems: [{ row: 0, column: '', message: '无法读取文件，请上传由模板填写的 .xlsx 文件' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [{ row: 0, column: '', message: '文件中没有工作表' }] };
  const header = columns.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value));
  if (header.some((h, i) => h !== columns[i]!.header)) {
    return {
      rows: [],
      problems: [
        { row: 1, column: '', message: `表头须为：${columns.map((c) => c.header).join('、')}，请使用下载的模板` },
      ],
    };
  }
  const rows: SheetRow<H>[] = [];
  const problems: ImportProblem[] = [];
  let over = false;
  ws.eachRow((sheetRow, r) => {
    if (r === 1 || over) return;
    const values = columns.map((_, i) => cellText(sheetRow.getCell(i + 1).value));
    if (values.every((v) => v === '')) return;
    if (rows.length === maxRows) {
      over = true;
      return;
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c.header, values[i]!])) as Record<H, string>;
    columns.forEach((c, i) => {
      if (c.required && values[i] === '') problems.push({ row: r, column: c.header, message: '不能为空' });
      else if (c.list && values[i] !== '' && !c.list.includes(values[i]!))
        problems.push({ row: r, column: c.header, message: `“${values[i]}”不在可选范围内（${c.list.join('、')}）` });
    });
    rows.push({ row: r, cells });
  });
  if (over) return { rows: [], problems: [tooManyRows(maxRows)] };
  if (rows.length === 0) problems.push({ row: 2, column: '', message: '文件中没有数据行' });
  return { rows, problems };
}
