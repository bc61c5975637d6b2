import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplate, exportSheet, readSheet } from './index.js';

const columns = [
  { header: '编码', required: true },
  { header: '名称', required: true },
  { header: '类型', list: ['部门', '镇街'] },
] as const;

async function fill(template: Buffer, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('excel helpers', () => {
  it('reads back a filled template, skipping blank rows and reporting bad cells by Excel row and header', async () => {
    const template = await buildTemplate({ sheetName: '单位', columns, examples: [], instructions: ['说明'] });
    const filled = await fill(template, [
      ['a1', '甲', '部门'],
      [null, null, null],
      ['', '乙', '街道'],
    ]);
    const { rows, problems } = await readSheet(filled, columns);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0]!.cells).toEqual({ 编码: 'a1', 名称: '甲', 类型: '部门' });
    expect(problems).toEqual([
      { row: 4, column: '编码', message: '不能为空' },
      { row: 4, column: '类型', message: expect.stringContaining('不在可选范围内') },
    ]);
  });

  it('refuses a file whose header differs and a file that is not Excel', async () => {
    const other = await exportSheet('x', [{ header: '别的', value: (r: { a: string }) => r.a }], [{ a: '1' }]);
    expect((await readSheet(other, columns)).problems[0]).toMatchObject({ row: 1 });
    expect((await readSheet(Buffer.from('not excel'), columns)).problems[0]!.message).toMatch(/无法读取/);
  });

  it('exports rows under their headers', async () => {
    const buffer = await exportSheet('单位', [{ header: '名称', value: (r: { n: string }) => r.n }], [{ n: '城阳区' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('城阳区');
  });
});
