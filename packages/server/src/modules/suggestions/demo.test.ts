import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { seedDemoIfEmpty } from '../../demo/index.js';

/** The demo's 金点子: 80 ideas, 10 adopted with their rewards, the top 10 by score being those ten. */
let t: TestApp;
let org: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database.db, { today: new Date(), log: () => undefined });
  await t.app.ctx.outbox.drain();
  org = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

type Idea = {
  status: string;
  chosen: boolean;
  rank: number | null;
  reward: { label: string } | null;
  ledgerItemId: number | null;
};

describe('suggestions demo', () => {
  it('holds an open round with 80 ideas, 10 adopted onto the ledger with rewards, and they are the top 10', async () => {
    const [round] = (await org.get('/api/suggestions/rounds')).json<
      { id: number; total: number; adopted: number; open: boolean }[]
    >();
    expect(round).toMatchObject({ total: 80, adopted: 10, open: true });
    const { suggestions } = (await org.get(`/api/suggestions/rounds/${round!.id}`)).json<{ suggestions: Idea[] }>();
    const adopted = suggestions.filter((s) => s.status === 'adopted');
    expect(adopted).toHaveLength(10);
    expect(adopted.every((s) => s.chosen && s.reward !== null && s.ledgerItemId !== null)).toBe(true);
    expect(suggestions.filter((s) => s.chosen)).toHaveLength(10);
    expect(new Set(suggestions.map((s) => s.status))).toEqual(
      new Set(['adopted', 'rejected', 'reviewing', 'submitted']),
    );
    const stats = (await org.get(`/api/suggestions/rounds/${round!.id}/stats`)).json<{
      byMonth: unknown[];
      byUnit: unknown[];
    }>();
    expect(stats.byMonth.length).toBeGreaterThanOrEqual(5);
    expect(stats.byUnit.length).toBeGreaterThan(3);
  });
});
