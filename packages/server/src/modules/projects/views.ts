import {
  INTERVIEW_RUNG_LABELS,
  MILESTONES,
  PLAN_CHANGE_STATE_LABELS,
  PROJECT_KINDS,
  PROJECT_STAGES,
  ZERO_RATIO,
  addRatio,
  formatRatio,
  investmentPlanToDate,
  parseDecimal,
  planChangeActions,
  planDiff,
  portfolioRates,
  ratio,
  shownRatio,
  type Actor,
  type IsoDate,
  type ProjectCard,
  type Ratio,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import { projectActions } from './access.js';
import {
  completedBy,
  cumulative,
  investmentFigures,
  loadMapData,
  loadYearDetail,
  loadYearFigures,
  milestoneRows,
  monthCards,
  periodOf,
  plansFor,
  stageOf,
  type YearFigures,
} from './model.js';
import { getProject, listProjects, type ProjectFilter, type ProjectRow } from './repository.js';
import { projectSettings } from './settings.js';

/** The month a year is judged at: the last month before today's in the current year, December for past years. */
export function judgedMonth(year: number, today: IsoDate): number {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (year < y) return 12;
  if (year > y) return 0;
  return m - 1;
}

export interface ListQuery {
  year: number;
  unitId?: number | undefined;
  leaderId?: number | undefined;
  kind?: string | undefined;
  card?: ProjectCard | undefined;
  q?: string | undefined;
}

const micro = (v: string) => BigInt(parseDecimal(v, 'value'));
const pct = (n: Ratio, d: bigint) => (d === 0n ? null : formatRatio(ratio(n.n * 100n * 1_000_000n, n.d * d), 1));

async function names(db: Db, list: ProjectRow[]) {
  const [unitMap, people] = await Promise.all([
    units.byIds(
      db,
      list.flatMap((p) => [p.unitId, ...p.coUnitIds]),
    ),
    users.displayNames(
      db,
      list.flatMap((p) => [p.leaderId, p.deputyLeaderId]).filter((x): x is number => x !== null),
    ),
  ]);
  return {
    unit: (id: number) => ({ id, name: unitMap.get(id)?.name ?? '' }),
    path: (id: number) => unitMap.get(id)?.path ?? '#',
    person: (id: number | null) => (id === null ? null : { id, name: people.get(id) ?? '' }),
  };
}

/** One row of the register and of the map: facts, stage, the judged month's card, the year's figures. */
function summary(
  p: ProjectRow,
  d: YearFigures,
  month: number,
  rules: Awaited<ReturnType<typeof projectSettings>>['rules'],
  n: Awaited<ReturnType<typeof names>>,
) {
  const cards = month > 0 ? monthCards(p, d, month, rules) : [];
  const last = cards.at(-1) ?? null;
  const fig = investmentFigures(p, d, Math.max(month, 1));
  const { current } = plansFor(d, p.id);
  const plan = current ? micro(current.plan.yearPlan) : 0n;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    totalInvestment: shownRatio({ n: micro(p.totalInvestment), d: 1n }),
    unit: n.unit(p.unitId),
    leader: n.person(p.leaderId),
    stage: stageOf(d, p.id),
    card: last?.card ?? null,
    cardPeriod: last?.period ?? null,
    yearPlan: fig.yearPlan,
    planToDate: fig.planToDate,
    completed: fig.completed,
    completedPercent: pct({ n: micro(fig.completedExact), d: 1n }, plan),
    planVersion: current?.version ?? null,
  };
}

async function visibleProjects(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery) {
  const filter: ProjectFilter = {
    scope,
    viewerId: actor.userId,
    unitId: q.unitId,
    leaderId: q.leaderId,
    kind: q.kind,
    q: q.q,
  };
  return listProjects(db, filter);
}

/** 项目库: the register the viewer may see, filtered; each row with the judged month's card. */
export async function listView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const list = await visibleProjects(db, actor, scope, q);
  const month = judgedMonth(q.year, today);
  const [d, n, settings] = await Promise.all([
    loadYearFigures(
      db,
      list.map((p) => p.id),
      q.year,
      month,
    ),
    names(db, list),
    projectSettings(db),
  ]);
  const rows = list.map((p) => summary(p, d, month, settings.rules, n)).filter((r) => !q.card || r.card === q.card);
  return { year: q.year, period: month > 0 ? periodOf(q.year, month) : null, rows };
}

