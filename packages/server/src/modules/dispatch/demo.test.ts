import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { STANDING_RULE } from '@leitai/core';
import { readDocx } from '../../documents/index.js';
import { createDemoTestApp, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';

let t: TestApp;
let org: Client;
let campaign: number;
beforeAll(async () => {
  t = await createDemoTestApp({ today: new Date('2026-07-15T09:00:00+08:00') });
  org = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
  campaign = (await org.get('/api/dispatch/campaigns')).json().campaigns[0].id;
});
afterAll(() => t.close());

type Row = {
  unit: { code: string };
  report: { state: string; timing: string; returnReason: string | null };
  cells: { state: string }[];
};

describe('demo dispatch', () => {
  it('has six months, last month open a week more, the earlier ones closed', async () => {
    const { periods } = (await org.get(`/api/dispatch/campaigns/${campaign}?year=2026`)).json();
    expect(periods.map((p: { period: string; open: boolean }) => [p.period, p.open])).toEqual([
      ['2026-01', false],
      ['2026-02', false],
      ['2026-03', false],
      ['2026-04', false],
      ['2026-05', false],
      ['2026-06', true],
    ]);
    expect(periods[5].deadline).toBe('2026-07-22');
  });

  it('shows units ahead of pace, a little behind and far behind, a late and a missing report', async () => {
    const may = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=2026-05`)).json();
    const states = may.rows.flatMap((r: Row) => r.cells.map((c) => c.state));
    for (const s of ['green', 'yellow', 'red']) expect(states).toContain(s);
    const april = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=2026-04`)).json();
    expect(april.rows.find((r: Row) => r.unit.code === 'hongdao').report.timing).toBe('missing');
    const march = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=2026-03`)).json();
    expect(march.rows.find((r: Row) => r.unit.code === 'swj').report.timing).toBe('late');
  });

  it('last month: one report returned with a reason, 区发改局 not yet filled', async () => {
    const june = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=2026-06`)).json();
    const gxj = june.rows.find((r: Row) => r.unit.code === 'gxj');
    expect(gxj.report).toMatchObject({ state: 'returned', returnReason: expect.stringContaining('走访') });
    const fgj = june.rows.find((r: Row) => r.unit.code === 'fgj');
    expect(fgj.report.state).toBe('none');
    // Pending before the deadline, overdue after it (the server's clock is the real one): never a colour.
    expect(fgj.cells.every((c: { state: string }) => c.state === 'pending' || c.state === 'overdue')).toBe(true);
    const reporter = await loginAs(t.app, 'reporter.fgj', DEMO_PASSWORD);
    const form = (
      await reporter.get(`/api/dispatch/campaigns/${campaign}/units/${fgj.unit.id}/report?period=2026-06`)
    ).json();
    // 签约亿元以上项目 prefilled from May's cumulative figure; the growth rate asked fresh.
    expect(form.rows.map((r: { name: string; prefilled: boolean }) => [r.name, r.prefilled])).toEqual([
      ['签约亿元以上项目', true],
      ['固定资产投资增长', false],
    ]);
  });
  it('the June bulletin lists every unit by its true state; units without figures rank after the others', async () => {
    const june = (await org.get(`/api/dispatch/campaigns/${campaign}/board?period=2026-06`)).json();
    const rows: (Row & { rank: number; unit: { name: string; categoryName: string }; report: { standing: string } })[] =
      june.rows;
    const byCode = (c: string) => rows.find((r) => r.unit.code === c)!;
    expect([byCode('gxj').report.standing, byCode('fgj').report.standing]).toEqual(['returned', 'missing']);
    // Within each category, every unit without accepted figures ranks after every unit with them, tied.
    for (const cat of new Set(rows.map((r) => r.unit.categoryName))) {
      const mine = rows.filter((r) => r.unit.categoryName === cat);
      const figures = mine.filter((r) => ['on_time', 'late'].includes(r.report.standing));
      const none = mine.filter((r) => !['on_time', 'late'].includes(r.report.standing));
      for (const r of none) expect(r.rank).toBe(figures.length + 1);
    }
    const doc = await readDocx(
      (await org.get(`/api/dispatch/campaigns/${campaign}/bulletin?period=2026-06&format=docx`)).rawPayload,
    );
    const text = doc.paragraphs.join('\n');
    expect(text).toContain(STANDING_RULE);
    expect(text).not.toContain('本期各单位均按时报送');
    const count = (s: string) => rows.filter((r) => r.report.standing === s).length;
    expect(text).toContain(`按时报送 ${count('on_time')} 个`);
    expect(text).toContain(`退回未改 ${count('returned')} 个`);
    expect(text).toContain(`未报 ${count('missing')} 个`);
    const late = doc.tables[doc.tables.length - 1]!;
    expect(late.find((r) => r[0] === byCode('gxj').unit.name)?.[1]).toBe('退回未改');
    expect(late.find((r) => r[0] === byCode('fgj').unit.name)?.[1]).toBe('未报');
    const standings = doc.tables[0]!;
    expect(standings.find((r) => r[1] === byCode('gxj').unit.name)?.[6]).toBe('退回未改');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await org.get(`/api/dispatch/campaigns/${campaign}/bulletin?period=2026-06&format=xlsx`))
        .rawPayload as unknown as ArrayBuffer,
    );
    const sheet = wb.getWorksheet('分类排名')!;
    const lines = sheet.getSheetValues().slice(3) as unknown[][];
    const gxjLine = lines.find((l) => l?.[3] === byCode('gxj').unit.name)!;
    // Ranks and counts are number cells; the state is the true one.
    expect([gxjLine[2], gxjLine[8]]).toEqual([byCode('gxj').rank, '退回未改']);
    for (const l of lines.filter(Boolean)) for (const k of [2, 4, 5, 6, 7]) expect(typeof l[k]).toBe('number');
  });
  it('a leader’s board keeps the district ranks of the units he oversees (a scoped view filters rows)', async () => {
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    for (const period of ['2026-05', '2026-06']) {
      const url = `/api/dispatch/campaigns/${campaign}/board?period=${period}`;
      type R = { unit: { id: number; categoryName: string }; rank: number };
      const district: R[] = (await org.get(url)).json().rows;
      const mine: R[] = (await leader.get(url)).json().rows;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(district.length);
      for (const r of mine) expect(r.rank).toBe(district.find((d) => d.unit.id === r.unit.id)!.rank);
      // Recomputed among his units, some rank would be smaller: the district's are kept.
      const recomputed = mine.some(
        (r, i) => r.rank > 1 + mine.slice(0, i).filter((o) => o.unit.categoryName === r.unit.categoryName).length,
      );
      expect(recomputed).toBe(true);
    }
  });
});
