import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { burstReason } from '@leitai/core';
import { createTestDatabase } from '../../../test/harness.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { plainGuardSql } from './repository.js';

/**
 * The one-statement plain rating decides in SQL what core's burstReason (and the device's hourly limit)
 * decide in TypeScript: the two must agree on every input, or a burst would count unchecked.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('the SQL guard lets a rating through exactly when core would not hold it', async () => {
  const n = (max: number) => fc.integer({ min: 0, max });
  const near = (limit: number) => fc.integer({ min: Math.max(0, limit - 2), max: limit + 1 });
  const rules = fc.record({
    deviceMax: fc.integer({ min: 1, max: 40 }),
    minCount: fc.integer({ min: 1, max: 30 }),
    windows: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 })),
    factor: fc.integer({ min: 1, max: 20 }),
    perRange: fc.integer({ min: 1, max: 40 }),
  });
  // Counts at and beside each limit as well as anywhere: the new rating's count p+1 against minCount, and
  // p·w against f·h with the two exactly equal (p+1 = f·m, h = m·w ± 1), the device's and the range's limits.
  const cases = rules.chain((rule) =>
    fc.tuple(
      fc.constant(rule),
      fc.record({
        pointAndHistory: fc.oneof(
          fc.tuple(n(300), n(3000)),
          fc.tuple(near(rule.minCount - 1), n(3000)),
          fc
            .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -1, max: 1 }))
            .map(([m, d]) => [rule.factor * m - 1, Math.max(0, m * rule.windows + d)] as [number, number]),
        ),
        device: fc.oneof(n(60), near(rule.deviceMax)),
        range: fc.oneof(n(60), near(rule.perRange - 1)),
      }),
    ),
  );
  await fc.assert(
    fc.asyncProperty(cases, async ([rule, { pointAndHistory, device, range }]) => {
      const c = { point: pointAndHistory[0], history: pointAndHistory[1], device, range };
      const lit = (x: number) => sql`${x}::bigint`;
      const guard = plainGuardSql(
        { device: lit(c.device), point: lit(c.point), history: lit(c.history), range: lit(c.range) },
        {
          deviceMax: sql`${rule.deviceMax}`,
          minCount: sql`${rule.minCount}`,
          windows: sql`${rule.windows}`,
          factor: sql`${rule.factor}`,
          perRange: sql`${rule.perRange}`,
        },
      );
      const [row] = await queryRows<{ through: boolean }>(database.db, sql`SELECT ${guard} AS through`);
      const held = burstReason(
        {
          pointInWindow: c.point + 1,
          history: { count: c.history, windows: rule.windows },
          rangeInWindow: c.range + 1,
        },
        { windowMinutes: 10, ...rule },
      );
      const want = c.device < rule.deviceMax && held === null;
      expect(row!.through).toBe(want);
    }),
    { numRuns: 400, seed: 13 },
  );
});
