import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { COUNTED_REVIEWS, EXCLUDED_APPEAL } from '@leitai/core';
import {
  ledgerItems,
  ratingAppeals,
  ratingPhoneCodes,
  ratingPoints,
  ratingRankings,
  ratings,
} from '../../db/schema/index.js';

export type PointRow = typeof ratingPoints.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
export type AppealRow = typeof ratingAppeals.$inferSelect;

// 评价点 ------------------------------------------------------------------------------------------

export async function pointByCode(db: Db, code: string): Promise<PointRow | undefined> {
  const [row] = await db.select().from(ratingPoints).where(eq(ratingPoints.code, code));
  return row;
}

export async function pointById(db: Db, id: number): Promise<PointRow | undefined> {
  const [row] = await db.select().from(ratingPoints).where(eq(ratingPoints.id, id));
  return row;
}

export async function pointsOf(db: Db, unitIds: number[], onlyActive = false): Promise<PointRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(ratingPoints)
    .where(and(inArray(ratingPoints.unitId, unitIds), onlyActive ? eq(ratingPoints.active, true) : undefined))
    .orderBy(asc(ratingPoints.unitId), asc(ratingPoints.id));
}

export async function insertPoints(tx: Db, rows: (typeof ratingPoints.$inferInsert)[]): Promise<PointRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(ratingPoints).values(rows).returning();
}

export async function updatePoint(
  tx: Db,
  id: number,
  set: Partial<Pick<PointRow, 'name' | 'kind' | 'active'>>,
): Promise<PointRow | undefined> {
  const [row] = await tx.update(ratingPoints).set(set).where(eq(ratingPoints.id, id)).returning();
  return row;
}

export async function pointNamesTaken(db: Db, unitId: number, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .select({ name: ratingPoints.name })
    .from(ratingPoints)
    .where(and(eq(ratingPoints.unitId, unitId), inArray(ratingPoints.name, names)));
  return new Set(rows.map((r) => r.name));
}

// 评价 --------------------------------------------------------------------------------------------

/** Inserts the rating unless the device already rated the point this period or the case was rated: then null. */
export async function insertRating(tx: Db, values: typeof ratings.$inferInsert): Promise<RatingRow | null> {
  const [row] = await tx.insert(ratings).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function caseRated(db: Db, unitId: number, caseNo: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.unitId, unitId), eq(ratings.caseNo, caseNo)));
  return row !== undefined;
}

/** Whether the verified phone (its keyed hash) already rated the point in the period. */
export async function phoneRated(db: Db, phoneHash: string, pointId: number, periodStart: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.phoneHash, phoneHash), eq(ratings.pointId, pointId), eq(ratings.periodStart, periodStart)));
  return row !== undefined;
}

