import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecimal, toDecimal, unitFilter, type Role } from '@leitai/core';
import { createDemoTestApp, testNow, type TestApp } from '../../../test/harness.js';
import { loginAs, type Client } from '../../../test/factories.js';
import { projectMonths, units, users } from '../../db/schema/index.js';
import { DEMO_PASSWORD } from '../../demo/district.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { listProjects, upsertMonth } from './repository.js';
import { officeOf } from '../units/index.js';

/**
 * The portfolio views (register, battle map, dashboard) keep a year's figures in memory: they must filter
 * per viewer as the register's SQL does, and see a write made behind their back (another instance) at once.
 */
let t: TestApp;
let organiser: Client;
const today = shanghaiDate();
const Y = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
const last = month === 1 ? null : `${Y}-${String(month - 1).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createDemoTestApp({ today: testNow() });
  await t.app.ctx.outbox.drain();
  organiser = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
});
afterAll(() => t.close());

/** What the register's SQL (`listProjects`) gives an account: the independent reading of the visibility rule. */
async function bySql(username: string): Promise<number[]> {
  const db = t.database.db;
  const [u] = await db
    .select({ id: users.id, roles: users.roles, overseen: users.overseenUnitIds, path: units.path, unitId: units.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  const overseen =
    u!.overseen.length === 0
      ? []
      : await db.select({ path: units.path }).from(units).where(inArray(units.id, u!.overseen));
  const actor = {
    userId: u!.id,
    unitId: u!.unitId,
    unitPath: u!.path,
    roles: u!.roles as Role[],
    overseenUnitPaths: overseen.map((o) => o.path),
    office: await officeOf(db, u!.path),
  };
  const rows = await listProjects(db, { scope: unitFilter(actor, 'project.read'), viewerId: actor.userId });
  return rows.map((r) => r.id);
}

describe.skipIf(last === null)('the kept portfolio', () => {
  it('shows each account the projects the register query gives it, in the same order', async () => {
    for (const username of ['organiser', 'leader', 'head.fgj', 'reporter.gxj', 'head.liuting', 'reporter.liuting']) {
      const c = await loginAs(t.app, username, DEMO_PASSWORD);
      const expected = await bySql(username);
      const listed = (await c.get(`/api/projects?year=${Y}`)).json<{ rows: { id: number }[] }>().rows;
      const mapped = (await c.get(`/api/projects/gantt?year=${Y}`)).json<{ rows: { id: number }[] }>().rows;
      const dash = (await c.get(`/api/projects/dashboard?year=${Y}`)).json<{ count: number }>();
      expect(listed.map((r) => r.id)).toEqual(expected);
      expect(mapped.map((r) => r.id)).toEqual(expected);
      expect(dash.count).toBe(expected.length);
      // The district sees them all; a unit fewer, and not none (the demo gives every unit projects).
      if (username === 'organiser') expect(expected.length).toBeGreaterThanOrEqual(120);
      else expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('sees a month written behind its back on the next request, to the 万元', async () => {
    type Row = { id: number; code: string; completed: string };
    const before = (await organiser.get(`/api/projects?year=${Y}`)).json<{ rows: Row[] }>().rows;
    const dashBefore = (await organiser.get(`/api/projects/dashboard?year=${Y}`)).json<{
      rates: { investment: { completed: string } };
    }>();
    const target = before[0]!;
    const db = t.database.db;
    const [month] = await db
      .select({ investment: projectMonths.investment })
      .from(projectMonths)
      .where(and(eq(projectMonths.projectId, target.id), eq(projectMonths.period, last!)));
    // As another instance would: straight to the table, no call into this process's cache.
    await upsertMonth(db, {
      projectId: target.id,
      period: last!,
      investment: toDecimal(parseDecimal(month?.investment ?? '0', 'investment') + parseDecimal('1234', 'delta')),
      problem: '',
      reportedBy: null,
    });
    const after = (await organiser.get(`/api/projects?year=${Y}`)).json<{ rows: Row[] }>().rows;
    const dashAfter = (await organiser.get(`/api/projects/dashboard?year=${Y}`)).json<{
      rates: { investment: { completed: string } };
    }>();
    const row = after.find((r) => r.id === target.id)!;
    expect(Number(row.completed) - Number(target.completed)).toBeCloseTo(1234, 6);
    expect(Number(dashAfter.rates.investment.completed) - Number(dashBefore.rates.investment.completed)).toBeCloseTo(
      1234,
      6,
    );
  });
});
