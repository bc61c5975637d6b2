import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../test/factories.js';
import { buildTemplate, readSheet } from './index.js';

/** Issue 19, item 9: an Excel upload costs what it really holds, and never the other requests' time. */
let t: TestApp;
let org: Client;

function multipart(name: string, content: Buffer) {
  const boundary = '----leitai';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const payload = Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The units template with its example row gone and `cells` set ([row, column, value]). */
async function unitsFile(cells: [number, number, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await org.get('/api/units/template')).rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.spliceRows(2, 1);
  for (const [r, c, v] of cells) ws.getCell(r, c).value = v;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A few hundred bytes that ask exceljs for 17 billion cells: one merged range over the whole sheet. */
async function mergeBomb(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  zip.file(
    path,
    xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await buildUnit(t.database.db, { name: '城阳区', code: 'root' });
  await buildUser(t.database.db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  org = await loginAs(t.app, 'org');
});
afterAll(() => t.close());

describe('Excel uploads cannot stall the server', () => {
  it('reads a sheet whose only cell is at row 1,048,576 as that one row, not a million', async () => {
    const file = await unitsFile([[1_048_576, 1, 'far']]);
    expect(file.length).toBeLessThan(30_000);
    const res = await org.request({ method: 'POST', url: '/api/units/import', ...multipart('单位.xlsx', file) });
    // The importer's own findings for that row: the file was read within the worker's memory limit (the
    // old row-by-row walk to the sheet's last row took 1.7 GB and would have been stopped at 512 MB).
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().error.details.errors as { row: number; column: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.row === 1_048_576)).toBe(true);
  });

  it('refuses a file with more rows holding data than the cap, counting only rows with data', async () => {
    const columns = [{ header: '编码', required: true }, { header: '名称' }] as const;
    const template = await buildTemplate({ sheetName: 's', columns, instructions: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    [2, 3, 500, 1_048_576].forEach((r, i) => (ws.getCell(r, 1).value = `c${i}`));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const four = await readSheet(file, columns, { maxRows: 4 });
    expect(four.problems).toEqual([]);
    expect(four.rows.map((r) => r.row)).toEqual([2, 3, 500, 1_048_576]);
    const three = await readSheet(file, columns, { maxRows: 3 });
    expect(three.rows).toEqual([]);
    expect(three.problems).toEqual([{ row: 0, column: '', message: expect.stringContaining('超过 3 行') }]);
  });

  it('stops a hostile file at the worker’s memory limit with a 422, while /healthz keeps answering', async () => {
    const bomb = await mergeBomb(await unitsFile([[2, 1, 'x']]));
    const started = Date.now();
    let parseDone = 0;
    const parse = org
      .request({ method: 'POST', url: '/api/units/import', ...multipart('单位.xlsx', bomb) })
      .finally(() => (parseDone = Date.now()));
    const latencies: number[] = [];
    // Health checks one after another for as long as the parse runs (at least one).
    do {
      const t0 = Date.now();
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      latencies.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    } while (parseDone === 0);
    const res = await parse;
    const parseMs = parseDone - started;
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.errors[0].message).toMatch(/文件过大或结构过于复杂/);
    // On the event loop, a health check would have waited for the whole parse; off it, each answers in a
    // small fraction of it (a ratio, so a loaded machine slows both sides alike).
    expect(latencies.length).toBeGreaterThan(1);
    expect(Math.max(...latencies)).toBeLessThan(parseMs / 4);
  });
});
