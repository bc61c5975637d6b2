import {
  emptyRatingCounts,
  ratingFigures,
  satisfactionScores,
  type RatingCounts,
  type RatingStanding,
  type RatingSettings,
  type RatingTally,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import * as units from '../units/index.js';
import { monthlyCounts } from './repository.js';
import { ratingSettings } from './settings.js';

type Monthly = Awaited<ReturnType<typeof monthlyCounts>>[number];

function countsOf(rows: Monthly[], s: RatingSettings): RatingCounts {
  const c = emptyRatingCounts();
  for (const r of rows) {
    r.stars.forEach((n, i) => {
      c.total += n;
      c.points += n * s.levelPoints[i]!;
    });
    c.bad += r.stars[0] + r.stars[1];
    c.good += r.stars[3] + r.stars[4];
    c.badRectified += r.badRectified;
    c.realNameBad += r.realNameBad;
    c.realNameCalledBack += r.realNameCalledBack;
    c.realNameCalledBackRectified += r.realNameCalledBackRectified;
  }
  return c;
}

export type UnitStanding = RatingStanding;

/**
 * Every rated unit's figures for [from, to], ranked by satisfaction over all of them; the caller's
 * scope then only filters rows (a leader sees district ranks).
 */
export async function standings(db: Db, from: string, to: string): Promise<UnitStanding[]> {
  const settings = await ratingSettings(db);
  const all = await units.all(db);
  const rows = await monthlyCounts(
    db,
    all.map((u) => u.id),
    from,
    to,
  );
  const byUnit = new Map<number, Monthly[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const tallies: RatingTally[] = [...byUnit].map(([unitId, rs]) => ({
    unitId: String(unitId),
    counts: [0, 1, 2, 3, 4].map((k) => rs.reduce((s, r) => s + r.stars[k]!, 0)) as unknown as RatingTally['counts'],
  }));
  const sat = new Map(satisfactionScores(tallies, settings.confidence).units.map((u) => [Number(u.unitId), u]));
  const names = new Map(all.map((u) => [u.id, u] as const));
  const list = [...byUnit].map(([unitId, rs]) => {
    const counts = countsOf(rs, settings);
    const r = sat.get(unitId);
    const u = names.get(unitId);
    return {
      unit: { id: unitId, name: u?.name ?? '', category: u?.categoryName ?? null },
      counts,
      figures: ratingFigures(counts),
      // Core's figures: six places, two places rounded once from the exact fraction, and the rank on it.
      satisfaction: { value: r?.satisfaction ?? null, shown: r?.satisfactionShown ?? '—' },
      rank: r?.rank ?? null,
    };
  });
  // Equal on paper, equal rank (competition ranking on the exact satisfaction); units without one last.
  list.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.id - b.unit.id);
  return list;
}

/** Month by month, for the trend chart: ratings, 好评率 and 差评率 over the given units. */
export async function trend(db: Db, unitIds: number[], from: string, to: string) {
  const settings = await ratingSettings(db);
  const rows = await monthlyCounts(db, unitIds, from, to);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  return months.map((month) => {
    const counts = countsOf(
      rows.filter((r) => r.month === month),
      settings,
    );
    const f = ratingFigures(counts);
    return { month, total: counts.total, bad: counts.bad, goodRate: f.goodRate, badRate: f.badRate };
  });
}

/** For the composite evaluation: each unit's satisfaction in [from, to] (exact decimal, 0–100), through the face. */
export async function satisfactionFor(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<Map<number, string | null>> {
  const wanted = new Set(unitIds);
  return new Map(
    (await standings(db, from, to)).filter((s) => wanted.has(s.unit.id)).map((s) => [s.unit.id, s.satisfaction.value]),
  );
}
