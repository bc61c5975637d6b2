import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit } from '../../../test/factories.js';
import { campaigns, dispatchPeriods, indicators, reportValues, reports, targets } from '../../db/schema/index.js';
import { indicatorScoresAt } from './index.js';

/**
 * The evaluation's indicator source takes each figure from the latest accepted report up to the month
 * that has it: 甲局's June report lacks I2, so I2 comes from May; its July report is not accepted yet.
 */
let t: TestApp;
const ids = { a: 0, b: 0, campaign: 0, i1: 0, i2: 0, may: 0, june: 0 };

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const root = await buildUnit(db, { name: '得分区' });
  ids.a = (await buildUnit(db, { parentId: root.id, name: '甲局' })).id;
  ids.b = (await buildUnit(db, { parentId: root.id, name: '乙局' })).id;
  const [c] = await db
    .insert(campaigns)
    .values({
      officeUnitId: root.id,
      name: '得分测试',
      startYear: 2026,
      endYear: 2026,
      cadence: { dispatch: 'monthly' },
    })
    .returning();
  ids.campaign = c!.id;
  const ind = async (name: string) =>
    (
      await db
        .insert(indicators)
        .values({
          campaignId: ids.campaign,
          name,
          measure: '',
          kind: 'cumulative',
          profile: { kind: 'linear' },
          rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
          weight: '10',
        })
        .returning()
    )[0]!.id;
  ids.i1 = await ind('I1');
  ids.i2 = await ind('I2');
  await db
    .insert(targets)
    .values(
      [ids.a, ids.b].flatMap((unitId) =>
        [ids.i1, ids.i2].map((indicatorId) => ({ indicatorId, unitId, year: 2026, base: '120' })),
      ),
    );
  const period = async (month: string) =>
    (
      await db
        .insert(dispatchPeriods)
        .values({ campaignId: ids.campaign, period: `2026-${month}`, deadline: `2026-${month}-28` })
        .returning()
    )[0]!.id;
  const [may, june, july] = [await period('05'), await period('06'), await period('07')];
  const report = async (periodId: number, state: 'accepted' | 'submitted', values: [number, string][]) => {
    const [r] = await db.insert(reports).values({ periodId, unitId: ids.a, state }).returning();
    await db
      .insert(reportValues)
      .values(values.map(([indicatorId, value]) => ({ reportId: r!.id, indicatorId, value })));
    return r!.id;
  };
  ids.may = await report(may!, 'accepted', [
    [ids.i1, '40'],
    [ids.i2, '50'],
  ]);
  ids.june = await report(june!, 'accepted', [[ids.i1, '60']]);
  await report(july!, 'submitted', [
    [ids.i1, '70'],
    [ids.i2, '70'],
  ]);
});
afterAll(() => t.close());

describe('indicator scores at a month', () => {
  it('takes each figure from the latest accepted report that has it, never a later or unaccepted one', async () => {
    const july = await indicatorScoresAt(t.database.db, ids.campaign, '2026-07-31');
    const a = july.get(ids.a)!;
    expect(a.figures.map((f) => [f.name, f.actual, f.reportId, f.reportPeriod])).toEqual([
      ['I1', '60', ids.june, '2026-06'],
      ['I2', '50', ids.may, '2026-05'],
    ]);
    // 乙局 reported nothing: its targets are listed unscored, and it has no rate.
    expect(july.get(ids.b)!.rate).toBeNull();
    expect(july.get(ids.b)!.figures.map((f) => f.actual)).toEqual([null, null]);
    // At the end of May, June's report is not yet there.
    const may = await indicatorScoresAt(t.database.db, ids.campaign, '2026-05-31');
    expect(may.get(ids.a)!.figures.map((f) => [f.actual, f.reportId])).toEqual([
      ['40', ids.may],
      ['50', ids.may],
    ]);
  });
});
