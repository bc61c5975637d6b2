import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { arenaResult } from '../modules/arena/result.js';
import { listArenas } from '../modules/arena/repo.js';
import { seedDemoIfEmpty } from './index.js';
import { campaigns } from '../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database.db, { today: new Date('2026-09-30T02:00:00Z'), log: () => undefined });
});
afterAll(() => t.close());

describe('arena demo', () => {
  it('holds a finished arena of 27 departments drawn from seed 000, and one ready to run', async () => {
    const arenas = await listArenas(t.database.db);
    const finished = arenas.find((a) => a.state.status === 'finished')!;
    expect(finished.seed).toBe('000');
    const result = await arenaResult(t.database.db, finished.id);
    expect(result.rows).toHaveLength(27);
    expect(result.rows.every((r) => r.score !== null)).toBe(true);
    expect(result.rows[0]!.rank).toBe(1);
    expect(result.absences.map((a) => a.name)).toEqual(['群众代表三']);
    expect(result.rows.some((r) => r.groups.some((g) => g.judges.some((j) => j.status === 'recused')))).toBe(true);
    const ready = arenas.find((a) => a.state.status === 'draft')!;
    expect(ready.state.order).toHaveLength(10);
    const [campaign] = await t.database.db.select({ id: campaigns.id }).from(campaigns);
    expect(arenas.map((a) => a.campaignId)).toEqual([campaign!.id, campaign!.id]);
  });
});
