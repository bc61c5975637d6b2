import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_STATES } from '@leitai/core';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { listLedger } from './queries.js';

let t: TestApp;
beforeAll(async () => {
  // The demo's dates are relative to its "today", and the API computes colours for the real today.
  t = await createDemoTestApp({ today: testNow() });
  // The seeders emit the events a lived-in ledger would have (assignments, returns, colours): delivered here.
  await t.app.ctx.outbox.drain();
});
afterAll(() => t.close());

describe('ledger demo', () => {
  it('holds items in every state, some overdue, some closed late, across many units', async () => {
    const all = await listLedger(
      t.database.db,
      {
        userId: 0,
        unitId: 0,
        unitPath: '/',
        roles: ['organiser'],
        overseenUnitPaths: [],
        office: { unitId: 0, path: '/' },
      },
      {},
      shanghaiDate(),
    );
    expect(all.length).toBeGreaterThanOrEqual(36);
    // 待负责人确认 happens only where the office has its heads confirm close-outs, which the demo district does not.
    for (const s of LEDGER_STATES.filter((x) => x !== 'close_confirming'))
      expect(all.filter((i) => i.state === s).length).toBeGreaterThanOrEqual(4);
    expect(all.filter((i) => i.colour === 'red').length).toBeGreaterThanOrEqual(8);
    expect(all.filter((i) => i.colour === 'yellow').length).toBeGreaterThanOrEqual(3);
    expect(all.filter((i) => i.state === 'closed' && i.daysOverdue > 0).length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((i) => i.leadUnit.id)).size).toBeGreaterThanOrEqual(25);
  });

  it('gives the demo accounts their own inbox, the leader their units, and notices of overdue items', async () => {
    const reporter = await loginAs(t.app, 'reporter.gxj', DEMO_PASSWORD);
    const mine = (await reporter.get('/api/ledger/items')).json().items as {
      leadUnit: { name: string };
      coUnits: { name: string }[];
    }[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((i) => i.leadUnit.name === '区工信局' || i.coUnits.some((u) => u.name === '区工信局'))).toBe(
      true,
    );
    const notices = (await reporter.get('/api/notifications')).json();
    expect(notices.items.some((n: { kind: string }) => n.kind === 'ledger.red')).toBe(true);
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const seen = (await leader.get('/api/ledger/items')).json().items as { leadUnit: { name: string } }[];
    expect(seen.some((i) => i.leadUnit.name === '区发改局')).toBe(true);
    expect(seen.some((i) => i.leadUnit.name === '区人社局')).toBe(false);
  });
});
