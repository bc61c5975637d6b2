import { sql } from 'drizzle-orm';
import {
  DEFAULT_CRITERIA,
  applyHostAction,
  drawOrder,
  initialHostState,
  mulberry32,
  type HostAction,
  type HostState,
} from '@leitai/core';
import type { Db } from '@leitai/server';

/**
 * A city for the evaluation close bench (issue 14), seeded, identical on every run: 500 units in 8
 * categories, 60 indicators per category carried by each of its units, 12 monthly reports each
 * (360,000 figures), 40 finished arenas, 200,000 public ratings and 5,000 ledger items, all in 2026.
 * Written straight into the tables in bulk (the bench times the close, not the data entry).
 */
export const CITY = {
  year: 2026,
  categories: 8,
  units: 500,
  indicatorsPerCategory: 60,
  months: 12,
  arenas: 40,
  judges: 15,
  ratings: 200_000,
  ledgerItems: 5_000,
} as const;

export interface City {
  campaignId: number;
  userId: number;
  rootId: number;
  rootPath: string;
  categoryIds: number[];
  counts: Record<string, number>;
}

type Row = Record<string, unknown>;

/** Both drivers (node-postgres and PGlite) answer `execute` with `{ rows }`; Drizzle types it as either's. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Inserts rows through json_populate_recordset, in chunks; ids are given (OVERRIDING SYSTEM VALUE). */
async function bulk(db: Db, table: string, rows: Row[], chunk = 20_000): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = sql.raw(cols.map((c) => `"${c}"`).join(', '));
  const overriding = cols.includes('id') ? sql.raw('OVERRIDING SYSTEM VALUE') : sql.raw('');
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await db.execute(
      sql`INSERT INTO ${sql.raw(table)} (${list}) ${overriding} SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(table)}, ${json}::json)`,
    );
  }
  if (cols.includes('id'))
    await db.execute(
      sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`),
    );
}

async function nextId(db: Db, table: string): Promise<number> {
  const r = rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT coalesce(max(id), 0)::int + 1 AS n FROM ${table}`)));
  return Number(r[0]!.n);
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (month: number, day: number) => `${CITY.year}-${pad(month)}-${pad(day)}`;

