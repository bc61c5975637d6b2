import {
  ENTERPRISE_SCALE_LABELS,
  coverageRate,
  solvedRate,
  unvisited,
  type EnterpriseScale,
  type IsoDate,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { exportWorkbook, PERCENT_FMT } from '../../excel/index.js';
import * as units from '../units/index.js';
import { coverageFacts, monthly, solvedByUnit } from './repository.js';
import type { CoverageQuery } from './schema.js';

/**
 * 走访覆盖: which assigned enterprises nobody visited in N days, grouped by cadre, street, industry or scale;
 * visits and 诉求 by month; the 诉求 solved rate by lead unit. Rates are fractions, null for an empty group.
 */
export async function coverage(db: Db, scope: UnitFilter, q: CoverageQuery, today: IsoDate) {
  const facts = await coverageFacts(db, scope);
  const keyOf = (f: (typeof facts)[number]): string => {
    switch (q.by) {
      case 'cadre':
        return f.userName;
      case 'street':
        return f.streetName ?? '（未填街道）';
      case 'industry':
        return f.industry || '（未填行业）';
      case 'scale':
        return ENTERPRISE_SCALE_LABELS[f.scale as EnterpriseScale];
    }
  };
  // Cadres are grouped by account (two people may share a name), the other dimensions by their label.
  const groups = new Map<string, typeof facts>();
  for (const f of facts) {
    const key = q.by === 'cadre' ? String(f.userId) : keyOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rows = [...groups.values()]
    .map((list) => {
      const label = keyOf(list[0]!);
      const unique = [...new Map(list.map((f) => [f.enterpriseId, f])).values()];
      const missing = unique.filter((f) => unvisited(f, today, q.days)).length;
      return { label, assigned: unique.length, unvisited: missing, rate: coverageRate(unique, today, q.days) };
    })
    .sort((a, b) => b.unvisited - a.unvisited || a.label.localeCompare(b.label, 'zh-CN'));
  const byEnterprise = [...new Map(facts.map((f) => [f.enterpriseId, f])).values()];
  const missing = byEnterprise.filter((f) => unvisited(f, today, q.days));
  // The page lists the first 200 (most never visited); the counts above cover them all.
  const unvisitedList = missing
    .sort((a, b) => (a.lastVisit ?? '').localeCompare(b.lastVisit ?? '') || a.enterpriseId - b.enterpriseId)
    .slice(0, 200)
    .map((f) => ({
      enterpriseId: f.enterpriseId,
      name: f.enterpriseName,
      streetName: f.streetName,
      cadres: facts.filter((x) => x.enterpriseId === f.enterpriseId).map((x) => x.userName),
      lastVisit: f.lastVisit,
    }));
  const year = q.year ?? Number(today.slice(0, 4));
  const m = await monthly(db, scope, year);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const solved = await solvedByUnit(db, scope);
  const names = await units.byIds(
    db,
    solved.map((s) => s.unitId),
  );
  return {
    asOf: today,
    days: q.days,
    by: q.by,
    total: {
      assigned: byEnterprise.length,
      unvisited: missing.length,
      rate: coverageRate(byEnterprise, today, q.days),
    },
    rows,
    unvisited: unvisitedList,
    monthly: months.map((month) => ({
      month,
      visits: m.visits.find((v) => v.month === month)?.n ?? 0,
      requests: m.requests.find((v) => v.month === month)?.n ?? 0,
    })),
    solved: solved
      .map((s) => ({
        unitId: s.unitId,
        unitName: names.get(s.unitId)?.name ?? '',
        dispatched: s.dispatched,
        solved: s.solved,
        rate: solvedRate(s.dispatched, s.solved),
      }))
      .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.dispatched - a.dispatched),
  };
}
export type Coverage = Awaited<ReturnType<typeof coverage>>;

const BY_LABEL = { cadre: '包保干部', street: '街道', industry: '行业', scale: '规模' } as const;

export function coverageXlsx(c: Coverage): Promise<Buffer> {
  const title = (t: string) => [t, `截至 ${c.asOf}，${c.days} 天内未走访`];
  return exportWorkbook<[Coverage['rows'][number], Coverage['unvisited'][number], Coverage['solved'][number]]>([
    {
      name: '走访覆盖',
      title: title(`走访覆盖（按${BY_LABEL[c.by]}）`),
      columns: [
        { header: BY_LABEL[c.by], width: 24, value: (r) => r.label },
        { header: '包保企业', value: (r) => r.assigned },
        { header: '未走访企业', value: (r) => r.unvisited },
        { header: '覆盖率', numFmt: PERCENT_FMT, value: (r) => r.rate },
      ],
      rows: c.rows,
    },
    {
      name: '未走访企业',
      title: title('未走访企业'),
      columns: [
        { header: '企业名称', width: 36, value: (r) => r.name },
        { header: '街道', value: (r) => r.streetName },
        { header: '包保干部', width: 24, value: (r) => r.cadres.join('、') },
        { header: '最近走访', value: (r) => r.lastVisit ?? '从未走访' },
      ],
      rows: c.unvisited,
    },
    {
      name: '诉求办结率',
      title: ['诉求办结率（按牵头单位）'],
      columns: [
        { header: '牵头单位', width: 24, value: (r) => r.unitName },
        { header: '分派诉求', value: (r) => r.dispatched },
        { header: '已办结', value: (r) => r.solved },
        { header: '办结率', numFmt: PERCENT_FMT, value: (r) => r.rate },
      ],
      rows: c.solved,
    },
  ]);
}
