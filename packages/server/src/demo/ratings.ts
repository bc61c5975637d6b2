import { createHash } from 'node:crypto';
import {
  dayNumber,
  DEFAULT_BAD_REASONS,
  fromDayNumber,
  RATING_LEVELS,
  type LedgerState,
  type RatingPointKind,
} from '@leitai/core';
import { sql } from 'drizzle-orm';
import { ledgerEvents, ledgerItems, ratingAppeals, ratingPoints, ratings } from '../db/schema/index.js';
import { localDate } from '../jobs/clock.js';
import { insertEvent, insertItem } from '../modules/ledger/index.js';
import { encryptPhone, publishRanking, ratingKeys } from '../modules/ratings/index.js';
import { demoActor, demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';
import { queryRows } from '../db/client.js';

/**
 * A lived-in year of 好差评 (DESIGN §3.4): rating points at the service departments and every street's
 * 便民服务中心, about 20,000 ratings over twelve months on working days, each point with its own
 * quality, so the table has a spread. Every bad rating has its rectification item on the ledger: old
 * ones closed (mostly confirmed by the rater), recent ones in every state (open, called back,
 * answered, 追评 satisfied, reopened, appealed), and one burst this morning waits for review.
 */
type PointSpec = [unit: string, name: string, kind: RatingPointKind, perDay: number, badShare: number];

const POINTS: PointSpec[] = [
  ['xzspj', '政务服务大厅1号综合窗口', 'window', 9, 0.008],
  ['xzspj', '政务服务大厅2号综合窗口', 'window', 8, 0.01],
  ['xzspj', '政务服务大厅3号综合窗口', 'window', 8, 0.012],
  ['xzspj', '企业开办专区', 'matter', 6, 0.006],
  ['xzspj', '不动产登记窗口', 'window', 7, 0.025],
  ['rsj', '社保经办窗口', 'window', 6, 0.02],
  ['wjj', '医保服务窗口', 'window', 4, 0.018],
  ['scjgj', '登记注册窗口', 'window', 4, 0.01],
  ['mzj', '婚姻登记处', 'unit', 3, 0.004],
  ['cgj', '综合执法一中队', 'team', 2, 0.05],
  ['cgj', '综合执法二中队', 'team', 2, 0.04],
  ['zjj', '物业服务投诉受理', 'matter', 2, 0.06],
  ['gxj', '企业服务窗口', 'window', 1, 0.01],
  ['chengyang-jd', '城阳街道便民服务中心', 'unit', 4, 0.015],
  ['liuting', '流亭街道便民服务中心', 'unit', 4, 0.02],
  ['liuting', '流亭街道社保窗口', 'window', 2, 0.015],
  ['xiazhuang', '夏庄街道便民服务中心', 'unit', 3, 0.012],
  ['xifu', '惜福镇街道便民服务中心', 'unit', 3, 0.02],
  ['jihongtan', '棘洪滩街道便民服务中心', 'unit', 3, 0.018],
  ['shangma', '上马街道便民服务中心', 'unit', 2, 0.02],
  ['hetao', '河套街道便民服务中心', 'unit', 2, 0.022],
  ['hongdao', '红岛街道便民服务中心', 'unit', 2, 0.016],
];

const TAGS = ['服务态度', '办事效率', '办事环境', '廉洁规范'];
// The jurisdiction's default reasons, less 不廉洁不规范 and 其他.
const BAD_REASONS = DEFAULT_BAD_REASONS.slice(0, 7);
const COMMENTS_GOOD = ['一次办好，点赞', '工作人员很耐心', '材料一次性告知，很方便', '', '', '', '速度快'];
const COMMENTS_BAD = [
  '排队两个多小时',
  '窗口人员态度生硬',
  '材料来回补了三次',
  '网上说能办到现场又说不行',
  '叫号系统故障',
];
const ANSWERS = [
  '已约谈窗口负责人并开展服务规范培训，增设引导岗，高峰时段增开窗口。',
  '已制定一次性告知清单并在窗口及网上公开，工作人员已电话向群众致歉。',
  '已对系统故障进行排查修复，并建立故障应急预案，群众事项已当场补办。',
  '已调整材料清单，取消两项重复材料，相关人员已批评教育。',
];
const LOOKUP = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A seeded generator, so the demo is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isWeekday = (day: number) => ![3, 4].includes(((day % 7) + 7) % 7); // 1970-01-01 was a Thursday

export const ratingsSeeder: DemoSeeder = {
  name: 'ratings',
  seed: async (tx, ctx) => {
    const rnd = prng(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const unitIds = await demoUnitIds(tx);
    const people = await demoUserIds(tx, ['organiser', 'head.liuting']);
    const org = people.get('organiser') ?? null;
    const liutingHead = people.get('head.liuting') ?? null;
    const keys = ctx.secret ? ratingKeys(ctx.secret) : null;
    const today = localDate(ctx.today);
    const t0 = dayNumber(today);
    const points = await tx
      .insert(ratingPoints)
      .values(
        POINTS.map(([unit, name, kind], i) => ({
          unitId: unitIds.get(unit)!,
          officeUnitId: unitIds.get('chengyang')!,
          name,
          kind,
          code: createHash('sha256').update(`demo-point-${i}`).digest('base64url').slice(0, 24),
        })),
      )
      .returning();

    const rows: (typeof ratings.$inferInsert)[] = [];
    let n = 0;
    const lookup = () => Array.from({ length: 10 }, () => pick([...LOOKUP])).join('');
    for (let d = t0 - 364; d <= t0; d++) {
      if (!isWeekday(d)) continue;
      const ratedOn = fromDayNumber(d);
      points.forEach((p, i) => {
        const [, , , perDay, badShare] = POINTS[i]!;
        const k = Math.round(perDay * (0.6 + rnd() * 0.8));
        for (let j = 0; j < k; j++) {
          const r = rnd();
          const stars =
            r < badShare * 0.4 ? 1 : r < badShare ? 2 : r < badShare + 0.04 ? 3 : r < badShare + 0.22 ? 4 : 5;
          const bad = stars <= 2;
          const at = new Date(
            `${ratedOn}T${String(9 + Math.floor(rnd() * 8)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00+08:00`,
          );
          const recent = t0 - d < 90;
          rows.push({
            pointId: p.id,
            unitId: p.unitId,
            stars,
            tags: rnd() < 0.4 ? [pick(TAGS)] : [],
            comment: bad ? pick(COMMENTS_BAD) : pick(COMMENTS_GOOD),
            reason: bad ? pick(BAD_REASONS) : null,
            deviceId: `demo-${++n}`,
            periodStart: ratedOn,
            ratedOn,
            phoneCipher:
              bad && keys && rnd() < 0.5 ? encryptPhone(keys, `139${String(10_000_000 + n).slice(-8)}`) : null,
            // PIPL retention: only the last 90 days keep their keyed address hashes.
            addressHash: recent ? `demo-a-${n % 4000}` : null,
            rangeHash: recent ? `demo-r-${n % 300}` : null,
            lookupCode: lookup(),
            createdAt: at,
          });
        }
      });
    }
    // This morning: a run of five-star ratings at one window from one address range, waiting for review.
    const burst = points[2]!;
    for (let j = 0; j < 25; j++)
      rows.push({
        pointId: burst.id,
        unitId: burst.unitId,
        stars: 5,
        tags: [],
        comment: j % 3 === 0 ? '好' : '',
        deviceId: `demo-burst-${j}`,
        periodStart: today,
        ratedOn: today,
        addressHash: `demo-burst-a-${j % 4}`,
        rangeHash: 'demo-burst-range',
        lookupCode: lookup(),
        review: 'held',
        reviewReason: '10 分钟内同一网段提交了 25 条评价',
        createdAt: new Date(`${today}T08:${String(30 + Math.floor(j / 5)).padStart(2, '0')}:00+08:00`),
      });
    // One statement per 5,000 rows from a JSON document: many-parameter inserts are slow on PGlite.
    const inserted: Inserted[] = [];
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000).map((r) => ({ ...r, createdAt: (r.createdAt as Date).toISOString() }));
      const result = await queryRows<Inserted>(
        tx,
        sql`
        INSERT INTO ratings (point_id, unit_id, stars, tags, comment, reason, device_id, period_start, rated_on,
          phone_cipher, address_hash, range_hash, lookup_code, review, review_reason, created_at)
        SELECT "pointId", "unitId", stars, coalesce(tags, '{}'), coalesce(comment, ''), reason, "deviceId",
          "periodStart"::date, "ratedOn"::date, "phoneCipher", "addressHash", "rangeHash", "lookupCode",
          coalesce(review, 'none'), "reviewReason", "createdAt"::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x("pointId" int, "unitId" int, stars smallint,
          tags text[], comment text, reason text, "deviceId" text, "periodStart" text, "ratedOn" text,
          "phoneCipher" text, "addressHash" text, "rangeHash" text, "lookupCode" text, review text,
          "reviewReason" text, "createdAt" text)
        RETURNING id, stars, rated_on AS "ratedOn", point_id AS "pointId", unit_id AS "unitId", reason, comment,
          phone_cipher AS "phoneCipher"`,
      );
      inserted.push(...result);
    }

    // Every bad rating's rectification item; the state follows its age.
    const names = new Map(points.map((p) => [p.id, p.name]));
    const bad = inserted.filter((r) => r.stars <= 2);
    let recentIndex = 0;
    // The appeal is on 流亭街道's latest bad rating (its head has an account to appeal with); elsewhere that turn is 'answered'.
    const appealed = [...bad].reverse().find((r) => r.unitId === unitIds.get('liuting'));
    const events: Parameters<typeof insertEvent>[1][] = [];
    const updates: Record<string, unknown>[] = [];
    for (const r of bad) {
      const age = t0 - dayNumber(r.ratedOn);
      const deadline = fromDayNumber(dayNumber(r.ratedOn) + 7);
      // The last three weeks' bad ratings take the states in turn; older ones are settled.
      let plan: RecentPlan =
        age <= 21 ? RECENT[recentIndex++ % RECENT.length]! : age % 13 === 0 ? 'reopened_then_closed' : 'closed';
      if (r === appealed && liutingHead) plan = 'appealed';
      else if (plan === 'appealed') plan = 'answered';
      const state: LedgerState =
        plan === 'open' || plan === 'called'
          ? 'in_progress'
          : plan === 'answered' || plan === 'appealed'
            ? 'close_requested'
            : plan === 'reopened'
              ? 'in_progress'
              : 'closed';
      const closedOn = state === 'closed' ? fromDayNumber(dayNumber(r.ratedOn) + 3 + (age % 5)) : null;
      const item = await insertItem(tx, {
        officeUnitId: unitIds.get('chengyang')!,
        title: `群众差评整改：${names.get(r.pointId)}（${r.reason}）`,
        content: `评价：${RATING_LEVELS.find((l) => l.stars === r.stars)?.label}；原因：${r.reason}\n意见：${r.comment}`,
        source: '群众差评',
        leadUnitId: r.unitId,
        deadline,
        originalDeadline: deadline,
        priority: 'important',
        tags: ['好差评'],
        state,
        closedOn,
        closedBy: closedOn ? org : null,
        createdBy: null,
        createdAt: new Date(`${r.ratedOn}T17:00:00+08:00`),
      });
      events.push({
        itemId: item.id,
        kind: 'assign',
        actorId: null,
        actorName: '群众（扫码评价）',
        unitId: null,
        text: '',
        at: new Date(`${r.ratedOn}T17:00:00+08:00`),
      });
      if (state !== 'in_progress' || plan === 'reopened')
        events.push({
          itemId: item.id,
          kind: 'request_close',
          actorId: null,
          actorName: '单位经办人',
          unitId: r.unitId,
          text: ANSWERS[r.id % ANSWERS.length]!,
          at: new Date(`${fromDayNumber(dayNumber(r.ratedOn) + 2)}T10:00:00+08:00`),
        });
      const followUp =
        plan === 'satisfied' || (plan === 'closed' && age % 4 !== 0)
          ? 'satisfied'
          : plan === 'reopened' || plan === 'reopened_then_closed'
            ? 'unsatisfied'
            : 'none';
      const called = r.phoneCipher !== null && plan !== 'open';
      updates.push({
        id: r.id,
        item: item.id,
        followUp,
        followUpAt: followUp === 'none' ? null : `${fromDayNumber(dayNumber(r.ratedOn) + 3)}T20:00:00+08:00`,
        followUpComment: followUp === 'unsatisfied' ? '问题没有根本解决' : null,
        callbackDue: r.phoneCipher ? fromDayNumber(dayNumber(r.ratedOn) + 1) : null,
        calledBackAt: called ? `${fromDayNumber(dayNumber(r.ratedOn) + 1)}T15:00:00+08:00` : null,
        caller: called ? '窗口负责人' : null,
        outcome: called ? '已电话致歉并说明整改措施，群众表示理解' : null,
        appeal: plan === 'appealed' ? 'pending' : 'none',
      });
      if (plan === 'appealed' && liutingHead)
        await tx.insert(ratingAppeals).values({
          ratingId: r.id,
          reason: '经调取窗口监控，该时段评价人并未在本窗口办理业务，疑似误评',
          createdBy: liutingHead,
        });
    }
    for (let i = 0; i < events.length; i += 500) await tx.insert(ledgerEvents).values(events.slice(i, i + 500));
    await tx.execute(sql`
      UPDATE ratings r SET ledger_item_id = u.item, follow_up = u."followUp", follow_up_at = u."followUpAt"::timestamptz,
        follow_up_comment = u."followUpComment", callback_due = u."callbackDue"::date,
        called_back_at = u."calledBackAt"::timestamptz, callback_caller = u.caller, callback_outcome = u.outcome,
        appeal = u.appeal
      FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u(id int, item int, "followUp" text,
        "followUpAt" text, "followUpComment" text, "callbackDue" text, "calledBackAt" text, caller text,
        outcome text, appeal text)
      WHERE r.id = u.id`);
    const total = await tx.select({ n: sql<number>`count(*)` }).from(ratings);
    const items = await tx
      .select({ n: sql<number>`count(*)` })
      .from(ledgerItems)
      .where(sql`${ledgerItems.source} = '群众差评'`);
    ctx.log(`demo: ${total[0]?.n} ratings at ${points.length} points, ${items[0]?.n} rectification items`);

    // The office published last month's ranking for 媒体问效, so /p/ranking has one to show.
    const monthStart = `${today.slice(0, 7)}-01`;
    const to = fromDayNumber(dayNumber(monthStart) - 1);
    const from = `${to.slice(0, 7)}-01`;
    const { actor, who } = await demoActor(tx, 'organiser');
    const published = await publishRanking(
      tx,
      actor,
      who,
      { kind: 'all' },
      {
        from,
        to,
        title: `${Number(to.slice(0, 4))}年${Number(to.slice(5, 7))}月政务服务群众满意度排名`,
      },
    );
    ctx.log(`demo: published the ranking of ${from} to ${to} (${published.rows.length} units)`);
  },
};

interface Inserted {
  id: number;
  stars: number;
  ratedOn: string;
  pointId: number;
  unitId: number;
  reason: string | null;
  comment: string;
  phoneCipher: string | null;
}

type RecentPlan =
  'open' | 'called' | 'answered' | 'satisfied' | 'reopened' | 'appealed' | 'closed' | 'reopened_then_closed';
const RECENT: RecentPlan[] = ['open', 'called', 'answered', 'satisfied', 'reopened', 'appealed', 'open', 'answered'];
