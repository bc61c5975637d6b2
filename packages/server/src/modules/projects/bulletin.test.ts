import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { readDocx } from '../../documents/index.js';
import { shanghaiDate } from '../../jobs/clock.js';

/** 重点项目推进情况通报 on the demo district: read back as an office would, in Word and in Excel. */
let t: TestApp;
let organiser: Client;
const today = shanghaiDate();
const Y = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
// The demo's last month, where the ladder opened its interviews (none in January).
const last = month === 1 ? null : `${Y}-${String(month - 1).padStart(2, '0')}`;
const url = (format: string) => `/api/projects/bulletin?year=${Y}&period=${last}&format=${format}`;

interface Bulletin {
  title: string;
  count: number;
  cards: Record<string, number>;
  rates: { start: { done: number; due: number }; investment: { percent: string } };
  exact: { investment: { done: string; due: string; fraction: string } };
  red: { name: string; unit: string; reasons: string[]; completed: string }[];
  yellow: { name: string; card: string }[];
  interviews: { project: string; held: boolean; heldOn: string | null }[];
  byUnit: { unit: string; completed: string }[];
}

beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  await t.app.ctx.outbox.drain();
  organiser = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
});
afterAll(() => t.close());

/** The sheet's data rows by header (the header row is the frozen pane's last). */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headerRow = (ws.views[0] as { ySplit?: number }).ySplit ?? 1;
  const headers = (ws.getRow(headerRow).values as unknown[]).map((h) => String(h ?? ''));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r += 1)
    out.push(Object.fromEntries(headers.map((h, c) => [h, ws.getCell(r, c).value]).slice(1)));
  return out;
}
const micro = (v: string | number) => {
  const [w, f = ''] = String(v).split('.');
  return BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, '0'));
};

describe.skipIf(last === null)('the projects bulletin', () => {
  let data: Bulletin;
  beforeAll(async () => {
    data = (await organiser.get(url('json'))).json<Bulletin>();
  });

  it('counts the month as the dashboard does: cards, rates, the red list with its reasons', async () => {
    const dash = (await organiser.get(`/api/projects/dashboard?year=${Y}`)).json();
    expect(data.title).toBe(`${Y}年${month - 1}月重点项目推进情况通报`);
    expect(data.count).toBe(dash.count);
    expect(data.cards).toEqual(dash.cards);
    expect(data.rates).toEqual(dash.rates);
    expect(data.red.map((r) => r.name)).toEqual(dash.red.map((r: { name: string }) => r.name));
    expect(data.red.length).toBeGreaterThan(0);
    expect(data.red.every((r) => r.reasons.length > 0)).toBe(true);
    expect(data.yellow.every((y) => y.card === 'yellow' || y.card === 'overdue')).toBe(true);
    expect(data.yellow.length).toBe(data.cards.yellow! + data.cards.overdue!);
    // The ladder's interviews of the month; the demo recorded one of them.
    expect(data.interviews.length).toBeGreaterThan(0);
    expect(data.interviews.some((i) => i.held && i.heldOn !== null)).toBe(true);
    // The units' investment adds up to the district's, exactly.
    expect(data.byUnit.reduce((s, u) => s + micro(u.completed), 0n)).toBe(micro(data.exact.investment.done));
  });

  it('writes the Word: the figures in the text, the red project and its reason in the red table', async () => {
    const res = await organiser.get(url('docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const doc = await readDocx(res.rawPayload);
    expect(doc.paragraphs[2]).toBe(data.title);
    expect(doc.paragraphs.join('')).toContain(`投资完成率 ${data.rates.investment.percent}%`);
    expect(doc.paragraphs).toContain('三、红牌项目');
    const red = doc.tables.find((tb) => tb[0]?.includes('原因') && tb.slice(1).some((r) => r[4] === '红牌'))!;
    const first = data.red[0]!;
    const row = red.find((r) => r[1] === first.name)!;
    expect(row).toBeDefined();
    expect(row[2]).toBe(first.unit);
    expect(row.at(-1)).toBe(first.reasons.join('；'));
    const interviews = doc.tables.find((tb) => tb[0]?.includes('是否已约谈'))!;
    expect(interviews.length - 1).toBe(data.interviews.length);
    expect(interviews.some((r) => r[5] === '已约谈')).toBe(true);
  });

  it('writes the Excel: figures are number cells, rates fractions with a % format, the red list names the red projects', async () => {
    const res = await organiser.get(url('xlsx'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer); // exceljs's typing predates Node's generic Buffer
    const overall = rowsOf(wb.getWorksheet('总体情况')!);
    const start = overall.find((r) => r['指标'] === '开工（个）')!;
    expect([start['已完成'], start['应完成']]).toEqual([data.rates.start.done, data.rates.start.due]);
    const invest = overall.find((r) => r['指标'] === '投资（万元）')!;
    expect(typeof invest['已完成']).toBe('number');
    expect(String(invest['已完成'])).toBe(data.exact.investment.done);
    expect(String(invest['完成率'])).toBe(data.exact.investment.fraction);
    expect(wb.getWorksheet('总体情况')!.getCell(6, 4).numFmt).toBe('0.0###%');
    const red = rowsOf(wb.getWorksheet('红牌项目')!);
    expect(red.map((r) => r['项目名称'])).toEqual(data.red.map((r) => r.name));
    expect(red.map((r) => r['累计完成（万元）'])).toEqual(data.red.map((r) => Number(r.completed)));
    expect(red.every((r) => r['亮牌'] === '红牌' && typeof r['序号'] === 'number')).toBe(true);
    const units = rowsOf(wb.getWorksheet('各单位投资')!);
    expect(units.map((u) => u['单位'])).toEqual(data.byUnit.map((u) => u.unit));
    expect(units.every((u) => typeof u['累计完成（万元）'] === 'number' && typeof u['项目数'] === 'number')).toBe(true);
    const talks = rowsOf(wb.getWorksheet('约谈情况')!);
    expect(talks.map((r) => r['是否已约谈'])).toEqual(data.interviews.map((i) => (i.held ? '已约谈' : '未约谈')));
  });

  it('a unit’s bulletin holds its own projects only', async () => {
    const reporter = await loginAs(t.app, 'reporter.gxj', DEMO_PASSWORD);
    const mine = (await reporter.get(url('json'))).json<Bulletin>();
    const own = (await reporter.get(`/api/projects?year=${Y}`)).json<{ rows: unknown[] }>().rows;
    expect(mine.count).toBe(own.length);
    expect(mine.count).toBeLessThan(data.count);
    expect(new Set(mine.byUnit.map((u) => u.unit)).size).toBe(1);
  });

  it('refuses a period outside the year', async () => {
    const res = await organiser.get(`/api/projects/bulletin?year=${Y}&period=${Y - 1}-06`);
    expect(res.statusCode).toBe(400);
  });
});
