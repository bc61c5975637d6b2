import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplate, exportSheet, exportWorkbook, listColumns, readSheet } from './index.js';

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

  it('exports formula-like text inert, and leaves numbers, dashes and plain text alone', async () => {
    const texts = ['=HYPERLINK("http://x","点我")', '+86 138', '-1+1', '@SUM(A1)', '\tTab', '-', '城阳区', 'a=b'];
    const buffer = await exportSheet('单位', [{ header: '内容', value: (r: string | number) => r }], [...texts, -3]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(texts.map((_, i) => ws.getCell(i + 2, 1).value)).toEqual([
      `'=HYPERLINK("http://x","点我")`,
      "'+86 138",
      "'-1+1",
      "'@SUM(A1)",
      "'\tTab",
      '-',
      '城阳区',
      'a=b',
    ]);
    expect(ws.getCell(texts.length + 2, 1).value).toBe(-3);
  });

  it('exports several sheets with title lines above a frozen header and number formats on the values only', async () => {
    const buffer = await exportWorkbook([
      {
        name: '排名',
        title: ['督查通报（2026）', '统计期间 2026-01-01 至 2026-12-31'],
        columns: [
          { header: '单位', width: 30, value: (r) => r.unit },
          { header: '按期销号率', numFmt: '0.0%', value: (r) => r.rate },
        ],
        rows: [
          { unit: '区住建局', rate: 0.8333 },
          { unit: '区商务局', rate: null },
        ],
      },
      { name: '明细', columns: listColumns(['序号', '事项']), rows: [[1, '路灯']] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['排名', '明细']);
    const rank = wb.getWorksheet('排名')!;
    expect(rank.getCell('A1').value).toBe('督查通报（2026）');
    expect(rank.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(rank.getCell('A2').value).toBe('统计期间 2026-01-01 至 2026-12-31');
    expect(rank.getRow(3).values).toEqual([undefined, '单位', '按期销号率']);
    expect(rank.getCell('B3').font).toMatchObject({ bold: true });
    expect(rank.getCell('B3').numFmt).toBeUndefined();
    expect(rank.getRow(4).values).toEqual([undefined, '区住建局', 0.8333]);
    expect(rank.getCell('B4').numFmt).toBe('0.0%');
    expect(rank.getCell('B5').value).toBeNull();
    expect(rank.getColumn(1).width).toBe(30);
    expect(rank.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const detail = wb.getWorksheet('明细')!;
    expect(detail.getRow(1).values).toEqual([undefined, '序号', '事项']);
    expect(detail.getRow(2).values).toEqual([undefined, 1, '路灯']);
    expect(detail.views[0]).toMatchObject({ ySplit: 1 });
  });
});
