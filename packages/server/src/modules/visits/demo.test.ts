import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_STAGES } from '@leitai/core';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';

/** The demo's 万企走访: big enough to look lived in, and out of the way of the other demo flows. */
let t: TestApp;
let org: Client;
beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  await t.app.ctx.outbox.drain();
  org = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

describe('visits demo', () => {
  it('holds 2,000 enterprises, 60 cadres with 包保, 800 visits and 150 诉求 in every stage, some merged, some overdue', async () => {
    expect((await org.get('/api/visits/enterprises?pageSize=1')).json().total).toBe(2000);
    const cov = (await org.get('/api/visits/coverage?days=90')).json<{
      rows: unknown[];
      total: { assigned: number; unvisited: number };
      monthly: { visits: number }[];
      solved: { rate: number | null }[];
    }>();
    expect(cov.rows).toHaveLength(60);
    expect(cov.total.assigned).toBe(1980);
    expect(cov.total.unvisited).toBeGreaterThan(0);
    expect(cov.solved.length).toBeGreaterThan(3);
    const all = (await org.get('/api/visits/requests?pageSize=200')).json<{
      total: number;
      items: { stage: string; mergedCount: number }[];
    }>();
    // 140 carried on, 10 hotline copies merged into them.
    expect(all.total).toBe(140);
    expect(all.items.reduce((n, i) => n + i.mergedCount, 0)).toBe(10);
    for (const stage of REQUEST_STAGES.filter((s) => s !== 'called_back'))
      expect(
        all.items.some((i) => i.stage === stage),
        stage,
      ).toBe(true);
    const cadre = await loginAs(t.app, 'cadre01', DEMO_PASSWORD);
    expect((await cadre.get('/api/visits/mine')).json().enterprises).toHaveLength(33);
  });

  it('keeps the 诉求 off the other demo accounts: no notices, nothing on their ledgers', async () => {
    for (const name of ['reporter.gxj', 'head.gxj', 'reporter.fgj', 'head.liuting', 'leader']) {
      const c = await loginAs(t.app, name, DEMO_PASSWORD);
      const items = (await c.get('/api/ledger/items?pageSize=200')).json<{
        items: { source: string; title: string }[];
      }>();
      expect(
        items.items.filter((i) => i.title.startsWith('【企业诉求】')),
        name,
      ).toEqual([]);
    }
    const office = (await org.get('/api/ledger/items?colour=red')).json<{
      items: { title: string; daysOverdue?: number }[];
    }>();
    expect(office.items.some((i) => i.title.startsWith('【企业诉求】'))).toBe(true);
  });
});
