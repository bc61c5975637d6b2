import {
  investmentPlanToDate,
  parseDecimal,
  type PortfolioProject as RateInput,
  type ProjectCard,
  type Ratio,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { completedBy, loadMapData, milestoneRows, monthCards, plansFor, projectFigures } from './model.js';
import { allProjects, portfolioStamp, type ProjectRow } from './repository.js';
import { projectSettings } from './settings.js';

const micro = (v: string) => BigInt(parseDecimal(v, 'value'));

/** What the register, the battle map and the dashboard show of one project for a judged month, names aside. */
export interface PortfolioEntry {
  row: ProjectRow;
  /** The register's and the map's row, without the unit's and leader's names (those are read per request). */
  figures: ReturnType<typeof projectFigures>['figures'];
  map: {
    baseline: Record<string, string>;
    current: Record<string, string>;
    reached: Record<string, string>;
    steps: { milestone: string; title: string; deadline: string; doneOn: string | null }[];
    changes: number;
  };
  /** The dashboard's inputs at month ≥ 1 (a year not begun is judged at January there). */
  dash: {
    plan: bigint | null;
    planToDate: Ratio;
    done: bigint;
    rates: RateInput | null;
    last: { card: ProjectCard; reasons: string[] } | null;
  };
}

function entry(p: ProjectRow, d: Awaited<ReturnType<typeof loadMapData>>, month: number, rules: Rules) {
  const dashMonth = Math.max(month, 1);
  const { figures, last } = projectFigures(p, d, month, rules);
  const { baseline, current } = plansFor(d, p.id);
  const dashLast = month > 0 ? last : (monthCards(p, d, dashMonth, rules).at(-1) ?? null);
  const done = completedBy(d, p.id, dashMonth);
  const out: PortfolioEntry = {
    row: p,
    figures,
    map: {
      baseline: baseline?.plan.milestones ?? {},
      current: current?.plan.milestones ?? {},
      reached: Object.fromEntries(d.reached.get(p.id) ?? []),
      steps: (d.steps.get(p.id) ?? []).map((s) => ({
        milestone: s.milestone,
        title: s.title,
        deadline: s.deadline,
        doneOn: s.doneOn,
      })),
      changes: (d.plans.get(p.id) ?? []).length - 1,
    },
    dash: {
      plan: current ? micro(current.plan.yearPlan) : null,
      planToDate: current
        ? investmentPlanToDate(current.plan.yearPlan, current.plan.monthly, dashMonth)
        : { n: 0n, d: 1n },
      done: micro(done ?? '0'),
      rates: current
        ? {
            yearPlan: current.plan.yearPlan,
            monthlyPlan: current.plan.monthly,
            completedToDate: done,
            milestones: milestoneRows(current.plan, d.reached.get(p.id)),
          }
        : null,
      last: dashLast ? { card: dashLast.card, reasons: dashLast.reasons.map((r) => r.text) } : null,
    },
  };
  return out;
}

type Rules = Awaited<ReturnType<typeof projectSettings>>['rules'];

/**
 * Every project's figures for a year judged at a month, kept per database while the stamp they were read at
 * (bumped by a trigger on every write to the tables read) and the rules' version are current. The stamp is
 * read before the rows, so a figure is never kept under a stamp newer than the rows it came from.
 */
const cache = new WeakMap<object, Map<string, Promise<PortfolioEntry[]>>>();
const KEPT = 4;

export async function portfolio(db: Db, year: number, month: number): Promise<PortfolioEntry[]> {
  const [stamp, settings] = await Promise.all([portfolioStamp(db), projectSettings(db)]);
  const key = `${year}|${month}|${settings.version}|${stamp}`;
  let kept = cache.get(db);
  if (!kept) cache.set(db, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key); // most recently used last
    kept.set(key, hit);
    return hit;
  }
  const value = (async () => {
    const list = await allProjects(db);
    const d = await loadMapData(
      db,
      list.map((p) => p.id),
      year,
      Math.max(month, 1),
    );
    return list.map((p) => entry(p, d, month, settings.rules));
  })();
  kept.set(key, value);
  value.catch(() => kept.delete(key));
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return value;
}
