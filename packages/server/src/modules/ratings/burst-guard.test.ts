import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArrivalLimits } from '@leitai/core';
import { createTestDatabase } from '../../../test/harness.js';
import { buildUnit } from '../../../test/factories.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { ratingPoints, ratings } from '../../db/schema/index.js';
import { createPlainBatcher, type BatchOps, type PlainArrival, type PlainOutcome } from './plain-batch.js';
import { probeArrivals, writePlainRatings } from './repository.js';

/**
 * Plain ratings written together (group commit) must be judged exactly as if they had come one by one:
 * the burst rule, the device's hourly limit and "once per device, point and period" all see the earlier
 * ratings of the same batch. Checked on the database, against the same ratings submitted one at a time.
 */
let database: Database;
let unitId = 0;
const CODES = ['guardpoint-a', 'guardpoint-b', 'guardpoint-off', 'guardpoint-none'];
const MIN = 60_000;
const T0 = Date.parse('2026-12-03T02:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  unitId = (await buildUnit(database.db, { name: '区政务服务大厅' })).id;
  await database.db.insert(ratingPoints).values(
    CODES.slice(0, 3).map((code, i) => ({
      unitId,
      officeUnitId: unitId,
      name: `窗口${i}`,
      kind: 'window' as const,
      code,
      active: code !== 'guardpoint-off',
    })),
  );
});
afterAll(() => database.close());

interface Spec {
  point: number;
  device: number;
  range: number;
  period: number;
  at: number;
}

function arrival(s: Spec, i: number, limits: ArrivalLimits): PlainArrival {
  const day = s.period === 0 ? '2026-12-03' : '2026-12-04';
  return {
    code: CODES[s.point]!,
    stars: 5,
    tags: [],
    comment: '',
    deviceId: `device${s.device}`,
    periodStart: day,
    ratedOn: day,
    addressHash: `address${i}`,
    rangeHash: `range${s.range}`,
    lookupCode: `T${String(i).padStart(9, '0')}`,
    createdAt: new Date(s.at),
    windowStart: new Date(s.at - limits.rule.windowMinutes * MIN),
    historyStart: new Date(s.at - limits.historyMs),
    hourStart: new Date(s.at - 60 * MIN),
    limits,
  };
}

/** The earlier ratings the rules weigh: some in the window, some in the history, some too old to count. */
async function seed(history: Spec[]): Promise<void> {
  await database.db.execute(sql`DELETE FROM ${ratings}`);
  await database.db.execute(sql`DELETE FROM outbox`);
  const points = await database.db.select({ id: ratingPoints.id, code: ratingPoints.code }).from(ratingPoints);
  const idOf = new Map(points.map((p) => [p.code, p.id]));
  if (history.length === 0) return;
  await database.db.insert(ratings).values(
    history.map((h, i) => ({
      pointId: idOf.get(CODES[Math.min(h.point, 2)]!)!,
      unitId,
      stars: 4,
      deviceId: `device${h.device}`,
      // Each in a period of its own: the earlier ratings are counted, never duplicates of each other.
      periodStart: `2025-01-${String(i + 1).padStart(2, '0')}`,
      ratedOn: '2026-11-01',
      rangeHash: `range${h.range}`,
      lookupCode: `H${String(i).padStart(9, '0')}`,
      createdAt: new Date(h.at),
    })),
  );
}

const written = () =>
  queryRows<{ lookup_code: string; review: string; review_reason: string | null }>(
    database.db,
    sql`SELECT lookup_code, review, review_reason FROM ratings WHERE lookup_code LIKE 'T%' ORDER BY lookup_code`,
  );
