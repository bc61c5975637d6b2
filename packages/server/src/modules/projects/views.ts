import {
  INTERVIEW_RUNG_LABELS,
  MILESTONES,
  PLAN_CHANGE_STATE_LABELS,
  PROJECT_KINDS,
  PROJECT_STAGES,
  ZERO_RATIO,
  addRatio,
  investmentPlanToDate,
  parseDecimal,
  planChangeActions,
  planDiff,
  portfolioRates,
  shownRatio,
  type Actor,
  type IsoDate,
  type ProjectCard,
  type Ratio,
  type UnitFilter,
  filterCovers,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import { projectActions } from './access.js';
import { cumulative, loadYearDetail, monthCards, percentOf, periodOf, plansFor, projectFigures } from './model.js';
import { portfolio, type PortfolioEntry } from './portfolio.js';
import { getProject, type ProjectRow } from './repository.js';
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
type Names = Awaited<ReturnType<typeof names>>;

/** One row of the register and of the map: facts, names, stage, the judged month's card, the year's figures. */
function row(p: ProjectRow, figures: PortfolioEntry['figures'], n: Names) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    unit: n.unit(p.unitId),
    leader: n.person(p.leaderId),
    ...figures,
  };
}

/**
 * The register as the viewer may see it, filtered, from the kept portfolio: what `listProjects` does in SQL
 * (his units' projects, as the responsible or a co-unit, and those he is 包保领导 or 分管副职 of).
 */
async function visiblePortfolio(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, month: number) {
  const all = await portfolio(db, q.year, month);
  const n = await names(
    db,
    all.map((e) => e.row),
  );
  const own = (p: ProjectRow) => p.leaderId === actor.userId || p.deputyLeaderId === actor.userId;
  const inScope = (p: ProjectRow) => [p.unitId, ...p.coUnitIds].some((id) => filterCovers(scope, n.path(id)));
  const list = all.filter(
    ({ row: p }) =>
      (scope.kind === 'all' || own(p) || (scope.kind === 'paths' && inScope(p))) &&
      (q.unitId === undefined || p.unitId === q.unitId) &&
      (q.leaderId === undefined || p.leaderId === q.leaderId) &&
      (q.kind === undefined || p.kind === q.kind) &&
      (!q.q || p.name.includes(q.q) || p.code.includes(q.q)),
  );
  return { list, n };
}

/** 项目库: the register the viewer may see, filtered; each row with the judged month's card. */
export async function listView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const month = judgedMonth(q.year, today);
  const { list, n } = await visiblePortfolio(db, actor, scope, q, month);
  const rows = list.map((e) => row(e.row, e.figures, n)).filter((r) => !q.card || r.card === q.card);
  return { year: q.year, period: month > 0 ? periodOf(q.year, month) : null, rows };
}

/** 挂图作战: every visible project's baseline and current milestones, what was reached, steps, the judged card. */
export async function ganttView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const month = judgedMonth(q.year, today);
  const { list, n } = await visiblePortfolio(db, actor, scope, q, month);
  // The judged month's card comes with the row; the months' cards are the project page's.
  const rows = list.map((e) => ({ ...row(e.row, e.figures, n), ...e.map })).filter((r) => !q.card || r.card === q.card);
  return { year: q.year, today, period: month > 0 ? periodOf(q.year, month) : null, milestones: MILESTONES, rows };
}

/** 项目看板: investment against plan by unit and kind, stages, 开工率/竣工率/投资完成率 against pace, the red cards. */
export async function dashboardView(db: Db, actor: Actor, scope: UnitFilter, q: ListQuery, today: IsoDate) {
  const judged = judgedMonth(q.year, today);
  const month = Math.max(judged, 1);
  const { list, n } = await visiblePortfolio(db, actor, scope, q, judged);
  type Sum = { label: string; plan: bigint; toDate: Ratio; done: bigint; count: number };
  const add = (m: Map<string, Sum>, key: string, label: string, e: PortfolioEntry) => {
    if (e.dash.plan === null) return;
    const s = m.get(key) ?? { label, plan: 0n, toDate: ZERO_RATIO, done: 0n, count: 0 };
    s.plan += e.dash.plan;
    s.toDate = addRatio(s.toDate, e.dash.planToDate);
    s.done += e.dash.done;
    s.count += 1;
    m.set(key, s);
  };
  const byUnit = new Map<string, Sum>();
  const byKind = new Map<string, Sum>();
  const stages = new Map(PROJECT_STAGES.map((s) => [s, 0]));
  const cardCounts: Record<ProjectCard, number> = { green: 0, yellow: 0, red: 0, overdue: 0, pending: 0 };
  const red: { id: number; code: string; name: string; unit: { id: number; name: string }; reasons: string[] }[] = [];
  for (const e of list) {
    const p = e.row;
    add(byUnit, String(p.unitId), n.unit(p.unitId).name, e);
    add(byKind, p.kind, p.kind, e);
    stages.set(e.figures.stage, (stages.get(e.figures.stage) ?? 0) + 1);
    const last = e.dash.last;
    if (!last) continue;
    cardCounts[last.card] += 1;
    if (last.card === 'red')
      red.push({ id: p.id, code: p.code, name: p.name, unit: n.unit(p.unitId), reasons: last.reasons });
  }
  const shown = ([key, s]: [string, Sum]) => ({
    key,
    label: s.label,
    count: s.count,
    yearPlan: shownRatio({ n: s.plan, d: 1n }),
    planToDate: shownRatio(s.toDate),
    completed: shownRatio({ n: s.done, d: 1n }),
    percent: percentOf({ n: s.done, d: 1n }, s.plan),
    pacePercent: percentOf(s.toDate, s.plan),
  });
  const rates = portfolioRates(
    list.flatMap((e) => (e.dash.rates ? [e.dash.rates] : [])),
    periodOf(q.year, month),
  );
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
    ...row(p, projectFigures(p, d, month, settings.rules).figures, n),
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
