import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestApp, type TestApp } from '../../test/harness.js';
import {
  arenaBrief,
  arenaResult,
  arenaStandings,
  briefDocument,
  commitmentsOf,
  contestantsOf,
  listArenas,
} from '../modules/arena/index.js';
import { readDocx } from '../documents/index.js';
import { demoUnitIds } from './district.js';
import { campaigns } from '../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  // 04:00 on 30 September in the district (Asia/Shanghai), still the 29th in UTC: dates must be local.
  t = await createDemoTestApp({ today: new Date('2026-09-29T20:00:00Z') });
});
afterAll(() => t.close());

const ALL_ARENAS = { offices: { kind: 'all' }, units: { kind: 'all' } } as const;
/** 城阳区's own arenas (流亭街道's and the city's are demo/levels.ts's). */
const districtArenas = async () => {
  const district = (await demoUnitIds(t.database.db)).get('chengyang');
  return (await listArenas(t.database.db, ALL_ARENAS)).filter((a) => a.officeUnitId === district);
};

describe('arena demo', () => {
  it('holds a finished arena of 27 departments drawn from seed 000, and one ready to run', async () => {
    const arenas = await districtArenas();
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
    expect([ready.heldOn, finished.heldOn]).toEqual(['2026-09-30', '2026-08-21']);
    const [campaign] = await t.database.db.select({ id: campaigns.id }).from(campaigns);
    expect(arenas.map((a) => a.campaignId)).toEqual([campaign!.id, campaign!.id]);
  });

  it('gives the evaluation each unit’s standing in the finished arena exactly as its published result', async () => {
    const db = t.database.db;
    const arenas = await districtArenas();
    const finished = arenas.find((a) => a.state.status === 'finished')!;
    const result = await arenaResult(db, finished.id);
    const unitOf = new Map((await contestantsOf(db, finished.id)).map((c) => [c.id, c.unitId]));
    // The year's standings: only the finished arena counts (the one ready to run has no result yet).
    const standings = await arenaStandings(db, finished.campaignId!, '2026-01-01', '2026-12-31');
    expect(standings.size).toBe(27);
    for (const r of result.rows)
      expect(standings.get(unitOf.get(r.contestantId)!)).toEqual([
        {
          arenaId: finished.id,
          title: finished.title,
          heldOn: finished.heldOn,
          contestantId: r.contestantId,
          exact: r.explanation!.params!.exact ?? r.score,
          scoreShown: r.scoreShown,
          rank: r.rank,
        },
      ]);
    // Held outside the period: not counted.
    expect((await arenaStandings(db, finished.campaignId!, '2026-08-22', '2026-12-31')).size).toBe(0);
  });

  it('links the heads’ promises to the finished arena, and briefs the next one from the campaign’s last month', async () => {
    const arenas = await districtArenas();
    const finished = arenas.find((a) => a.state.status === 'finished')!;
    const promises = await commitmentsOf(t.database.db, finished.id, '2026-09-30');
    expect(promises.map((p) => p.leadUnit.name).sort()).toEqual(['区发改局', '区工信局']);
    const ready = arenas.find((a) => a.state.status === 'draft')!;
    const brief = await arenaBrief(t.database.db, ready.id, '2026-09-30');
    expect(brief.rows).toHaveLength(10);
    // The arena is held after September opened: its brief shows the towns' lights for a month before it.
    const lit = brief.rows.filter((r) => r.dispatch !== null);
    expect(lit.length).toBeGreaterThan(0);
    expect(
      lit.every(
        (r) => r.dispatch!.period < ready.heldOn.slice(0, 7) || r.dispatch!.period === ready.heldOn.slice(0, 7),
      ),
    ).toBe(true);
    const liuting = brief.rows.find((r) => r.unitName === '流亭街道')!;
    expect(liuting.ledger.open).toBeGreaterThan(0);
    // The Word brief says what the page says, row for row.
    const doc = await readDocx(await briefDocument(brief));
    expect(doc.paragraphs[0]).toBe(`${ready.title}赛前简报`);
    const row = doc.tables[0]!.find((r) => r[0] === '流亭街道')!;
    expect(row[2]).toBe(`在办 ${liuting.ledger.open}，逾期 ${liuting.ledger.overdue}`);
    expect(doc.tables[0]!).toHaveLength(11);
  });
});