const heldEvents = async () =>
  (
    await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM outbox WHERE topic = 'rating.held'`)
  )[0]!.n;

it('a batch judges each rating as one by one would: held, limited, duplicate, written', async () => {
  const spec = (at: fc.Arbitrary<number>) =>
    fc.record({
      point: fc.integer({ min: 0, max: 3 }),
      device: fc.integer({ min: 0, max: 3 }),
      range: fc.integer({ min: 0, max: 2 }),
      period: fc.integer({ min: 0, max: 1 }),
      at,
    });
  const limits = fc.record({
    rule: fc.record({
      windowMinutes: fc.integer({ min: 1, max: 15 }),
      factor: fc.integer({ min: 1, max: 3 }),
      minCount: fc.integer({ min: 1, max: 6 }),
      perRange: fc.integer({ min: 1, max: 6 }),
    }),
    historyMs: fc.constant(14 * 24 * 60 * MIN),
    windows: fc.integer({ min: 0, max: 5 }),
    deviceMax: fc.integer({ min: 1, max: 6 }),
  });
  const sizes: number[] = [];
  const ops: BatchOps = {
    probe: (db, rows) => {
      sizes.push(rows.length);
      return probeArrivals(db, rows);
    },
    write: writePlainRatings,
  };
  let together3 = 0;
  await fc.assert(
    fc.asyncProperty(
      limits.chain((lim) => {
        // Arrivals close together, and apart by exactly the window or the hour (± 1 ms), where the edges are.
        const w = lim.rule.windowMinutes * MIN;
        const edges = [0, 1, 2, w - 1, w, w + 1, 60 * MIN - 1, 60 * MIN, 60 * MIN + 1, w + 60 * MIN];
        const arrivalTime = fc.oneof(
          fc.constantFrom(...edges).map((ms) => T0 + ms),
          fc.integer({ min: 0, max: 70 * MIN }).map((ms) => T0 + ms),
        );
        // Earlier ratings in the window, at its edge, in the history and before it.
        const pastTime = fc.oneof(
          fc
            .constantFrom(1, w - 1, w, w + 1, 60 * MIN, 14 * 24 * 60 * MIN, 14 * 24 * 60 * MIN + 1)
            .map((ms) => T0 - ms),
          fc.integer({ min: 1, max: 20 * 24 * 60 }).map((m) => T0 - m * MIN),
        );
        return fc.tuple(
          fc.constant(lim),
          fc.array(spec(pastTime), { maxLength: 12 }),
          fc.array(spec(arrivalTime), { minLength: 1, maxLength: 24 }),
        );
      }),
      async ([lim, history, specs]) => {
        const arrivals = specs.map((s, i) => arrival(s, i, lim));
        await seed(history);
        const alone = createPlainBatcher(database.db, ops);
        const oneByOne: PlainOutcome[] = [];
        for (const a of arrivals) oneByOne.push(await alone.submit(a));
        const [rowsOneByOne, eventsOneByOne] = [await written(), await heldEvents()];

        await seed(history);
        sizes.length = 0;
        const together = createPlainBatcher(database.db, ops);
        // The first goes alone; the others, a turn later, join one batch, or a second one written beside
        // the first when they share no point, device or range with it, or wait for it.
        const first = together.submit(arrivals[0]!);
        await new Promise((resolve) => setImmediate(resolve));
        const batched = await Promise.all([first, ...arrivals.slice(1).map((a) => together.submit(a))]);
        if (Math.max(...sizes) > 2) together3 += 1;
        expect(batched).toEqual(oneByOne);
        expect(await written()).toEqual(rowsOneByOne);
        expect(await heldEvents()).toBe(eventsOneByOne);
      },
    ),
    { numRuns: 100, seed: 13 },
  );
  // Most runs wrote real batches, not only ratings one at a time.
  expect(together3).toBeGreaterThan(50);
});

it('every kind of outcome occurs in such batches (the property above is not vacuous)', async () => {
  const lim: ArrivalLimits = {
    rule: { windowMinutes: 10, factor: 2, minCount: 2, perRange: 4 },
    historyMs: 14 * 24 * 60 * MIN,
    windows: 2,
    deviceMax: 3,
  };
  await seed([]);
  const specs: Spec[] = [
    { point: 0, device: 0, range: 0, period: 0, at: T0 }, // written
    { point: 0, device: 0, range: 0, period: 0, at: T0 + 1 }, // the same device, point and day: duplicate
    { point: 1, device: 0, range: 1, period: 0, at: T0 + 1 }, // written
    { point: 0, device: 1, range: 1, period: 0, at: T0 + 2 }, // the point's second in the window: held
    { point: 2, device: 2, range: 2, period: 0, at: T0 + 2 }, // switched off: unknown
    { point: 3, device: 2, range: 2, period: 0, at: T0 + 2 }, // no such code: unknown
    { point: 0, device: 0, range: 2, period: 1, at: T0 + 3 }, // the device's third in the hour, the point's third: held
    { point: 1, device: 0, range: 2, period: 1, at: T0 + 3 }, // its fourth: limited
  ];
  const outcomes = await Promise.all(specs.map((s, i) => createPlainBatcherOnce().submit(arrival(s, i, lim))));
  expect(outcomes.map((o) => o.kind)).toEqual([
    'written',
    'duplicate',
    'written',
    'written',
    'unknown',
    'unknown',
    'written',
    'limited',
  ]);
  expect(outcomes[3]).toEqual({ kind: 'written', held: expect.stringMatching(/10 分钟内收到 2 条评价/) });
  expect(outcomes[6]).toEqual({ kind: 'written', held: expect.stringMatching(/10 分钟内收到 3 条评价/) });
  expect(outcomes[0]).toEqual({ kind: 'written', held: null });
  expect(await heldEvents()).toBe(2);
});

let shared: ReturnType<typeof createPlainBatcher> | undefined;
const createPlainBatcherOnce = () => (shared ??= createPlainBatcher(database.db));

it('a batch whose statement fails is written one by one: the good ratings are kept, only the bad one fails', async () => {
  const lim: ArrivalLimits = {
    rule: { windowMinutes: 10, factor: 5, minCount: 100, perRange: 100 },
    historyMs: 14 * 24 * 60 * MIN,
    windows: 2015,
    deviceMax: 30,
  };
  await seed([]);
  const batches: number[] = [];
  const ops: BatchOps = {
    probe: probeArrivals,
    // A row the database refuses fails its whole statement.
    write: async (db, rows, inTransaction) => {
      batches.push(rows.length);
      if (rows.some((r) => r.comment === 'boom')) throw new Error('the statement failed');
      return writePlainRatings(db, rows, inTransaction);
    },
  };
  const batcher = createPlainBatcher(database.db, ops);
  const arrivals = Array.from({ length: 6 }, (_, i) => ({
    ...arrival({ point: 0, device: i, range: i, period: 0, at: T0 + i }, i, lim),
    comment: i === 3 ? 'boom' : '',
  }));
  const settled = await Promise.allSettled(arrivals.map((a) => batcher.submit(a)));
  expect(settled.map((s) => s.status)).toEqual([
    'fulfilled',
    'fulfilled',
    'fulfilled',
    'rejected',
    'fulfilled',
    'fulfilled',
  ]);
  expect(settled.filter((s) => s.status === 'fulfilled').map((s) => s.value)).toEqual(
    Array.from({ length: 5 }, () => ({ kind: 'written', held: null })),
  );
  // All six together, failed, then one by one.
  expect(batches).toEqual([6, 1, 1, 1, 1, 1, 1]);
  expect((await written()).map((r) => r.lookup_code)).toEqual([
    'T000000000',
    'T000000001',
    'T000000002',
    'T000000004',
    'T000000005',
  ]);
});
