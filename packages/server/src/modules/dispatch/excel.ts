import { exportWorkbook, listColumns, type ExportCell } from '../../excel/index.js';

/** The board export's sheets as header and cell lists; src/excel lays them out like every other export. */
export interface SheetSpec {
  name: string;
  title?: string;
  header: string[];
  rows: ExportCell[][];
  widths?: number[];
}

export const sheetsToXlsx = (sheets: SheetSpec[]): Promise<Buffer> =>
  exportWorkbook(sheets.map((s) => ({ name: s.name, title: s.title === undefined ? [] : [s.title], columns: listColumns(s.header, s.widths), rows: s.rows })));
