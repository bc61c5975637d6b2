import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { seedDemoIfEmpty } from '../../demo/index.js';
import { DEMO_PASSWORD } from '../../demo/district.js';

let t: TestApp;
let org: Client;
let campaign: number;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database.db, { today: new Date('2026-07-15T09:00:00+08:00'), log: () => {} });
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
});
