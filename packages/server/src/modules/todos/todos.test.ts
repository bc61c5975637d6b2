import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardRow, TodoGroup } from '@leitai/core';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';

let t: TestApp;
const as: Record<string, Client> = {};
beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  for (const u of ['organiser', 'leader', 'reporter.fgj', 'head.fgj', 'reporter.gxj', 'judge1', 'auditor'])
    as[u] = await loginAs(t.app, u, DEMO_PASSWORD);
});
afterAll(() => t.close());

const todos = async (u: string) => (await as[u]!.get('/api/todos')).json<{ groups: TodoGroup[] }>().groups;

/** What the page a group links to lists under the link's filter (the ledger list, the board). */
async function listed(c: Client, link: string): Promise<number> {
  const url = new URL(link, 'http://x');
  if (url.pathname === '/ledger') return (await c.get(`/api/ledger/items${url.search}`)).json().items.length;
  if (url.pathname === '/dispatch/board') {
    const q = url.searchParams;
    const board = await c.get(
      `/api/dispatch/campaigns/${q.get('campaign')}/board?period=${q.get('period')}&report=${q.get('report')}`,
    );
    return board.json<{ rows: BoardRow[] }>().rows.length;
  }
  throw new Error(`no list for ${link}`);
}

describe('GET /api/todos', () => {
  it('the office: reports to review, missing reports and ledger work, each count what its page lists', async () => {
    const groups = await todos('organiser');
    const kinds = groups.map((g) => g.kind);
    expect(kinds).toContain('ledger.overdue');
    for (const g of groups) {
      if (g.link.startsWith('/dispatch/board') && !g.link.includes('campaign=')) continue;
      expect([g.kind, await listed(as.organiser!, g.link)]).toEqual([g.kind, g.count]);
      expect(g.entries.length).toBe(Math.min(3, g.count));
      expect(g.label).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Urgent first (core's order).
    const severities = groups.map((g) => g.severity);
    expect(
      [...severities].sort(
        (a, b) => ['urgent', 'waiting', 'info'].indexOf(a) - ['urgent', 'waiting', 'info'].indexOf(b),
      ),
    ).toEqual(severities);
  });

  it('a unit sees only its own unit: its items and reports, never another unit’s', async () => {
    const fgj = await todos('reporter.fgj');
    const gxj = await todos('reporter.gxj');
    const names = (gs: TodoGroup[]) => new Set(gs.flatMap((g) => g.entries.map((e) => e.title)));
    for (const g of fgj)
      if (g.link.startsWith('/ledger?')) expect(await listed(as['reporter.fgj']!, g.link)).toBe(g.count);
    const fgjReports = fgj.filter((g) => g.kind.startsWith('dispatch.')).flatMap((g) => g.entries);
    for (const e of fgjReports) expect(e.unitName).toBe('区发改局');
    const overlap = [...names(fgj)].filter((n) => names(gxj).has(n) && n.includes('月度调度'));
    expect(overlap).toEqual([]);
  });

  it('a leader: overdue items of the units he oversees only', async () => {
    const groups = await todos('leader');
    const overdue = groups.find((g) => g.kind === 'ledger.overdue');
    expect(overdue?.severity).toBe('urgent');
    expect(await listed(as.leader!, overdue!.link)).toBe(overdue!.count);
    expect(groups.every((g) => g.kind.startsWith('ledger.'))).toBe(true);
  });

  it('an admin has nothing to do here, and nobody signed out gets in', async () => {
    expect(await todos('auditor')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
  });
});
