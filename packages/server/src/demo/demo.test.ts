import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import { categories, units, users } from '../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { loginAs } from '../../test/factories.js';
import { seedDemoIfEmpty } from './index.js';
import { DEMO_PASSWORD } from './district.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database.db, { today: new Date('2026-07-15T09:00:00+08:00'), log: () => {} });
});
afterAll(() => t.close());

describe('demo district', () => {
  it('has at least 27 departments and 8 townships in the five categories', async () => {
    const { db } = t.database;
    const byCategory = await db
      .select({ code: categories.code, n: count() })
      .from(units)
      .innerJoin(categories, eq(categories.id, units.categoryId))
      .where(isNotNull(units.categoryId))
      .groupBy(categories.code);
    const n = Object.fromEntries(byCategory.map((r) => [r.code, r.n]));
    expect(n.econ! + n.urban! + n.general!).toBeGreaterThanOrEqual(27);
    expect(n.township).toBe(8);
    expect(n.zone).toBe(2);
  });

  it('loads only once', async () => {
    expect(await seedDemoIfEmpty(t.database.db, { today: new Date(), log: () => {} })).toBe(false);
  });

  it('gives every role an account that can sign in with the published password', async () => {
    const rows = await t.database.db.select({ roles: users.roles }).from(users);
    const roles = new Set(rows.flatMap((r) => r.roles));
    expect([...roles].sort()).toEqual([
      'auditor',
      'judge',
      'leader',
      'organiser',
      'reporter',
      'secadmin',
      'sysadmin',
      'unit_head',
    ]);
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const me = (await leader.get('/api/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(false);
    expect(me.user.unitName).toBe('城阳区');
  });
});
