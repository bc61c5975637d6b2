import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import type { Database } from '../db/client.js';
import { jobRuns } from '../db/schema/index.js';
import { shanghaiNow } from './clock.js';
import { runDailyJob, startJobRunner, type DailyJob } from './runner.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('daily job runner', () => {
  it('reads the day and hour in Asia/Shanghai', () => {
    expect(shanghaiNow(new Date('2026-11-23T16:30:00Z'))).toEqual({ date: '2026-11-24', hour: 0 });
    expect(shanghaiNow(new Date('2026-11-23T15:59:00Z'))).toEqual({ date: '2026-11-23', hour: 23 });
  });

  it('waits for the job’s hour, then runs it once per day across ticks and instances', async () => {
    const days: string[] = [];
    const job: DailyJob = { name: 'test.count', atHour: 8, run: async (_tx, day) => (days.push(day), 'counted') };
    let now = new Date('2026-11-23T23:30:00Z'); // 07:30 on the 24th in Shanghai
    const a = startJobRunner(database.db, [job], { now: () => now, intervalMs: 3_600_000 });
    const b = startJobRunner(database.db, [job], { now: () => now, intervalMs: 3_600_000 });
    await Promise.all([a.tick(), b.tick()]);
    expect(days).toEqual([]);
    now = new Date('2026-11-24T00:30:00Z'); // 08:30
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(days).toEqual(['2026-11-24']);
    now = new Date('2026-11-25T01:00:00Z');
    await b.tick();
    expect(days).toEqual(['2026-11-24', '2026-11-25']);
    a.stop();
    b.stop();
    const rows = await database.db.select().from(jobRuns);
    expect(rows.filter((r) => r.job === 'test.count').map((r) => r.result)).toEqual(['counted', 'counted']);
  });

  it('reports a failure and leaves the day unclaimed', async () => {
    const errors: string[] = [];
    let fail = true;
    const job: DailyJob = {
      name: 'test.flaky',
      atHour: 0,
      run: async () => (fail ? Promise.reject(new Error('boom')) : 'ok'),
    };
    const r = startJobRunner(database.db, [job], {
      now: () => new Date('2026-11-24T02:00:00Z'),
      intervalMs: 3_600_000,
      onError: (name, e) => errors.push(`${name}: ${(e as Error).message}`),
    });
    await r.tick();
    expect(errors).toEqual(['test.flaky: boom']);
    fail = false;
    expect((await runDailyJob(database.db, job, '2026-11-24')).ran).toBe(true);
    r.stop();
  });
});
