import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import type { CadreRecord, CadreView, EvaluationDetail, EvaluationSummary } from '@leitai/core';
import { categories, evaluations, units, users } from '../db/schema/index.js';
import { createDemoTestApp, testConfig, type TestApp } from '../../test/harness.js';
import { loginAs } from '../../test/factories.js';
import { seedDemoIfEmpty } from './index.js';
import { DEMO_PASSWORD } from './district.js';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoTestApp({ today: new Date('2026-07-15T09:00:00+08:00'), secret: testConfig().secret });
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

  it('has a cadre register, and a community secretary’s record with her arenas and her promise', async () => {
    const dept = await loginAs(t.app, 'orgdept', DEMO_PASSWORD);
    const cadres = (await dept.get('/api/cadres')).json<{ items: CadreView[] }>().items;
    expect(cadres.length).toBeGreaterThan(40);
    expect((await (await loginAs(t.app, 'orgdept.xihai', DEMO_PASSWORD)).get('/api/cadres')).json().items.length).toBe(
      9,
    );
    const me = await loginAs(t.app, 'secretary.shuangbu', DEMO_PASSWORD);
    const { id } = (await me.get('/api/cadres/mine')).json<{ id: number }>();
    const res = await me.get(`/api/cadres/${id}/record`);
    const r = res.json<CadreRecord>();
    expect(r.cadre).toMatchObject({ name: '刘志强', unitName: '双埠社区' });
    expect(r.arenas.filter((a) => a.rank !== null)).toHaveLength(3);
    expect(r.arenas.every((a) => a.kindLabel === '书记擂台' && a.as === 'person')).toBe(true);
    expect(r.promises.map((p) => p.title)).toEqual(['一季度前完成双埠社区老旧小区雨污分流改造']);
    const leader = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    expect((await leader.get(`/api/cadres/${id}/record`)).statusCode).toBe(404);
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
      'org_dept',
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

  it('has a lived-in year of public ratings: every bad-rating state, a burst to review, masked phones for the unit', async () => {
    const org = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
    const o = (await org.get('/api/ratings/overview?from=2025-07-01&to=2026-07-15')).json<{
      totals: { counts: { total: number; bad: number } };
      states: { state: string; count: number }[];
    }>();
    expect(o.totals.counts.total).toBeGreaterThan(18_000);
    const states = Object.fromEntries(o.states.map((s) => [s.state, s.count]));
    for (const s of ['open', 'answered', 'satisfied', 'reopened', 'closed', 'appealed'])
      expect(states[s], s).toBeGreaterThan(0);
    const held = (await org.get('/api/ratings/list?review=held')).json<{ total: number }>();
    expect(held.total).toBe(25);
    const head = await loginAs(t.app, 'head.liuting', DEMO_PASSWORD);
    const mine = (await head.get('/api/ratings/list?bad=1&pageSize=200')).json<{
      ratings: { phone: string | null }[];
    }>();
    expect(mine.ratings.some((r) => /^139\*{4}\d{4}$/.test(r.phone ?? ''))).toBe(true);
    // Last month's ranking is published for 媒体问效, on the public page.
    const ranking = await t.app.inject({ method: 'GET', url: '/api/public/rankings/latest' });
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json<{ rows: unknown[] }>().rows.length).toBeGreaterThan(10);
  });

  it('has a finalised 2026 上半年 evaluation with one upheld and one refused appeal, and the year in progress', async () => {
    const org = await loginAs(t.app, 'organiser', DEMO_PASSWORD);
    const list = (await org.get('/api/evaluations')).json<{ evaluations: EvaluationSummary[] }>().evaluations;
    const half = list.find((e) => e.name === '2026年上半年综合考核')!;
    expect(half).toMatchObject({ kind: 'half', state: 'final', versions: 2, commentUntil: '2026-07-13' });
    const d = (await org.get(`/api/evaluations/${half.id}`)).json<EvaluationDetail>();
    expect(d.appeals.map((a) => [a.unitName, a.state])).toEqual(
      expect.arrayContaining([
        ['区发改局', 'upheld'],
        ['区工信局', 'refused'],
      ]),
    );
    expect(d.appeals).toHaveLength(2);
    // Decided by 王考核, approved by the second organiser (两人经手).
    for (const a of d.appeals) expect([a.decidedBy, a.approvedBy]).toEqual(['王考核', '陈复核']);
    const v2 = d.versions.find((v) => v.version === 2)!;
    expect(v2.changes.length).toBeGreaterThan(0);
    const fgj = v2.changes.find((c) => c.unitName === '区发改局')!;
    expect(fgj.appeals).toHaveLength(1);
    // Its weakest component, corrected to 100 %, earns more than before.
    const appealed = d.appeals.find((a) => a.unitName === '区发改局')!.componentId;
    const moved = fgj.components.find((c) => c.componentId === appealed)!;
    expect(Number(moved.after)).toBeGreaterThan(Number(moved.before));
    expect(fgj.after!.rank).toBeLessThan(fgj.before!.rank);

    const year = list.find((e) => e.name === '2026年度综合考核')!;
    expect(year).toMatchObject({ kind: 'year', state: 'draft', versions: 0, periodTo: '2026-12-31' });
    // Its 效能评议 is running: every group invited, 两代表一委员 still short of its five.
    const progress = (await org.get(`/api/evaluations/${year.id}/review/progress`)).json<{
      groups: { name: string; issued: number; used: number; enough: boolean }[];
    }>();
    expect(progress.groups.map((g) => [g.name, g.issued, g.used, g.enough])).toEqual([
      ['服务对象', 30, 18, true],
      ['两代表一委员', 10, 3, false],
      ['同级部门', 20, 12, true],
      ['分管领导', 6, 6, true],
    ]);
    const [row] = await t.database.db.select().from(evaluations).where(eq(evaluations.id, year.id));
    expect(row!.previousId).toBe(half.id);
  });
});