export async function generateCity(db: Db, seed = 20261214): Promise<City> {
  const next = mulberry32(seed);
  const rand = () => next() / 2 ** 32;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const counts: Record<string, number> = {};
  const put = async (table: string, rows: Row[]) => {
    await bulk(db, table, rows);
    counts[table] = rows.length;
  };

  // Categories and units: a city root and 500 units spread over 8 categories.
  const cat0 = await nextId(db, 'categories');
  const categoryIds = Array.from({ length: CITY.categories }, (_, i) => cat0 + i);
  await put(
    'categories',
    categoryIds.map((id, i) => ({ id, code: `bench-cat-${i}`, name: `考核类别${i + 1}`, sort_order: i })),
  );
  const root = await nextId(db, 'units');
  const rootPath = `/${root}/`;
  const unitRows: Row[] = [
    {
      id: root,
      code: 'bench-city',
      name: '压测市',
      kind: 'district',
      parent_id: null,
      path: rootPath,
      category_id: null,
      sort_order: 0,
      is_office: true,
    },
  ];
  const unitsOf = categoryIds.map(() => [] as number[]);
  for (let i = 0; i < CITY.units; i += 1) {
    const id = root + 1 + i;
    const c = i % CITY.categories;
    unitsOf[c]!.push(id);
    unitRows.push({
      id,
      code: `bench-u${i}`,
      name: `压测单位${i + 1}`,
      kind: 'department',
      parent_id: root,
      path: `${rootPath}${id}/`,
      category_id: categoryIds[c],
      sort_order: i,
      is_office: false,
    });
  }
  await put('units', unitRows);
  const unitIds = unitRows.slice(1).map((u) => u.id as number);
  const userId = await nextId(db, 'users');
  await put('users', [
    {
      id: userId,
      username: 'bench-organiser',
      display_name: '压测考核办',
      unit_id: root,
      roles: '{organiser}',
      password_hash: 'x',
    },
  ]);

  // The campaign, 60 indicators per category, each unit's targets, 12 periods, reports and figures.
  const campaignId = await nextId(db, 'campaigns');
  await put('campaigns', [
    {
      id: campaignId,
      office_unit_id: root,
      name: '压测活动',
      start_year: CITY.year,
      end_year: CITY.year,
      cadence: { dispatch: 'monthly' },
    },
  ]);
  const ind0 = await nextId(db, 'indicators');
  const indicatorRows: Row[] = [];
  const assignments: Row[] = [];
  const indicatorsOf = categoryIds.map(() => [] as { id: number; kind: string; seasonal: boolean; lower: boolean }[]);
  const BACK_LOADED = ['0.04', '0.1', '0.18', '0.26', '0.34', '0.44', '0.52', '0.6', '0.7', '0.8', '0.9', '1'];
  categoryIds.forEach((categoryId, c) => {
    for (let k = 0; k < CITY.indicatorsPerCategory; k += 1) {
      const id = ind0 + indicatorRows.length;
      const kind = k % 10 < 8 ? 'cumulative' : 'rate';
      const seasonal = kind === 'cumulative' && k % 3 === 0;
      // One rate in ten is lower-is-better (a complaint rate): its stretch lies below its base.
      const lower = k % 10 === 9;
      indicatorRows.push({
        id,
        campaign_id: campaignId,
        name: `指标${c + 1}-${k + 1}`,
        measure: kind === 'rate' ? '%' : '万元',
        kind,
        lower_is_better: lower,
        profile: seasonal ? { kind: 'seasonal', cumulative: BACK_LOADED } : { kind: 'linear' },
        rule: { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' },
        weight: String(1 + (k % 3)),
        sort_order: k,
      });
      assignments.push({ indicator_id: id, category_id: categoryId });
      indicatorsOf[c]!.push({ id, kind, seasonal, lower });
    }
  });
  await put('indicators', indicatorRows);
  await put('indicator_assignments', assignments);
  const targetRows: Row[] = [];
  const targetOf = new Map<string, number>();
  categoryIds.forEach((_, c) => {
    for (const u of unitsOf[c]!)
      for (const ind of indicatorsOf[c]!) {
        const base = ind.kind === 'rate' ? int(80, 98) : int(100, 5000);
        targetOf.set(`${u}/${ind.id}`, base);
        targetRows.push({
          indicator_id: ind.id,
          unit_id: u,
          year: CITY.year,
          base: String(base),
          stretch:
            rand() < 0.5
              ? String(ind.lower ? base - 5 : ind.kind === 'rate' ? Math.min(100, base + 2) : Math.round(base * 1.2))
              : null,
        });
      }
  });
  await put('targets', targetRows);
  const period0 = await nextId(db, 'dispatch_periods');
  const periodRows = Array.from({ length: CITY.months }, (_, m) => ({
    id: period0 + m,
    campaign_id: campaignId,
    period: `${CITY.year}-${pad(m + 1)}`,
    deadline: m === 11 ? `${CITY.year + 1}-01-05` : dayOf(m + 2, 5),
    open: false,
  }));
  await put('dispatch_periods', periodRows);
  const report0 = await nextId(db, 'reports');
  const reportRows: Row[] = [];
  const valueRows: Row[] = [];
  const level = new Map(unitIds.map((u) => [u, 0.7 + rand() * 0.45]));
  categoryIds.forEach((_, c) => {
    for (const u of unitsOf[c]!)
      for (let m = 0; m < CITY.months; m += 1) {
        const id = report0 + reportRows.length;
        // 1 % of reports still waiting for review: the close reads the latest accepted one before it.
        const state = rand() < 0.01 ? 'submitted' : 'accepted';
        reportRows.push({
          id,
          period_id: period0 + m,
          unit_id: u,
          state,
          first_submitted_on: periodRows[m]!.deadline,
        });
        for (const ind of indicatorsOf[c]!) {
          const base = targetOf.get(`${u}/${ind.id}`)!;
          const pace = ind.seasonal ? Number(BACK_LOADED[m]) : (m + 1) / 12;
          const f = level.get(u)! * (0.9 + rand() * 0.2);
          const value = ind.lower ? base * (2 - f) : ind.kind === 'rate' ? Math.min(100, base * f) : base * pace * f;
          valueRows.push({ report_id: id, indicator_id: ind.id, value: value.toFixed(2) });
        }
      }
  });
  await put('reports', reportRows);
  await put('report_values', valueRows);

  // 40 finished arenas, 5 per category, 20–31 contestants of the category each, 15 judges, 4 criteria.
  const groups = [
    { id: '领导评委', weight: '0.5', n: 7 },
    { id: '专家评委', weight: '0.3', n: 5 },
    { id: '群众代表', weight: '0.2', n: 3 },
  ];
  const arena0 = await nextId(db, 'arenas');
  const contestant0 = await nextId(db, 'arena_contestants');
  const judge0 = await nextId(db, 'arena_judges');
  const arenaRows: Row[] = [];
  const contestantRows: Row[] = [];
  const judgeRows: Row[] = [];
  const scoreRows: Row[] = [];
  const recusalRows: Row[] = [];
  for (let a = 0; a < CITY.arenas; a += 1) {
    const id = arena0 + a;
    const c = a % CITY.categories;
    const pool = [...unitsOf[c]!].sort(() => rand() - 0.5);
    const chosen = pool.slice(0, int(20, 31));
    const cids = chosen.map((unitId) => {
      const cid = contestant0 + contestantRows.length;
      contestantRows.push({ id: cid, arena_id: id, unit_id: unitId, presenter: '主要负责人' });
      return cid;
    });
    const jids = groups.flatMap((g) =>
      Array.from({ length: g.n }, (_, k) => {
        const jid = judge0 + judgeRows.length;
        judgeRows.push({ id: jid, arena_id: id, name: `${g.id}${k + 1}`, group_id: g.id });
        return jid;
      }),
    );
    const seed = `bench-${a}`;
    let state: HostState = initialHostState(drawOrder(seed, cids.map(String)));
    const heldOn = dayOf(1 + Math.floor((a / CITY.arenas) * 12), int(1, 28));
    let t = Date.parse(`${heldOn}T09:00:00+08:00`);
    const step = (action: HostAction) => (state = applyHostAction(state, action, (t += 60_000)));
    step({ type: 'start' });
    for (let i = 0; i < cids.length; i += 1)
      for (const type of ['call', 'timerStart', 'open', 'close', 'reveal'] as const) step({ type });
    step({ type: 'finish' });
    arenaRows.push({
      id,
      campaign_id: campaignId,
      office_unit_id: root,
      title: `压测擂台赛${a + 1}`,
      held_on: heldOn,
      scheme: {
        criteria: DEFAULT_CRITERIA.map((x) => ({ id: x.id, max: x.max })),
        groups: groups.map(({ id: g, weight }) => ({ id: g, weight })),
        tieBreakers: ['实绩'],
      },
      speaking_seconds: 300,
      seed,
      state,
      version: 2 + cids.length * 5,
      screen_token: `bench-screen-${a}`,
      finished_at: new Date(t).toISOString(),
    });
    cids.forEach((cid, i) => {
      const lvl = level.get(chosen[i]!)!;
      for (const jid of jids) {
        if (rand() < 0.01) {
          recusalRows.push({ arena_id: id, judge_id: jid, contestant_id: cid, kind: 'manual', reason: '回避' });
          continue;
        }
        const criteria: Record<string, string> = {};
        let total = 0;
        for (const x of DEFAULT_CRITERIA) {
          const v = Math.min(x.max, Math.round(Math.min(1, lvl * 0.8 + rand() * 0.15) * x.max * 2) / 2);
          criteria[x.id] = String(v);
          total += v;
        }
        // A total of 100, or below 60, carries the judge's one-line reason (the arena's rule).
        const reason = total >= 100 || total < 60 ? '表现突出或差距明显' : null;
        scoreRows.push({ arena_id: id, judge_id: jid, contestant_id: cid, criteria, total: String(total), reason });
      }
    });
  }
  await put('arenas', arenaRows);
  await put('arena_contestants', contestantRows);
  await put('arena_judges', judgeRows);
  await put('arena_recusals', recusalRows);
  await put('arena_scores', scoreRows);

  // 200,000 public ratings at one point per unit, through the year.
  const point0 = await nextId(db, 'rating_points');
  await put(
    'rating_points',
    unitIds.map((u, i) => ({
      id: point0 + i,
      unit_id: u,
      office_unit_id: root,
      name: '本单位',
      kind: 'unit',
      code: `benchpt${i}`,
    })),
  );
  const ratingRows: Row[] = [];
  for (let i = 0; i < CITY.ratings; i += 1) {
    const k = Math.floor(rand() * unitIds.length);
    const u = unitIds[k]!;
    const good = level.get(u)! - 0.55;
    const r = rand();
    const stars = r < 0.5 + good ? 5 : r < 0.8 + good / 2 ? 4 : r < 0.9 ? 3 : r < 0.96 ? 2 : 1;
    const month = 1 + Math.floor(rand() * 12);
    const day = dayOf(month, int(1, 28));
    ratingRows.push({
      point_id: point0 + k,
      unit_id: u,
      stars,
      device_id: `bench-device-${i}`,
      period_start: day,
      rated_on: day,
      lookup_code: `BL${i}`,
    });
  }
  await put('ratings', ratingRows);

  // 5,000 ledger items led by the units, due through the year: most closed on time, some late, some open.
  const itemRows: Row[] = [];
  for (let i = 0; i < CITY.ledgerItems; i += 1) {
    const deadline = dayOf(int(1, 12), int(1, 28));
    const r = rand();
    const closedOn =
      r < 0.75
        ? deadline.slice(0, 8) + pad(Math.max(1, Number(deadline.slice(8)) - int(0, 5)))
        : r < 0.9
          ? deadline.slice(0, 8) + pad(Math.min(28, Number(deadline.slice(8)) + int(1, 10)))
          : null;
    itemRows.push({
      office_unit_id: root,
      title: `压测督办事项${i + 1}`,
      source: '督查发现',
      lead_unit_id: unitIds[int(0, unitIds.length - 1)],
      deadline,
      original_deadline: deadline,
      state: closedOn ? 'closed' : 'in_progress',
      closed_on: closedOn,
      created_by: userId,
    });
  }
  await put('ledger_items', itemRows);
  await db.execute(sql`ANALYZE`);
  return { campaignId, userId, rootId: root, rootPath, categoryIds, counts };
}