/** 挂图作战: every visible project's baseline and current milestones, what was reached, steps, card by month. */
export async function ganttView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const list = await visibleProjects(db, actor, scope, q);
  const month = judgedMonth(q.year, today);
  const ids = list.map((p) => p.id);
  const [d, n, settings] = await Promise.all([
    loadMapData(db, ids, q.year, month),
    names(db, list),
    projectSettings(db),
  ]);
  const rows = list
    .map((p) => {
      const { baseline, current } = plansFor(d, p.id);
      const reached = d.reached.get(p.id);
      // The judged month's card comes with the summary; the months' cards are the project page's.
      return {
        ...summary(p, d, month, settings.rules, n),
        baseline: baseline?.plan.milestones ?? {},
        current: current?.plan.milestones ?? {},
        reached: Object.fromEntries(reached ?? []),
        steps: (d.steps.get(p.id) ?? []).map((s) => ({
          milestone: s.milestone,
          title: s.title,
          deadline: s.deadline,
          doneOn: s.doneOn,
        })),
        changes: (d.plans.get(p.id) ?? []).length - 1,
      };
    })
    .filter((r) => !q.card || r.card === q.card);
  return { year: q.year, today, period: month > 0 ? periodOf(q.year, month) : null, milestones: MILESTONES, rows };
}

/** 项目看板: investment against plan by unit and kind, stages, 开工率/竣工率/投资完成率 against pace, the red cards. */
export async function dashboardView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const list = await visibleProjects(db, actor, scope, q);
  const month = Math.max(judgedMonth(q.year, today), 1);
  const [d, n, settings] = await Promise.all([
    loadYearFigures(
      db,
      list.map((p) => p.id),
      q.year,
      month,
    ),
    names(db, list),
    projectSettings(db),
  ]);
  // Read once a project: the sums by unit and kind and the rates all need it.
  const done = new Map(list.map((p) => [p.id, completedBy(d, p.id, month)]));
  type Sum = { plan: bigint; toDate: Ratio; done: bigint; count: number };
  const add = (m: Map<string, Sum & { label: string }>, key: string, label: string, p: ProjectRow) => {
    const { current } = plansFor(d, p.id);
    if (!current) return;
    const s = m.get(key) ?? { label, plan: 0n, toDate: ZERO_RATIO, done: 0n, count: 0 };
    s.plan += micro(current.plan.yearPlan);
    s.toDate = addRatio(s.toDate, investmentPlanToDate(current.plan.yearPlan, current.plan.monthly, month));
    s.done += micro(done.get(p.id) ?? '0');
    s.count += 1;
    m.set(key, s);
  };
  const byUnit = new Map<string, Sum & { label: string }>();
  const byKind = new Map<string, Sum & { label: string }>();
  for (const p of list) {
    add(byUnit, String(p.unitId), n.unit(p.unitId).name, p);
    add(byKind, p.kind, p.kind, p);
  }
  const shown = ([key, s]: [string, Sum & { label: string }]) => ({
    key,
    label: s.label,
    count: s.count,
    yearPlan: shownRatio({ n: s.plan, d: 1n }),
    planToDate: shownRatio(s.toDate),
    completed: shownRatio({ n: s.done, d: 1n }),
    percent: pct({ n: s.done, d: 1n }, s.plan),
    pacePercent: pct(s.toDate, s.plan),
  });
  const stages = new Map(PROJECT_STAGES.map((s) => [s, 0]));
  for (const p of list) stages.set(stageOf(d, p.id), (stages.get(stageOf(d, p.id)) ?? 0) + 1);
  const rates = portfolioRates(
    list.flatMap((p) => {
      const { current } = plansFor(d, p.id);
      if (!current) return [];
      return [
        {
          yearPlan: current.plan.yearPlan,
          monthlyPlan: current.plan.monthly,
          completedToDate: done.get(p.id) ?? null,
          milestones: milestoneRows(current.plan, d.reached.get(p.id)),
        },
      ];
    }),
    periodOf(q.year, month),
  );
  const cardCounts: Record<ProjectCard, number> = { green: 0, yellow: 0, red: 0, overdue: 0, pending: 0 };
  const red: { id: number; code: string; name: string; unit: { id: number; name: string }; reasons: string[] }[] = [];
  for (const p of list) {
    const last = monthCards(p, d, month, settings.rules).at(-1);
    if (!last) continue;
    cardCounts[last.card] += 1;
    if (last.card === 'red')
      red.push({
        id: p.id,
        code: p.code,
        name: p.name,
        unit: n.unit(p.unitId),
        reasons: last.reasons.map((r) => r.text),
      });
  }
  return {
    year: q.year,
    period: periodOf(q.year, month),
    count: list.length,
    rates,
    cards: cardCounts,
    byUnit: [...byUnit].map(shown).sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    byKind: PROJECT_KINDS.filter((k) => byKind.has(k)).map((k) => shown([k, byKind.get(k)!])),
    // The funnel: how many reached each stage or went beyond it.
    stages: PROJECT_STAGES.map((s, i) => ({
      stage: s,
      count: stages.get(s) ?? 0,
      atLeast: PROJECT_STAGES.slice(i).reduce((n, x) => n + (stages.get(x) ?? 0), 0),
    })),
    red,
  };
}

