import type { Actor, IsoDate, PublishedRanking, PublishedRankingRow, Rate, UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import { NO_CATEGORY, withinCategories } from './bulletin.js';
import { scopeUnits } from './reads.js';
import { insertRanking, nextRankingVersion, rankingById, rankingsOf, type RankingRow } from './repository.js';
import { standings } from './stats.js';

const shown = (r: Rate) => (r.value === null ? '—' : `${r.shown}%`);

async function toView(db: Db, r: RankingRow): Promise<PublishedRanking<Date>> {
  return {
    id: r.id,
    office: (await units.nameOf(db, r.officeUnitId)) ?? '',
    version: r.version,
    title: r.title,
    from: r.fromDate,
    to: r.toDate,
    publishedAt: r.publishedAt,
    rows: r.rows,
  };
}

/**
 * 公开排名 (媒体问效): the office freezes the ranking of its units for [from, to] as shown — by category,
 * rank within it on the exact satisfaction, with 好评率 and 差评整改率 — as the next version of its
 * publications. What is published is never edited; republishing makes a new version. Audited.
 */
export async function publishRanking(
  db: Db,
  actor: Actor,
  who: AuditActor,
  scope: UnitFilter,
  input: { from: IsoDate; to: IsoDate; title?: string | undefined },
): Promise<PublishedRanking<Date>> {
  const [all, mine, order] = await Promise.all([
    standings(db, input.from, input.to),
    scopeUnits(db, scope),
    units.categories(db),
  ]);
  const wanted = new Set(mine);
  const { ranked } = withinCategories(
    all.filter((s) => wanted.has(s.unit.id)),
    order,
  );
  const rows: PublishedRankingRow[] = ranked.map((s) => ({
    category: s.unit.category ?? NO_CATEGORY,
    categoryRank: s.categoryRank,
    rank: s.rank,
    unit: s.unit.name,
    ratings: s.counts.total,
    satisfaction: s.satisfaction.value === null ? '—' : s.satisfaction.shown,
    goodRate: shown(s.figures.goodRate),
    bad: s.counts.bad,
    rectifiedRate: shown(s.figures.rectifiedRate),
  }));
  const title = input.title?.trim() || `群众满意度排名（${input.from}至${input.to}）`;
  return db.transaction(async (tx) => {
    const version = await nextRankingVersion(tx, actor.unitId);
    const row = await insertRanking(tx, {
      officeUnitId: actor.unitId,
      version,
      title,
      fromDate: input.from,
      toDate: input.to,
      rows,
      publishedBy: actor.userId,
    });
    await recordAudit(tx, who, {
      action: 'rating.ranking.publish',
      targetType: 'rating_ranking',
      targetId: row.id,
      unitId: actor.unitId,
      before: null,
      after: { version, title, from: input.from, to: input.to, units: rows.length },
    });
    return toView(tx, row);
  });
}

/** The viewer's office's publications, newest first (the office page's list). */
export async function rankingList(db: Db, actor: Actor): Promise<PublishedRanking<Date>[]> {
  return Promise.all((await rankingsOf(db, [actor.unitId])).map((r) => toView(db, r)));
}

/** The public page: one version by its number, or the newest publication (of any office) when none is named. */
export async function publicRanking(
  db: Db,
  id?: number,
): Promise<PublishedRanking<Date> & { versions: { id: number; version: number; publishedAt: Date }[] }> {
  const row = id === undefined ? (await rankingsOf(db))[0] : await rankingById(db, id);
  if (!row) throw notFound('公开排名');
  const versions = (await rankingsOf(db, [row.officeUnitId])).map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt,
  }));
  return { ...(await toView(db, row)), versions };
}
