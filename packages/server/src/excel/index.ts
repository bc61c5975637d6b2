import type { ImportProblem } from '../errors.js';
import { DEFAULT_PARSE_LIMITS, parseInWorker, type ParseLimits } from './parse-pool.js';
import type { ParsedSheet } from './sheet.js';

/**
 * The shared Excel pieces: a template with drop-down lists and instructions, a reader that returns
 * each filled row's cells by header (or problems by row and column), and an export. Importers check
 * the cells themselves and report with the same row numbers Excel shows.
 */
export interface TemplateColumn {
  header: string;
  width?: number;
  /** Allowed values, offered as a drop-down list. */
  list?: readonly string[];
  required?: boolean;
}

export interface Template {
  sheetName: string;
  columns: readonly TemplateColumn[];
  /** Prefilled rows: figures as number cells (`numberCell`), names and codes as text. */
  examples?: readonly (readonly (string | number | null)[])[];
  instructions: readonly string[];
}

const LIST_ROWS = 1000;

/** exceljs (29 MB loaded) comes in with the first workbook, not with the server. */
const workbook = async () => new (await import('exceljs')).default.Workbook();

export async function buildTemplate(t: Template): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet(t.sheetName);
  ws.columns = t.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  t.columns.forEach((c, i) => {
    if (c.required) ws.getCell(1, i + 1).note = '必填';
  });
  for (const example of t.examples ?? []) ws.addRow([...example]);
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  t.columns.forEach((c, i) => {
    if (!c.list || c.list.length === 0) return;
    c.list.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v));
    const letter = lists.getColumn(i + 1).letter;
    for (let r = 2; r <= LIST_ROWS; r += 1) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`选项!$${letter}$1:$${letter}$${c.list.length}`],
        showErrorMessage: true,
        error: `请从列表中选择${c.header}`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  [
    ...t.instructions,
    '第一行为表头，请勿修改；空行会被忽略。',
    '任何一行有错误时整份文件都不会导入，请按提示修改后重新上传。',
  ].forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { cellText, type SheetRow } from './sheet.js';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-pool.js';

/**
 * Reads the first sheet of a filled template, in a worker (`parse-pool.ts`) so a big or hostile file never
 * stalls other requests. The header must match the template's; blank rows are skipped; required and listed
 * cells are checked here, everything else by the importer. A file over a limit (rows holding data, the
 * worker's memory or time) comes back as one problem, which the importer answers as a 422.
 */
export async function readSheet<H extends string>(
  buffer: Buffer,
  columns: readonly (TemplateColumn & { header: H })[],
  limits: Partial<ParseLimits> = {},
): Promise<ParsedSheet<H>> {
  return parseInWorker(
    buffer,
    columns.map(({ header, list, required }) => ({
      header,
      ...(list ? { list } : {}),
      ...(required ? { required } : {}),
    })),
    { ...DEFAULT_PARSE_LIMITS, ...limits },
  );
}

export type ExportCell = string | number | Date | null;

export interface ExportColumn<T> {
  header: string;
  /** Characters; by default wide enough for the header. */
  width?: number;
  /** Excel number format of the column's values, e.g. '0.0%' for a rate kept as a fraction. */
  numFmt?: string;
  value: (row: T) => ExportCell;
}

export interface ExportSheet<T> {
  name: string;
  /** Lines above the header: the first is the sheet's title (bold, larger), the rest plain (period, date). */
  title?: readonly string[];
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
}

/**
 * Text that a spreadsheet would take for a formula once a cell is edited (`=HYPERLINK(…)`, `+`, `-`, `@`, a
 * leading tab or return) gets an apostrophe in front, as OWASP advises for exported user text.
 */
export function inert(value: ExportCell): ExportCell {
  return typeof value === 'string' && /^[=+\-@\t\r]./s.test(value) ? `'${value}` : value;
}

/** Wide enough for the header: a CJK character takes two columns. */
const headerWidth = (header: string) =>
  Math.max(16, [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 4);

/** One workbook of several sheets, each with optional title lines, a bold frozen header and its rows. */
export async function exportWorkbook<Rows extends unknown[]>(sheets: {
  [K in keyof Rows]: ExportSheet<Rows[K]>;
}): Promise<Buffer> {
  const wb = await workbook();
  for (const s of sheets as readonly ExportSheet<unknown>[]) {
    const ws = wb.addWorksheet(s.name);
    (s.title ?? []).forEach((line, i) => (ws.addRow([line]).font = i === 0 ? { bold: true, size: 14 } : {}));
    ws.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: ws.rowCount }];
    s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? headerWidth(c.header)));
    for (const row of s.rows) {
      const added = ws.addRow(s.columns.map((c) => inert(c.value(row))));
      s.columns.forEach((c, i) => {
        if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const exportSheet = <T>(
  name: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<Buffer> => exportWorkbook([{ name, columns, rows }]);

/** Columns for rows that are already lists of cells in header order (tables shared with a Word document). */
export const listColumns = (
  headers: readonly string[],
  widths?: readonly (number | undefined)[],
  numFmts?: readonly (string | undefined)[],
): ExportColumn<readonly ExportCell[]>[] =>
  headers.map((header, i) => {
    const numFmt = numFmts?.[i];
    return { header, width: widths?.[i], ...(numFmt ? { numFmt } : {}), value: (row) => row[i] ?? null };
  });

/**
 * A figure as a number cell: the canonical decimal the engine computed exactly and rounded once
 * ("87.133333"), converted once to the nearest double, which Excel shows back as the same digits.
 */
export const numberCell = (v: string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);
/**
 * Number formats. A cell holds the six-place figure and its format shows it whole (at least two places
 * for scores, one for percentages, up to all six): Excel never rounds a rounded figure, so it cannot
 * print 87.14 for a score whose exact value 87.1349996… the result notice shows as 87.13. Ranks and
 * counts are whole numbers. Amounts keep Excel's General format (all their places, no padding).
 */
export const SCORE_FMT = '0.00####';
export const INT_FMT = '0';
export const PERCENT_FMT = '0.0###%';

/** Sorts problems as a person reads the sheet: by row, then column. */
export const byRow = (a: ImportProblem, b: ImportProblem) => a.row - b.row || a.column.localeCompare(b.column);
