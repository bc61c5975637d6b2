import { sql, type SQL } from 'drizzle-orm';
import {
  DEFAULT_CARD_RULES,
  INTERVIEW_RUNG_LABELS,
  PROJECT_KINDS,
  interviewRung,
  projectCard,
  type Milestone,
  type ProjectCard,
  type ProjectPlan,
} from '@leitai/core';
import { buildApp, hashPassword, loadConfig, openDatabase, type Database, type Db } from '@leitai/server';
import { fileURLToPath } from 'node:url';
import { rng } from './generate.js';
import { firstRenders, ganttDrawn, renderProblem } from './render.js';

/**
 * `npm run bench:projects -w @leitai/bench`: the key-projects battle map and dashboard at the issue's scale
 * (2,000 projects × 12 months across 100 units, seeded): plans (5 % with an approved change), milestones,
 * steps, every month reported and its card settled, the 约谈 ladder's interviews with their ledger items.
 * Times GET /api/projects/gantt, /dashboard and the register through the app as the organiser (sequential
 * requests after a warm-up) against a baseline measured in the same run: the same rows read with plain
 * queries, in parallel as the views read them. Prints p50/p95 and the ratios; the issue's targets
 * (Gantt p95 < 150 ms, dashboard p95 < 100 ms on PostgreSQL) are reported, not asserted. The views keep a
 * year's figures in memory until a write to the projects' tables: the Gantt is also timed after one. Where
 * the web app is built and Chromium installed, the portfolio Gantt's first render in the browser (< 2 s).
 * DATABASE_URL=postgres://…/leitai_bench_… runs on that database (its public schema is reset first); without
 * it on PGlite in memory. Options: --projects=2000 --units=100 --requests=50.
 */
const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const PROJECTS = arg('projects', 2000);
const UNITS = arg('units', 100);
const REQUESTS = arg('requests', 50);
const WARMUP = 5;
// Last year: every month is judged and settled, so the views read twelve settled cards a project.
const Y = new Date().getUTCFullYear() - 1;
const PASSWORD = 'Bench@2026pass';

async function open(): Promise<{ database: Database; where: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({ dataDir: 'memory://' }), where: 'PGlite (in process)' };
  const name = new URL(url).pathname.slice(1);
  // The bench resets the database it is given: only one named for it.
  if (!name.startsWith('leitai_bench')) throw new Error(`DATABASE_URL must name a leitai_bench… database, not ${name}`);
  const database = await openDatabase({ url });
  await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await database.db.execute(sql`DROP SCHEMA public CASCADE`);
  await database.db.execute(sql`CREATE SCHEMA public`);
  return { database, where: `PostgreSQL (${name})` };
}