/** One project: facts, plan baseline and in force with every version's changes, months with cards, interviews. */
export async function detailView(db: Db, actor: Actor, id: number, year: number, today: IsoDate) {
  const p = await getProject(db, id);
  if (!p) throw notFound('项目');
  const [d, n, settings] = await Promise.all([loadYearDetail(db, [id], year), names(db, [p]), projectSettings(db)]);
  const month = judgedMonth(year, today);
  const actions = projectActions(actor, p, n.path(p.unitId));
  const { baseline, current } = plansFor(d, id);
  const versions = d.plans.get(id) ?? [];
  const cum = cumulative(d, id);
  const cards = new Map((month > 0 ? monthCards(p, d, month, settings.rules) : []).map((c) => [c.period, c]));
  const people = await users.displayNames(db, [
    ...d.changes.flatMap((c) => [c.requestedBy, c.decidedBy ?? 0]),
    ...d.interviews.flatMap((i) => [i.interviewerId ?? 0]),
  ]);
  const reached = d.reached.get(id);
  return {
    ...summary(p, d, month, settings.rules, n),
    coUnits: p.coUnitIds.map(n.unit),
    deputyLeader: n.person(p.deputyLeaderId),
    owner: p.owner,
    manager: p.manager,
    location: p.location,
    lng: p.lng,
    lat: p.lat,
    version: p.version,
    year,
    actions,
    baseline: baseline ? { version: 1, ...baseline.plan } : null,
    current: current ? { version: current.version, ...current.plan } : null,
    versions: versions.map((v, i) => ({
      version: v.version,
      reason: v.reason,
      at: v.createdAt.toISOString(),
      diff: i === 0 ? [] : planDiff(versions[i - 1]!.plan, v.plan),
    })),
    milestones: MILESTONES.map((m) => ({
      id: m,
      baseline: baseline?.plan.milestones[m] ?? null,
      planned: current?.plan.milestones[m] ?? null,
      reachedOn: reached?.get(m) ?? null,
      steps: (d.steps.get(id) ?? [])
        .filter((s) => s.milestone === m)
        .map((s) => ({ title: s.title, workingDays: s.workingDays, deadline: s.deadline, doneOn: s.doneOn })),
    })),
    months: Array.from({ length: 12 }, (_, i) => {
      const period = periodOf(year, i + 1);
      const row = (d.months.get(id) ?? []).find((m) => m.period === period);
      const card = cards.get(period);
      const planToDate = current
        ? shownRatio(investmentPlanToDate(current.plan.yearPlan, current.plan.monthly, i + 1))
        : null;
      return {
        period,
        investment: row ? shownRatio({ n: micro(row.investment), d: 1n }) : null,
        completedToDate: cum[i] === null ? null : shownRatio({ n: micro(cum[i]!), d: 1n }),
        planToDate,
        problem: row?.problem ?? '',
        card: card?.card ?? null,
        settled: card?.settled ?? false,
        reasons: card?.reasons.map((r) => r.text) ?? [],
      };
    }),
    changes: d.changes.map((c) => ({
      id: c.id,
      year: c.year,
      state: c.state,
      stateLabel: PLAN_CHANGE_STATE_LABELS[c.state],
      reason: c.reason,
      requestedBy: people.get(c.requestedBy) ?? '',
      requestedAt: c.requestedAt.toISOString(),
      decidedBy: c.decidedBy === null ? null : (people.get(c.decidedBy) ?? ''),
      decision: c.decision,
      diff: current
        ? planDiff(versions.find((v) => v.version === c.fromVersion)?.plan ?? current.plan, c.proposed)
        : [],
      actions: planChangeActions(c.state, { manage: actions.decideChange && c.requestedBy !== actor.userId }),
    })),
    interviews: d.interviews.map((i) => ({
      id: i.id,
      period: i.period,
      rung: i.rung,
      rungLabel: INTERVIEW_RUNG_LABELS[i.rung],
      interviewer: i.interviewerId === null ? null : (people.get(i.interviewerId) ?? ''),
      ledgerItemId: i.ledgerItemId,
      heldOn: i.heldOn,
      record: i.record,
      canRecord: i.heldOn === null && actions.interview,
    })),
  };
}
