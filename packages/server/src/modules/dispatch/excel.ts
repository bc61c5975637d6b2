import ExcelJS from 'exceljs';

/** Several plain sheets in one workbook (the bulletin and the board export): optional title line, bold header, rows. */
export interface SheetSpec {
  name: string;
  title?: string;
  header: string[];
  rows: (string | number | null)[][];
  widths?: number[];
}

export async function sheetsToXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title) ws.addRow([s.title]).font = { bold: true, size: 14 };
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.header.forEach((h, i) => (ws.getColumn(i + 1).width = s.widths?.[i] ?? Math.max(10, h.length * 2 + 4)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