/** Inserts rows in chunks, one statement each: the rows travel as one jsonb array, typed by `columns`. */
async function bulk(db: Db, table: string, columns: string, rows: Record<string, unknown>[]): Promise<void> {
  const names = columns
    .split(',')
    .map((c) => c.trim().split(' ')[0])
    .join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await db.execute(
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${chunk}::jsonb) AS x(${sql.raw(columns)})`,
    );
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const period = (m: number) => `${Y}-${pad(m)}`;
const endOf = (m: number) => `${Y}-${pad(m)}-${pad(new Date(Date.UTC(Y, m, 0)).getUTCDate())}`;
/** Amounts in hundredths of a 万元 as decimal text. */
const yuan = (cents: number) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

interface Generated {
  projects: Record<string, unknown>[];
  plans: { code: string; version: number; plan: ProjectPlan; reason: string }[];
  milestones: { code: string; milestone: Milestone; reached_on: string }[];
  months: { code: string; period: string; investment: string; problem: string }[];
  cards: { code: string; period: string; card: ProjectCard; reasons: unknown }[];
  interviews: { code: string; period: string; rung: string; title: string; unit: number; leader: number }[];
  steps: { code: string; milestone: Milestone; seq: number; title: string; working_days: number; deadline: string }[];
  changed: string[];
}

/** The register and a lived-in year, seeded: the same data on every run. */
function generate(unitIds: number[], leaderIds: number[]): Generated {
  const r = rng(20_261_202);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const g: Generated = {
    projects: [],
    plans: [],
    milestones: [],
    months: [],
    cards: [],
    interviews: [],
    steps: [],
    changed: [],
  };
  for (let i = 0; i < PROJECTS; i += 1) {
    const code = `BP-${String(i + 1).padStart(5, '0')}`;
    const name = `压测重点项目${i + 1}号`;
    const unit = unitIds[i % unitIds.length]!;
    const leader = leaderIds[i % leaderIds.length]!;
    g.projects.push({
      code,
      name,
      kind: pick(PROJECT_KINDS),
      total_investment: String(5000 + Math.floor(r() * 500_000)),
      unit_id: unit,
      co_unit_ids: r() < 0.3 ? [unitIds[(i + 7) % unitIds.length]!] : [],
      leader_id: leader,
      deputy_leader_id: leaderIds[(i + 3) % leaderIds.length]!,
      owner: `压测企业${i % 300}`,
      manager: `负责人${i % 500}`,
      location: `压测街道${i % 40}`,
    });
    // The plan: a start in months 1–8, structure three months later, completion six, 入库 one.
    const yearCents = (500 + Math.floor(r() * 60_000)) * 100;
    let monthly: string[] | null = null;
    if (r() < 0.3) {
      const w = Array.from({ length: 12 }, (_, k) => 1 + k / 6);
      const total = w.reduce((a, b) => a + b, 0);
      const parts = w.map((x) => Math.floor((yearCents * x) / total));
      parts[11]! += yearCents - parts.reduce((a, b) => a + b, 0);
      monthly = parts.map(yuan);
    }
    const start = 1 + Math.floor(r() * 8);
    const milestones: ProjectPlan['milestones'] = { start: endOf(start) };
    if (r() < 0.5) milestones.signing = `${Y}-01-15`;
    if (start + 1 <= 12) milestones.stats = endOf(start + 1);
    if (start + 3 <= 12) milestones.structure = endOf(start + 3);
    if (start + 6 <= 12) milestones.completion = endOf(start + 6);
    const baseline: ProjectPlan = { yearPlan: yuan(yearCents), monthly, milestones };
    g.plans.push({ code, version: 1, plan: baseline, reason: '年初基线' });
    let plan = baseline;
    if (i % 20 === 7 && start < 12) {
      plan = { ...baseline, milestones: { ...milestones, start: endOf(start + 1) } };
      g.plans.push({ code, version: 2, plan, reason: '征迁延后一个月' });
      g.changed.push(code);
    }
    // What happened: most start on time or a little late, 入库 follows, some finish the structure.
    const reached = new Map<Milestone, number>();
    if (milestones.signing) reached.set('signing', 1);
    if (r() < 0.85) {
      const late = r() < 0.75 ? 0 : 1 + Math.floor(r() * 4);
      if (start + late <= 12) reached.set('start', start + late);
    }
    const began = reached.get('start');
    if (began !== undefined && r() < 0.9) {
      const m = began + (r() < 0.7 ? 0 : 1 + Math.floor(r() * 2));
      if (m <= 12) reached.set('stats', m);
    }
    if (began !== undefined && milestones.structure && r() < 0.6) reached.set('structure', Math.max(began, start + 3));
    for (const [m, month] of reached) g.milestones.push({ code, milestone: m, reached_on: `${Y}-${pad(month)}-20` });
    if (r() < 0.2)
      ['施工图审查', '施工许可', '进场准备'].forEach((title, seq) =>
        g.steps.push({
          code,
          milestone: 'start',
          seq,
          title,
          working_days: 10,
          deadline: `${Y}-${pad(start)}-0${seq + 2}`,
        }),
      );
    // The months: the plan's share times the project's pace (70–125 %), 1 % of months not reported.
    const pace = 0.7 + r() * 0.55;
    let done = 0;
    const cards: ProjectCard[] = [];
    for (let m = 1; m <= 12; m += 1) {
      const share = monthly ? Number(monthly[m - 1]) * 100 : yearCents / 12;
      const reported = r() >= 0.01;
      if (reported) {
        const cents = Math.floor(share * pace * (0.8 + r() * 0.4));
        done += cents;
        g.months.push({ code, period: period(m), investment: yuan(cents), problem: r() < 0.1 ? '用地指标待协调' : '' });
      }
      const card = projectCard(
        {
          item: name,
          period: period(m),
          yearPlan: plan.yearPlan,
          monthlyPlan: plan.monthly,
          completedToDate: reported ? yuan(done) : null,
          deadlinePassed: true,
          milestones: (['signing', 'start', 'structure', 'completion', 'stats'] as const)
            .filter((id) => plan.milestones[id] !== undefined || reached.has(id))
            .map((id) => ({
              id,
              plannedMonth: plan.milestones[id]?.slice(0, 7) ?? null,
              reachedMonth: reached.has(id) ? period(reached.get(id)!) : null,
            })),
        },
        DEFAULT_CARD_RULES,
      );
      g.cards.push({ code, period: period(m), card: card.card, reasons: card.reasons });
      cards.push(card.card);
      const rung = interviewRung(cards);
      if (rung)
        g.interviews.push({
          code,
          period: period(m),
          rung,
          title: `【${INTERVIEW_RUNG_LABELS[rung]}】${name}（${period(m)}）`,
          unit,
          leader,
        });
    }
  }
  return g;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)] ?? 0;

/** WARMUP untimed calls, then REQUESTS sequential ones (each after an untimed `before`); their latencies in ms. */
async function sample(one: () => Promise<number | void>, before?: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await one();
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    await before?.(i);
    const t = performance.now();
    const own = await one();
    ms.push(own ?? performance.now() - t);
  }
  return ms;
}

const { database, where } = await open();
try {
  await database.migrate();
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  await app.ready();
  const db = database.db;
  const t0 = performance.now();
  // Both drivers answer execute() with { rows }; Db's type is the union's, which does not say so.
  const rows = async <T>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  // The district, its 100 units, ten leaders and the organiser.
  const [root] = await rows<{ id: number }>(
    sql`INSERT INTO units (code, name, kind, path, is_office) VALUES ('bench', '压测区', 'district', '', true) RETURNING id`,
  );
  await db.execute(sql`UPDATE units SET path = '/' || id || '/' WHERE id = ${root!.id}`);
  const unitIds = (
    await rows<{ id: number }>(sql`
      INSERT INTO units (code, name, kind, parent_id, path)
      SELECT 'bu' || g, '压测单位' || lpad(g::text, 3, '0'), 'department', ${root!.id}, ''
      FROM generate_series(1, ${UNITS}) g RETURNING id`)
  ).map((u) => u.id);
  await db.execute(sql`UPDATE units SET path = '/' || parent_id || '/' || id || '/' WHERE parent_id = ${root!.id}`);
  const hash = await hashPassword(PASSWORD);
  const leaderIds = (
    await rows<{ id: number }>(sql`
      INSERT INTO users (username, display_name, unit_id, roles, overseen_unit_ids, password_hash, must_change_password)
      SELECT 'bench.leader' || g, '压测领导' || g, ${root!.id}, '{leader}', '{}', ${hash}, false
      FROM generate_series(1, 10) g RETURNING id`)
  ).map((u) => u.id);
  const [organiser] = await rows<{ id: number }>(sql`
    INSERT INTO users (username, display_name, unit_id, roles, password_hash, must_change_password)
    VALUES ('bench.organiser', '压测考核办', ${root!.id}, '{organiser}', ${hash}, false) RETURNING id`);

  const g = generate(unitIds, leaderIds);
  const tGen = performance.now();
  await bulk(
    db,
    'projects',
    'code text, name text, kind text, total_investment numeric, unit_id int, co_unit_ids int[], leader_id int, deputy_leader_id int, owner text, manager text, location text',
    g.projects,
  );
  const idOf = new Map(
    (await rows<{ id: number; code: string }>(sql`SELECT id, code FROM projects`)).map((p) => [p.code, p.id]),
  );
  const by = <T extends { code: string }>(list: T[]) =>
    list.map(({ code, ...rest }) => ({ project_id: idOf.get(code)!, ...rest }));
  await bulk(
    db,
    'project_plans',
    'project_id int, year int, version int, plan jsonb, reason text, created_by int',
    by(g.plans).map((p) => ({ ...p, year: Y, created_by: organiser!.id })),
  );
  await bulk(
    db,
    'project_plan_changes',
    'project_id int, year int, from_version int, proposed jsonb, reason text, state text, requested_by int, decided_by int',
    g.plans
      .filter((p) => p.version === 2)
      .map((p) => ({
        project_id: idOf.get(p.code)!,
        year: Y,
        from_version: 1,
        proposed: p.plan,
        reason: p.reason,
        state: 'approved',
        requested_by: organiser!.id,
        decided_by: leaderIds[0]!,
      })),
  );
  await bulk(db, 'project_milestones', 'project_id int, milestone text, reached_on date', by(g.milestones));
  await bulk(
    db,
    'project_steps',
    'project_id int, milestone text, seq int, title text, working_days int, deadline date',
    by(g.steps),
  );
  await bulk(db, 'project_months', 'project_id int, period text, investment numeric, problem text', by(g.months));
  await bulk(
    db,
    'project_cards',
    'project_id int, period text, card text, reasons jsonb, rules_version int',
    by(g.cards).map((c) => ({ ...c, rules_version: 1 })),
  );
  // Each interview is a ledger item: both in one statement per chunk, joined by the item's title.
  const interviews = by(g.interviews);
  for (let i = 0; i < interviews.length; i += 5000) {
    const chunk = JSON.stringify(interviews.slice(i, i + 5000));
    await db.execute(sql`
      WITH x AS (
        SELECT * FROM jsonb_to_recordset(${chunk}::jsonb)
          AS x(project_id int, period text, rung text, title text, unit int, leader int)
      ), item AS (
        INSERT INTO ledger_items (office_unit_id, title, source, lead_unit_id, leader_id, deadline, original_deadline, tags)
        SELECT (SELECT min(id) FROM units WHERE parent_id IS NULL), title, '项目约谈', unit, leader,
          (period || '-28')::date + 14, (period || '-28')::date + 14, '{重点项目}'
        FROM x RETURNING id, title
      )
      INSERT INTO project_interviews (project_id, period, rung, interviewer_id, ledger_item_id, held_on, record)
      SELECT x.project_id, x.period, x.rung, x.leader, item.id,
        CASE WHEN x.period < ${period(11)} THEN (x.period || '-25')::date END,
        CASE WHEN x.period < ${period(11)} THEN '在区政府会议室约谈，议定倒排工期、两周内报送整改措施。' END
      FROM x JOIN item USING (title)`);
  }
  await db.execute(sql`ANALYZE`);
  const tLoad = performance.now();
  const count = async (table: string) =>
    Number((await rows<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.raw(table)}`))[0]!.n);
  const counts = Object.fromEntries(
    await Promise.all(
      [
        'projects',
        'project_plans',
        'project_milestones',
        'project_steps',
        'project_months',
        'project_cards',
        'project_interviews',
      ].map(async (t) => [t, await count(t)] as const),
    ),
  );

  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench.organiser', password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'leitai_session')!;
  // The request's own time: the answer is checked after the clock stops (parsing 1.4 MB is the client's cost).
  const get = (url: string, check: (body: Record<string, unknown>) => boolean) => async () => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, cookies: { [cookie.name]: cookie.value } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200 || !check(res.json()))
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return ms;
  };
  const all = (b: Record<string, unknown>) => (b.rows as unknown[]).length === PROJECTS;

  // The baseline: the rows the battle map reads, with plain queries, in parallel as the view reads them.
  const like = `${Y}-%`;
  const baseline = await sample(async () => {
    await Promise.all([
      db.execute(sql`SELECT * FROM projects ORDER BY code`),
      db.execute(sql`SELECT * FROM project_plans WHERE year = ${Y} ORDER BY project_id, version`),
      db.execute(sql`SELECT * FROM project_milestones`),
      db.execute(sql`SELECT * FROM project_months WHERE period LIKE ${like} ORDER BY period`),
      db.execute(sql`SELECT * FROM project_cards WHERE period LIKE ${like} ORDER BY period`),
      db.execute(sql`SELECT * FROM project_interviews ORDER BY period DESC`),
      db.execute(sql`SELECT * FROM project_plan_changes ORDER BY id DESC`),
      db.execute(sql`SELECT * FROM project_steps ORDER BY project_id, milestone, seq`),
      db.execute(sql`SELECT id, name, path FROM units`),
    ]);
  });
  const gantt = await sample(get(`/api/projects/gantt?year=${Y}`, all));
  const dashboard = await sample(get(`/api/projects/dashboard?year=${Y}`, (b) => b.count === PROJECTS));
  const register = await sample(get(`/api/projects?year=${Y}`, all));
  // The kept figures are read again after any write to the projects' tables: a unit's month, as a report saves it.
  const afterWrite = await sample(get(`/api/projects/gantt?year=${Y}`, all), (i) =>
    db
      .execute(
        sql`UPDATE project_months SET investment = investment + 1 WHERE project_id = (SELECT id FROM projects ORDER BY id OFFSET ${i} LIMIT 1) AND period = ${period(6)}`,
      )
      .then(() => undefined),
  );
  const size = async (url: string) =>
    (await app.inject({ method: 'GET', url, cookies: { [cookie.name]: cookie.value } })).rawPayload.length;

  const base95 = pct(baseline, 0.95);
  const line = (label: string, ms: number[], target?: number) => {
    const p95 = pct(ms, 0.95);
    const verdict =
      target === undefined ? '' : p95 < target ? `  (target < ${target} ms: met)` : `  (target < ${target} ms: MISSED)`;
    console.log(
      `  ${label.padEnd(34)} p50 ${pct(ms, 0.5).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${(p95 / base95).toFixed(1).padStart(5)} × baseline p95${verdict}`,
    );
  };
  console.log(`projects bench on ${where}, year ${Y}: ${PROJECTS} projects across ${UNITS} units`);
  console.log(
    `  rows: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  generated in ${(tGen - t0).toFixed(0)} ms, inserted in ${(tLoad - tGen).toFixed(0)} ms; ${REQUESTS} sequential requests each after ${WARMUP} warm-up`,
  );
  line('baseline: the same rows, plain SQL', baseline);
  line('GET /api/projects/gantt', gantt, 150);
  line('GET /api/projects/dashboard', dashboard, 100);
  line('GET /api/projects (register)', register);
  line('GET /api/projects/gantt after a write', afterWrite);
  console.log(
    `  response sizes: gantt ${(await size(`/api/projects/gantt?year=${Y}`)) >> 10} KiB, dashboard ${(await size(`/api/projects/dashboard?year=${Y}`)) >> 10} KiB`,
  );
  // The first render of the portfolio Gantt in Chromium: a fresh browser context each time, as a first visit.
  const webDist = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));
  const problem = renderProblem(webDist);
  if (problem) console.log(`  first render of the portfolio Gantt in Chromium: skipped, ${problem}`);
  else {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });

    const runs = await firstRenders({ url: `${address}/projects/gantt?year=${Y}`, cookie, ready: ganttDrawn, runs: 5 });
    const worst = Math.max(...runs);
    console.log(
      `  first render of the portfolio Gantt in Chromium (${PROJECTS} projects, 5 fresh visits): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms; worst ${worst.toFixed(0)} ms ${worst < 2000 ? '(target < 2000 ms: met)' : '(target < 2000 ms: MISSED)'}`,
    );
  }
  await app.close();
} finally {
  await database.close();
}
