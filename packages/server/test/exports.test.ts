import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createDemoTestApp, type TestApp } from './harness.js';
import { loginAs, type Client } from './factories.js';
import { DEMO_PASSWORD } from '../src/demo/district.js';

/**
 * Every Excel file the server offers, generated from the demo district and read back (issue 12): figures
 * are number cells holding the engine's six-place decimal (never text, never float noise such as
 * 13.750005), percentages are fractions with a % format, ranks whole numbers.
 */
let t: TestApp;
const as: Record<string, Client> = {};
let campaign: number;
let arena: number;
let fgj: number;
const PERIOD = '2026-05';

beforeAll(async () => {
  t = await createDemoTestApp({ today: new Date('2026-07-15T09:00:00+08:00') });
  for (const u of ['organiser', 'sysadmin', 'auditor', 'reporter.fgj']) as[u] = await loginAs(t.app, u, DEMO_PASSWORD);
  campaign = (await as.organiser!.get('/api/dispatch/campaigns')).json().campaigns[0].id;
  const arenas = (await as.organiser!.get('/api/arenas')).json() as { id: number; status: string }[];
  arena = arenas.find((a) => a.status === 'finished')!.id;
  fgj = (await as.sysadmin!.get('/api/units')).json().items.find((u: { code: string }) => u.code === 'fgj').id;
});
afterAll(() => t.close());

async function workbook(who: string, url: string): Promise<ExcelJS.Workbook> {
  const res = await as[who]!.get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Columns whose digits are identifiers, rightly text: a phone number, a code, a record id. */
const IDENTIFIERS = new Set(['手机', '单位编码', '上级单位编码', '分管单位编码', '用户名', '对象']);
const NUMERIC_TEXT = /^[-+]?\d+(\.\d+)?%?$/;
const decimals = (v: number): number => (/e/i.test(String(v)) ? Infinity : (String(v).split('.')[1] ?? '').length);
/** The places a number format can show: '0' none, '0.00####' six, '0.0###%' six of the fraction. */
function placesOf(numFmt: string | undefined): number {
  if (!numFmt || numFmt === 'General') return 6;
  const frac = /\.([0#]+)/.exec(numFmt)?.[1]?.length ?? 0;
  return numFmt.includes('%') ? frac + 2 : frac;
}

/** Every problem of every sheet below its header row, as "sheet!cell: what". */
function problems(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden') continue; // the template's drop-down lists
    const headerRow = (ws.views?.[0] as { ySplit?: number } | undefined)?.ySplit ?? 0;
    const headers = headerRow > 0 ? (ws.getRow(headerRow).values as unknown[]).map((h) => String(h ?? '')) : [];
    ws.eachRow((row, r) => {
      if (r <= headerRow) return;
      row.eachCell((cell, c) => {
        const header = headers[c] ?? '';
        const at = `${ws.name}!${cell.address} (${header})`;
        const v = cell.value;
        if (typeof v === 'string' && NUMERIC_TEXT.test(v.trim()) && !IDENTIFIERS.has(header))
          out.push(`${at}: the number “${v}” is stored as text`);
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) out.push(`${at}: ${v}`);
          else if (decimals(v) > placesOf(cell.numFmt))
            out.push(`${at}: ${v} has more places than its format ${cell.numFmt ?? 'General'} shows`);
          if (header === '名次' && !(Number.isInteger(v) && v >= 1 && cell.numFmt === '0'))
            out.push(`${at}: rank ${v} is not a whole number formatted 0`);
          if ((header.endsWith('率') || header === '为序时进度') && !cell.numFmt?.includes('%'))
            out.push(`${at}: rate ${v} without a % format`);
        }
        if (header === '名次' && v !== null && typeof v !== 'number') out.push(`${at}: rank “${String(v)}” is text`);
      });
    });
  }
  return out;
}

