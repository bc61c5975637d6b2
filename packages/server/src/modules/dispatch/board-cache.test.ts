import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, onPostgres, serverUrl } from '../../../test/harness.js';
import { buildUnit } from '../../../test/factories.js';
import { openDatabase, type Database } from '../../db/client.js';
import { categories, settings, units } from '../../db/schema/index.js';
import { boardVersion, cached } from './board-cache.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the board version (migration 0032)', () => {
  it('rises once per committed transaction that changes an input, never on a rollback or another table', async () => {
    const { db } = database;
    const unit = await buildUnit(db, { name: '区商务局' });
    const v0 = await boardVersion(db);
    await db.insert(categories).values({ code: 'stamp-0', name: '考核类别零' });
    const v1 = await boardVersion(db);
    expect(v1).toBe(v0 + 1);

    // Three statements on two input tables in one transaction: one step.
    await db.transaction(async (tx) => {
      await tx.update(units).set({ name: '区商务局（改）' }).where(eq(units.id, unit.id));
      await tx.update(units).set({ name: '区商务局' }).where(eq(units.id, unit.id));
      await tx.insert(categories).values({ code: 'stamp', name: '考核类别' });
    });
    expect(await boardVersion(db)).toBe(v1 + 1);

    await expect(
      db.transaction(async (tx) => {
        await tx.update(units).set({ name: '回滚' }).where(eq(units.id, unit.id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await boardVersion(db)).toBe(v1 + 1);

    await db.insert(settings).values({ key: 'board.stamp.test', value: {} });
    expect(await boardVersion(db)).toBe(v1 + 1);
  });

  it('keeps a value while the version stands, computes it once for callers at the same time, and again after a change', async () => {
    const { db } = database;
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((r) => setTimeout(r, 20));
      return computed;
    };
    const first = await Promise.all([1, 2, 3].map(() => cached(db, 'test:a', compute)));
    expect(first).toEqual([1, 1, 1]);
    expect(await cached(db, 'test:a', compute)).toBe(1);
    await buildUnit(db, { name: '区发改局' });
    expect(await cached(db, 'test:a', compute)).toBe(2);
    expect(await cached(db, 'test:b', compute)).toBe(3);
    expect(computed).toBe(3);
  });

  it('does not keep a failed computation', async () => {
    const { db } = database;
    await expect(cached(db, 'test:fail', () => Promise.reject(new Error('数据库忙')))).rejects.toThrow('数据库忙');
    expect(await cached(db, 'test:fail', async () => 'ok')).toBe('ok');
  });

  it.runIf(onPostgres)('sees a write made through another instance’s connection', async () => {
    const { db } = database;
    const result = (await db.execute(sql`SELECT current_database() AS name`)) as unknown as {
      rows: { name: string }[];
    };
    const name = result.rows[0]!.name;
    const other = await openDatabase({ url: serverUrl(name) });
    try {
      let computed = 0;
      const compute = async () => (computed += 1);
      expect(await cached(db, 'test:other', compute)).toBe(1);
      await buildUnit(other.db, { name: '区财政局' });
      expect(await cached(db, 'test:other', compute)).toBe(2);
      expect(await cached(other.db, 'test:other', compute)).toBe(3); // the other instance keeps its own
    } finally {
      await other.close();
    }
  });
});