export async function ratingById(db: Db, id: number, lock = false): Promise<RatingRow | undefined> {
  const q = db.select().from(ratings).where(eq(ratings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function ratingByLookup(db: Db, code: string, lock = false): Promise<RatingRow | undefined> {
  const q = db.select().from(ratings).where(eq(ratings.lookupCode, code));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateRating(tx: Db, id: number, set: Partial<typeof ratings.$inferInsert>): Promise<RatingRow> {
  const [row] = await tx.update(ratings).set(set).where(eq(ratings.id, id)).returning();
  return row!;
}

const p = (name: string) => sql.placeholder(name);

/** The terms of the counts: the rating's point, device and range, and the starts of its windows. */
interface CountTerms {
  point: SQL;
  device: SQL;
  range: SQL;
  windowStart: SQL;
  historyStart: SQL;
  hourStart: SQL;
}
// One definition of what the burst rule and the device's limit count, for one rating (burstCounts) and
// for a batch (probeArrivals); core's judgeArrivals adds a batch's earlier ratings by the same filters.
const countsOf = (t: CountTerms) => ({
  deviceInHour: sql<number>`count(*) FILTER (WHERE ${ratings.deviceId} = ${t.device} AND ${ratings.createdAt} >= ${t.hourStart})`,
  pointInWindow: sql<number>`count(*) FILTER (WHERE ${ratings.pointId} = ${t.point} AND ${ratings.createdAt} >= ${t.windowStart})`,
  history: sql<number>`count(*) FILTER (WHERE ${ratings.pointId} = ${t.point} AND ${ratings.createdAt} < ${t.windowStart})`,
  rangeInWindow: sql<number>`count(*) FILTER (WHERE ${ratings.rangeHash} = ${t.range} AND ${ratings.createdAt} >= ${t.windowStart})`,
});
const countsWhere = (t: CountTerms) =>
  and(
    gte(ratings.createdAt, t.historyStart),
    sql`(${ratings.pointId} = ${t.point} OR ${ratings.rangeHash} = ${t.range} OR ${ratings.deviceId} = ${t.device})`,
  );

/** A batch of plain ratings as the statements read it: one jsonb parameter (JSON.stringify is cheap). */
const batchRows = (columns: string) => sql`jsonb_to_recordset(${p('batch')}::jsonb) AS b(${sql.raw(columns)})`;
const PROBE_COLUMNS =
  'i int, code text, device text, range text, period date, window_start timestamptz, history_start timestamptz, hour_start timestamptz';
const WRITE_COLUMNS = [
  'point_id int, unit_id int, stars smallint, tags text[], comment text, device_id text, period_start date',
  'rated_on date, address_hash text, range_hash text, lookup_code text, review text, review_reason text, created_at timestamptz',
].join(', ');
const WRITE_LIST =
  'point_id, unit_id, stars, tags, comment, device_id, period_start, rated_on, address_hash, range_hash, lookup_code, review, review_reason, created_at';

/** The multi-row insert of a batch: the unique indexes still decide, a refused row is not returned. */
function writeQuery(db: Db) {
  const ins = db.$with('ins', { id: sql<number>`id`.as('id'), lookupCode: sql<string>`lookup_code`.as('lookup_code') })
    .as(sql`
    INSERT INTO ratings (${sql.raw(WRITE_LIST)})
    SELECT ${sql.raw(WRITE_LIST)} FROM ${batchRows(WRITE_COLUMNS)}
    ON CONFLICT DO NOTHING RETURNING id, lookup_code`);
  return db.with(ins).select({ id: ins.id, lookupCode: ins.lookupCode }).from(ins);
}

/**
 * A public rating's statements, prepared once per database handle (and by PostgreSQL once per
 * connection): a hall's burst of phones pays neither Drizzle's query building nor the server's planning
 * for each rating. Run on the handle they were made for, never inside a transaction.
 */
function preparePublic(db: Db) {
  const params = {
    point: sql`${p('pointId')}`,
    device: sql`${p('deviceId')}`,
    range: sql`${p('rangeHash')}`,
    windowStart: sql`${p('windowStart')}`,
    historyStart: sql`${p('historyStart')}`,
    hourStart: sql`${p('hourStart')}`,
  };
  const counts = db.select(countsOf(params)).from(ratings).where(countsWhere(params)).prepare('ratings_burst_counts');

  // A batch's points by their codes, the counts before the batch in each rating's own windows, and
  // whether its device already rated the point this period: everything core's judgeArrivals weighs.
  const terms: CountTerms = {
    point: sql`pt.id`,
    device: sql`b.device`,
    range: sql`b.range`,
    windowStart: sql`b.window_start`,
    historyStart: sql`b.history_start`,
    hourStart: sql`b.hour_start`,
  };
  const fields = countsOf(terms);
  const probed = db.$with('probed', {
    i: sql<number>`i`.as('i'),
    pointId: sql<number | null>`point_id`.as('point_id'),
    unitId: sql<number | null>`unit_id`.as('unit_id'),
    active: sql<boolean | null>`active`.as('active'),
    deviceInHour: sql<number>`device_in_hour`.as('device_in_hour'),
    pointInWindow: sql<number>`point_in_window`.as('point_in_window'),
    history: sql<number>`history`.as('history'),
    rangeInWindow: sql<number>`range_in_window`.as('range_in_window'),
    taken: sql<boolean>`taken`.as('taken'),
  }).as(sql`
      SELECT b.i, pt.id AS point_id, pt.unit_id, pt.active,
             c.device_in_hour, c.point_in_window, c.history, c.range_in_window, t.taken IS NOT NULL AS taken
      FROM ${batchRows(PROBE_COLUMNS)}
      -- Each lookup correlated with its row (LATERAL), so each is an index probe, never a scan of the table.
      LEFT JOIN LATERAL (SELECT id, unit_id, active FROM ${ratingPoints} WHERE ${ratingPoints.code} = b.code LIMIT 1) pt ON true
      LEFT JOIN LATERAL (
        SELECT true AS taken FROM ${ratings} WHERE ${ratings.deviceId} = b.device AND ${ratings.pointId} = pt.id
          AND ${ratings.periodStart} = b.period LIMIT 1) t ON true
      LEFT JOIN LATERAL (
        SELECT ${fields.deviceInHour} AS device_in_hour, ${fields.pointInWindow} AS point_in_window,
               ${fields.history} AS history, ${fields.rangeInWindow} AS range_in_window
        FROM ${ratings} WHERE ${countsWhere(terms)}) c ON true`);
  const probe = db
    .with(probed)
    .select({
      i: probed.i,
      pointId: probed.pointId,
      unitId: probed.unitId,
      active: probed.active,
      deviceInHour: probed.deviceInHour,
      pointInWindow: probed.pointInWindow,
      history: probed.history,
      rangeInWindow: probed.rangeInWindow,
      taken: probed.taken,
    })
    .from(probed)
    .prepare('ratings_probe');
  const write = writeQuery(db).prepare('ratings_write');
  return { counts, probe, write };
}
const preparedPublic = new WeakMap<object, ReturnType<typeof preparePublic>>();
function publicStatements(db: Db): ReturnType<typeof preparePublic> {
  let statements = preparedPublic.get(db);
  if (!statements) preparedPublic.set(db, (statements = preparePublic(db)));
  return statements;
}

export interface BurstQuery {
  pointId: number;
  rangeHash: string;
  deviceId: string;
  windowStart: Date;
  historyStart: Date;
  hourStart: Date;
}
export interface BurstCounts {
  pointInWindow: number;
  history: number;
  rangeInWindow: number;
  deviceInHour: number;
}

/**
 * What the burst rule weighs — arrivals at the point in the window, its history, the address range's
 * arrivals — and the device's ratings in the last hour, in one query (a public rating costs few).
 */
export async function burstCounts(db: Db, q: BurstQuery): Promise<BurstCounts> {
  const [row] = await publicStatements(db).counts.execute({ ...q });
  return {
    deviceInHour: Number(row?.deviceInHour ?? 0),
    pointInWindow: Number(row?.pointInWindow ?? 0),
    history: Number(row?.history ?? 0),
    rangeInWindow: Number(row?.rangeInWindow ?? 0),
  };
}

/** One plain rating of a batch, as probeArrivals reads it. */
export interface ProbeRow {
  code: string;
  deviceId: string;
  rangeHash: string;
  periodStart: string;
  windowStart: Date;
  historyStart: Date;
  hourStart: Date;
}
export interface Probed {
  point: Pick<PointRow, 'id' | 'unitId' | 'active'> | null;
  counts: BurstCounts;
  /** The device already rated the point in the period. */
  taken: boolean;
}

/** For each rating of a batch, in order and in one statement: its point, the counts before it, and "once". */
export async function probeArrivals(db: Db, rows: readonly ProbeRow[]): Promise<Probed[]> {
  const batch = JSON.stringify(
    rows.map((r, i) => ({
      i,
      code: r.code,
      device: r.deviceId,
      range: r.rangeHash,
      period: r.periodStart,
      window_start: r.windowStart,
      history_start: r.historyStart,
      hour_start: r.hourStart,
    })),
  );
  const found = await publicStatements(db).probe.execute({ batch });
  const out: Probed[] = new Array<Probed>(rows.length);
  for (const row of found) {
    out[Number(row.i)] = {
      point:
        row.pointId === null ? null : { id: Number(row.pointId), unitId: Number(row.unitId), active: !!row.active },
      counts: {
        deviceInHour: Number(row.deviceInHour),
        pointInWindow: Number(row.pointInWindow),
        history: Number(row.history),
        rangeInWindow: Number(row.rangeInWindow),
      },
      taken: row.taken === true,
    };
  }
  return out;
}

/** A plain rating to write, counted or held for review. */
export interface PlainWrite {
  pointId: number;
  unitId: number;
  stars: number;
  tags: string[];
  comment: string;
  deviceId: string;
  periodStart: string;
  ratedOn: string;
  addressHash: string;
  rangeHash: string;
  lookupCode: string;
  held: string | null;
  createdAt: Date;
}

/**
 * Writes a batch of plain ratings in one statement (atomic by itself); returns the rows written, by
 * lookup code. `inTransaction`: the handle is a transaction (what must commit with them, their events).
 */
export async function writePlainRatings(
  db: Db,
  rows: readonly PlainWrite[],
  inTransaction = false,
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const batch = JSON.stringify(
    rows.map((r) => ({
      point_id: r.pointId,
      unit_id: r.unitId,
      stars: r.stars,
      tags: r.tags,
      comment: r.comment,
      device_id: r.deviceId,
      period_start: r.periodStart,
      rated_on: r.ratedOn,
      address_hash: r.addressHash,
      range_hash: r.rangeHash,
      lookup_code: r.lookupCode,
      review: r.held === null ? 'none' : 'held',
      review_reason: r.held,
      created_at: r.createdAt,
    })),
  );
  // A transaction is another handle: it runs the same statement, built for it (rare: a batch with a burst).
  const written = await (inTransaction ? writeQuery(db).prepare('ratings_write') : publicStatements(db).write).execute({
    batch,
  });
  return new Map(written.map((r) => [r.lookupCode, Number(r.id)]));
}

/** Ratings that count (core's ratingCounts): never held or released, and not removed by an upheld appeal. */
const counted = () => and(inArray(ratings.review, [...COUNTED_REVIEWS]), ne(ratings.appeal, EXCLUDED_APPEAL));

export interface RatingFilter {
  unitIds: number[];
  from?: string | undefined;
  to?: string | undefined;
  bad?: boolean | undefined;
  review?: RatingRow['review'] | undefined;
  appeal?: RatingRow['appeal'] | undefined;
  pointId?: number | undefined;
}

function where(f: RatingFilter): SQL | undefined {
  return and(
    inArray(ratings.unitId, f.unitIds),
    f.from ? gte(ratings.ratedOn, f.from) : undefined,
    f.to ? lte(ratings.ratedOn, f.to) : undefined,
    f.bad ? lte(ratings.stars, 2) : undefined,
    f.review ? eq(ratings.review, f.review) : undefined,
    f.appeal ? eq(ratings.appeal, f.appeal) : undefined,
    f.pointId ? eq(ratings.pointId, f.pointId) : undefined,
  );
}

export async function listRatings(
  db: Db,
  f: RatingFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: (RatingRow & { itemState: string | null })[]; total: number }> {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  const [rows, [total]] = await Promise.all([
    db
      .select({ rating: ratings, itemState: ledgerItems.state })
      .from(ratings)
      .leftJoin(ledgerItems, eq(ledgerItems.id, ratings.ledgerItemId))
      .where(where(f))
      .orderBy(desc(ratings.createdAt), desc(ratings.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(ratings).where(where(f)),
  ]);
  return { rows: rows.map((r) => ({ ...r.rating, itemState: r.itemState })), total: total?.n ?? 0 };
}

/**
 * Per unit and month, the counts the figures are made of, over ratings that count (never held or
 * released, and not removed by an upheld appeal). Stars are counted per level so the jurisdiction's
 * points mapping is applied in core.
 */
export async function monthlyCounts(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<
  {
    unitId: number;
    month: string;
    stars: [number, number, number, number, number];
    badRectified: number;
    realNameBad: number;
    realNameCalledBack: number;
    realNameCalledBackRectified: number;
  }[]
> {
  if (unitIds.length === 0) return [];
  const bad = sql`${ratings.stars} <= 2`;
  const real = sql`${ratings.phoneCipher} IS NOT NULL`;
  const closed = sql`${ledgerItems.state} = 'closed'`;
  const called = sql`${ratings.calledBackAt} IS NOT NULL`;
  const rows = await db
    .select({
      unitId: ratings.unitId,
      month: sql<string>`to_char(${ratings.ratedOn}, 'YYYY-MM')`,
      s1: sql<number>`count(*) FILTER (WHERE ${ratings.stars} = 1)`,
      s2: sql<number>`count(*) FILTER (WHERE ${ratings.stars} = 2)`,
      s3: sql<number>`count(*) FILTER (WHERE ${ratings.stars} = 3)`,
      s4: sql<number>`count(*) FILTER (WHERE ${ratings.stars} = 4)`,
      s5: sql<number>`count(*) FILTER (WHERE ${ratings.stars} = 5)`,
      badRectified: sql<number>`count(*) FILTER (WHERE ${bad} AND ${closed})`,
      realNameBad: sql<number>`count(*) FILTER (WHERE ${bad} AND ${real})`,
      realNameCalledBack: sql<number>`count(*) FILTER (WHERE ${bad} AND ${real} AND ${called})`,
      realNameCalledBackRectified: sql<number>`count(*) FILTER (WHERE ${bad} AND ${real} AND ${called} AND ${closed})`,
    })
    .from(ratings)
    .leftJoin(ledgerItems, eq(ledgerItems.id, ratings.ledgerItemId))
    .where(and(inArray(ratings.unitId, unitIds), gte(ratings.ratedOn, from), lte(ratings.ratedOn, to), counted()))
    .groupBy(ratings.unitId, sql`2`);
  return rows.map((r) => ({
    unitId: r.unitId,
    month: r.month,
    stars: [Number(r.s1), Number(r.s2), Number(r.s3), Number(r.s4), Number(r.s5)],
    badRectified: Number(r.badRectified),
    realNameBad: Number(r.realNameBad),
    realNameCalledBack: Number(r.realNameCalledBack),
    realNameCalledBackRectified: Number(r.realNameCalledBackRectified),
  }));
}

/** 差评 by reason, over ratings that count. */
export async function reasonCounts(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<{ reason: string; n: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ reason: sql<string>`coalesce(${ratings.reason}, '未说明')`, n: count() })
    .from(ratings)
    .where(
      and(
        inArray(ratings.unitId, unitIds),
        gte(ratings.ratedOn, from),
        lte(ratings.ratedOn, to),
        lte(ratings.stars, 2),
        counted(),
      ),
    )
    .groupBy(sql`1`)
    .orderBy(desc(count()));
  return rows;
}

/** PIPL: address hashes are kept only as long as abuse detection needs them. */
export async function eraseAddressesBefore(tx: Db, before: Date): Promise<number> {
  const rows = await tx
    .update(ratings)
    .set({ addressHash: null, rangeHash: null })
    .where(and(lt(ratings.createdAt, before), isNotNull(ratings.addressHash)))
    .returning({ id: ratings.id });
  return rows.length;
}

// 申诉 --------------------------------------------------------------------------------------------

export async function insertAppeal(tx: Db, values: typeof ratingAppeals.$inferInsert): Promise<AppealRow> {
  const [row] = await tx.insert(ratingAppeals).values(values).returning();
  return row!;
}

export async function appealOf(db: Db, ratingId: number, lock = false): Promise<AppealRow | undefined> {
  const q = db.select().from(ratingAppeals).where(eq(ratingAppeals.ratingId, ratingId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function appealsOf(db: Db, ratingIds: number[]): Promise<Map<number, AppealRow>> {
  if (ratingIds.length === 0) return new Map();
  const rows = await db.select().from(ratingAppeals).where(inArray(ratingAppeals.ratingId, ratingIds));
  return new Map(rows.map((r) => [r.ratingId, r]));
}

export async function updateAppeal(tx: Db, id: number, set: Partial<AppealRow>): Promise<AppealRow> {
  const [row] = await tx.update(ratingAppeals).set(set).where(eq(ratingAppeals.id, id)).returning();
  return row!;
}

/** Bad ratings in [from, to] by the facts their state is made of; core names the state. */
export async function badStateFacts(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<
  {
    review: RatingRow['review'];
    appeal: RatingRow['appeal'];
    followUp: RatingRow['followUp'];
    itemState: string | null;
    n: number;
  }[]
> {
  if (unitIds.length === 0) return [];
  return db
    .select({
      review: ratings.review,
      appeal: ratings.appeal,
      followUp: ratings.followUp,
      itemState: ledgerItems.state,
      n: count(),
    })
    .from(ratings)
    .leftJoin(ledgerItems, eq(ledgerItems.id, ratings.ledgerItemId))
    .where(
      and(
        inArray(ratings.unitId, unitIds),
        gte(ratings.ratedOn, from),
        lte(ratings.ratedOn, to),
        lte(ratings.stars, 2),
      ),
    )
    .groupBy(ratings.review, ratings.appeal, ratings.followUp, ledgerItems.state);
}

/** Appeals on ratings given in [from, to] in the units, oldest first, with the rating's unit, point and level. */
export async function appealsInRange(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<
  {
    ratingId: number;
    unitId: number;
    pointName: string;
    stars: number;
    reason: string | null;
    ratedOn: string;
    appeal: AppealRow;
  }[]
> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      ratingId: ratings.id,
      unitId: ratings.unitId,
      pointName: ratingPoints.name,
      stars: ratings.stars,
      reason: ratings.reason,
      ratedOn: ratings.ratedOn,
      appeal: ratingAppeals,
    })
    .from(ratingAppeals)
    .innerJoin(ratings, eq(ratings.id, ratingAppeals.ratingId))
    .innerJoin(ratingPoints, eq(ratingPoints.id, ratings.pointId))
    .where(and(inArray(ratings.unitId, unitIds), gte(ratings.ratedOn, from), lte(ratings.ratedOn, to)))
    .orderBy(asc(ratingAppeals.createdAt), asc(ratingAppeals.id));
  return rows;
}

// 公开排名 ----------------------------------------------------------------------------------------

export type RankingRow = typeof ratingRankings.$inferSelect;

/**
 * The office's next version number, with the office's publications locked until the transaction ends
 * (two organisers publishing at once get versions n and n + 1, never the same one).
 */
export async function nextRankingVersion(tx: Db, officeUnitId: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(13013, ${officeUnitId})`);
  const [row] = await tx
    .select({ v: sql<number | null>`max(${ratingRankings.version})` })
    .from(ratingRankings)
    .where(eq(ratingRankings.officeUnitId, officeUnitId));
  return Number(row?.v ?? 0) + 1;
}

/** Published rankings are only ever inserted; nothing here updates or deletes one. */
export async function insertRanking(tx: Db, values: typeof ratingRankings.$inferInsert): Promise<RankingRow> {
  const [row] = await tx.insert(ratingRankings).values(values).returning();
  return row!;
}

export async function rankingById(db: Db, id: number): Promise<RankingRow | undefined> {
  const [row] = await db.select().from(ratingRankings).where(eq(ratingRankings.id, id));
  return row;
}

/** The offices' publications, newest first; only of the given offices when named. */
export async function rankingsOf(db: Db, officeUnitIds?: number[]): Promise<RankingRow[]> {
  if (officeUnitIds?.length === 0) return [];
  return db
    .select()
    .from(ratingRankings)
    .where(officeUnitIds ? inArray(ratingRankings.officeUnitId, officeUnitIds) : undefined)
    .orderBy(desc(ratingRankings.publishedAt), desc(ratingRankings.id));
}

// 短信验证码 --------------------------------------------------------------------------------------

export type PhoneCodeRow = typeof ratingPhoneCodes.$inferSelect;

/** Codes sent to the number since `since`, and the newest's time; the number's codes locked until the transaction ends. */
export async function codesSent(
  tx: Db,
  phoneHash: string,
  since: Date,
): Promise<{ inLastHour: number; lastAt: Date | null }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(13014, hashtext(${phoneHash}))`);
  const [row] = await tx
    .select({
      n: sql<number>`count(*) FILTER (WHERE ${ratingPhoneCodes.createdAt} >= ${since})`,
      last: sql<string | null>`max(${ratingPhoneCodes.createdAt})`,
    })
    .from(ratingPhoneCodes)
    .where(eq(ratingPhoneCodes.phoneHash, phoneHash));
  return { inLastHour: Number(row?.n ?? 0), lastAt: row?.last ? new Date(row.last) : null };
}

export async function insertPhoneCode(tx: Db, values: typeof ratingPhoneCodes.$inferInsert): Promise<void> {
  await tx.insert(ratingPhoneCodes).values(values);
}

/** The newest code sent to the number. */
export async function latestPhoneCode(db: Db, phoneHash: string): Promise<PhoneCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(ratingPhoneCodes)
    .where(eq(ratingPhoneCodes.phoneHash, phoneHash))
    .orderBy(desc(ratingPhoneCodes.createdAt), desc(ratingPhoneCodes.id))
    .limit(1);
  return row;
}

export async function countCodeAttempt(db: Db, id: number): Promise<void> {
  await db
    .update(ratingPhoneCodes)
    .set({ attempts: sql`${ratingPhoneCodes.attempts} + 1` })
    .where(eq(ratingPhoneCodes.id, id));
}

/** Spends the code, once: false when another request spent it first. */
export async function spendPhoneCode(tx: Db, id: number, at: Date): Promise<boolean> {
  const rows = await tx
    .update(ratingPhoneCodes)
    .set({ usedAt: at })
    .where(and(eq(ratingPhoneCodes.id, id), sql`${ratingPhoneCodes.usedAt} IS NULL`))
    .returning({ id: ratingPhoneCodes.id });
  return rows.length === 1;
}

/** PIPL: codes are of no use once expired; the retention job erases them after a day. */
export async function erasePhoneCodesBefore(tx: Db, before: Date): Promise<number> {
  const rows = await tx
    .delete(ratingPhoneCodes)
    .where(lt(ratingPhoneCodes.createdAt, before))
    .returning({ id: ratingPhoneCodes.id });
  return rows.length;
}