/** The cells of a sheet's data rows by header, with the header row found from the frozen pane. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headerRow = (ws.views[0] as { ySplit?: number }).ySplit ?? 1;
  const headers = (ws.getRow(headerRow).values as unknown[]).map((h) => String(h ?? ''));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r += 1)
    rows.push(Object.fromEntries(headers.map((h, c) => [h, ws.getCell(r, c).value]).slice(1)));
  return rows;
}

describe('every export reads back as numbers', () => {
  it('each Excel file the server offers: figures are number cells, no text numbers, no float noise', async () => {
    const files: [string, string][] = [
      ['organiser', `/api/dispatch/campaigns/${campaign}/board/export?period=${PERIOD}`],
      ['organiser', `/api/dispatch/campaigns/${campaign}/bulletin?period=${PERIOD}&format=xlsx`],
      ['organiser', `/api/dispatch/campaigns/${campaign}/bulletin?period=2026-06&format=xlsx`],
      ['organiser', `/api/dispatch/campaigns/${campaign}/targets/template?year=2026`],
      ['reporter.fgj', `/api/dispatch/campaigns/${campaign}/units/${fgj}/report/template?period=2026-06`],
      ['organiser', `/api/arenas/${arena}/result.xlsx`],
      ['organiser', '/api/ledger/export'],
      ['organiser', '/api/ledger/import/template'],
      ['organiser', '/api/ledger/bulletin?period=2026&format=xlsx'],
      ['organiser', '/api/ledger/bulletin?period=2026-06&format=xlsx'],
      ['sysadmin', '/api/units/export'],
      ['sysadmin', '/api/units/template'],
      ['sysadmin', '/api/users/export'],
      ['sysadmin', '/api/users/template'],
      ['auditor', '/api/audit/export'],
      ['organiser', '/api/ratings/export.xlsx?from=2026-01-01&to=2026-12-31'],
      ['organiser', '/api/ratings/points/template'],
      ['organiser', '/api/projects/export?year=2026'],
      ['organiser', '/api/projects/bulletin?year=2026&period=2026-06&format=xlsx'],
    ];
    const found: string[] = [];
    for (const [who, url] of files) found.push(...problems(await workbook(who, url)).map((p) => `${url} ${p}`));
    expect(found).toEqual([]);
  });

  it('the board: the engine’s decimals exactly, the expected value target × m/12 rounded once', async () => {
    const board = (await as.organiser!.get(`/api/dispatch/campaigns/${campaign}/board?period=${PERIOD}`)).json();
    const info = (await as.organiser!.get(`/api/dispatch/campaigns/${campaign}?year=2026`)).json();
    const linear = new Set(
      info.indicators
        .filter(
          (i: { kind: string; profile: { kind: string } }) => i.kind === 'cumulative' && i.profile.kind === 'linear',
        )
        .map((i: { id: number }) => i.id),
    );
    const wb = await workbook('organiser', `/api/dispatch/campaigns/${campaign}/board/export?period=${PERIOD}`);
    const sheet = rowsOf(wb.worksheets[0]!);
    let checked = 0;
    board.rows.forEach(
      (
        r: {
          rank: number | null;
          cells: { indicatorId: number; base: string; actual: string | null; expected: string }[];
        },
        k: number,
      ) => {
        const line = sheet[k]!;
        expect(line['名次'] ?? null).toBe(r.rank);
        for (const c of r.cells) {
          const ind = board.indicators.find((i: { id: number }) => i.id === c.indicatorId);
          const expected = line[`${ind.name}序时`] as number;
          expect(String(expected)).toBe(c.expected);
          if (c.actual !== null) expect(String(line[`${ind.name}完成（${ind.measure}）`])).toBe(c.actual);
          if (linear.has(c.indicatorId)) {
            // 5/12 of the target, from its decimal digits, rounded half up once to six places.
            const [w, f = ''] = c.base.split('.');
            const micro = BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, '0'));
            const want = (micro * 5n * 2n + 12n) / 24n;
            expect(BigInt(Math.round(expected * 1e6))).toBe(want);
            checked += 1;
          }
        }
      },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('the arena result: scores as the engine’s six places, ranks as integers, the Word at two places', async () => {
    const result = (await as.organiser!.get(`/api/arenas/${arena}/result`)).json();
    const wb = await workbook('organiser', `/api/arenas/${arena}/result.xlsx`);
    const sheet = rowsOf(wb.getWorksheet('成绩表')!);
    result.rows.forEach((r: { rank: number; score: string }, k: number) => {
      expect([sheet[k]!['名次'], String(sheet[k]!['总分'])]).toEqual([r.rank, r.score]);
    });
    expect(wb.getWorksheet('成绩表')!.getCell(3, 5).numFmt).toBe('0.00####');
  });

  it('the ledger bulletin: rates as fractions with a % format, equal to the rates served', async () => {
    const data = (await as.organiser!.get('/api/ledger/bulletin?period=2026&format=json')).json();
    const wb = await workbook('organiser', '/api/ledger/bulletin?period=2026&format=xlsx');
    const ws = wb.getWorksheet('按期销号排名')!;
    const sheet = rowsOf(ws);
    expect(data.ranking.length).toBeGreaterThan(2);
    data.ranking.forEach((r: { rank: number; rate: string }, k: number) => {
      expect([sheet[k]!['名次'], String(sheet[k]!['按期销号率'])]).toEqual([r.rank, r.rate]);
    });
    expect(ws.getCell(4, 7).numFmt).toBe('0.0###%');
  });

  it('the dispatch bulletin: the red sheet’s figures and ratio as numbers, the standings’ ranks as the board’s', async () => {
    const board = (await as.organiser!.get(`/api/dispatch/campaigns/${campaign}/board?period=${PERIOD}`)).json();
    const wb = await workbook('organiser', `/api/dispatch/campaigns/${campaign}/bulletin?period=${PERIOD}&format=xlsx`);
    const red = rowsOf(wb.getWorksheet('红灯指标')!);
    const cells = board.rows.flatMap((r: { unit: { name: string }; cells: { state: string }[] }) =>
      r.cells.filter((c) => c.state === 'red').map((c) => ({ unit: r.unit.name, ...c })),
    );
    expect(red.length).toBe(cells.length);
    expect(red.length).toBeGreaterThan(0);
    red.forEach((line, k) => {
      const c = cells[k] as { unit: string; expected: string; gapPoints: string | null; ratio: string | null };
      expect([line['单位'], String(line['序时目标'])]).toEqual([c.unit, c.expected]);
      expect(line['落后序时（百分点）'] ?? null).toBe(c.gapPoints === null ? null : Number(c.gapPoints));
      expect(line['为序时进度'] ?? null).toBe(c.ratio === null ? null : Number(c.ratio));
    });
    const standings = rowsOf(wb.getWorksheet('分类排名')!);
    const rankOf = new Map(board.rows.map((r: { unit: { name: string }; rank: number }) => [r.unit.name, r.rank]));
    for (const s of standings) expect(s['名次'] ?? null).toBe(rankOf.get(s['单位'] as string) ?? null);
  });
});
