import { randomBytes } from 'node:crypto';
import {
  burstReason,
  isBadRating,
  type ArrivalLimits,
  RATING_LEVELS,
  ratingPeriodStart,
  type IsoDate,
  type RatingSettings,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { ratings } from '../../db/schema/index.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { emit, noteEmitted } from '../../events/emit.js';
import { localDate } from '../../jobs/clock.js';
import type { AuditActor } from '../audit/index.js';
import { loadCalendar } from '../calendar/index.js';
import { openRectification } from '../ledger/index.js';
import * as units from '../units/index.js';
import { addressHashes, encryptPhone, phoneKey, type RatingKeys } from './keys.js';
import { checkPhoneCode } from './phone-codes.js';
import {
  burstCounts,
  caseRated,
  insertRating,
  phoneRated,
  spendPhoneCode,
  updateRating,
  type PointRow,
  type RatingRow,
} from './repository.js';
import { plainBatcher } from './plain-batch.js';
import { pointOfCode } from './point-cache.js';
import { ratingSettings } from './settings.js';

export interface Submission {
  stars: number;
  tags: string[];
  comment: string;
  reason?: string | undefined;
  phone?: string | undefined;
  caseNo?: string | undefined;
  /** The SMS code sent to `phone`, where the office requires a verified phone. */
  phoneCode?: string | undefined;
}

/** The citizen, as the audit log and the ledger history name them: nobody in particular. */
export const RATER: AuditActor = { id: null, name: '群众（扫码评价）', address: null };

/** A device gives at most this many ratings an hour, across all points (a hall has many windows). */
const PER_DEVICE_PER_HOUR = 30;
const HISTORY_DAYS = 14;
// Crockford's base 32 without the look-alikes: what a person can read off a phone and type again.
const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
// From one draw of random bytes (not ten randomInt calls: 1 % of a rating's CPU), each byte kept only below
// the largest multiple of 30 (240), so that every character stays equally likely.
const FAIR = 256 - (256 % LOOKUP_ALPHABET.length);
export function newLookupCode(): string {
  let code = '';
  while (code.length < 10) {
    for (const b of randomBytes(16)) {
      if (b < FAIR && code.length < 10) code += LOOKUP_ALPHABET[b % LOOKUP_ALPHABET.length];
    }
  }
  return code;
}

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

function checkContent(s: Submission, settings: RatingSettings): void {
  const unknownTags = s.tags.filter((t) => !settings.tags.includes(t));
  if (unknownTags.length > 0) throw bad(`评价维度“${unknownTags.join('、')}”不在可选范围内`);
  if (isBadRating(s.stars)) {
    if (!s.reason) throw bad('请选择不满意的原因');
    if (!settings.badReasons.includes(s.reason)) throw bad(`原因“${s.reason}”不在可选范围内`);
  } else {
    if (s.reason) throw bad('只有“不满意”和“非常不满意”需要选择原因');
    if (s.phone) throw bad('只有差评需要留下电话以便回访');
  }
}

export interface Accepted {
  lookupCode: string;
  /** Waiting for the office's review before it counts (an unusual burst). */
  held: boolean;
}

/**
 * A citizen's rating from a point's QR page. Refused whole with a message the rater understands; the
 * database's unique indexes make "once per device, point and period" and "once per case" true even
 * when a thousand copies arrive at the same instant. A bad rating opens its rectification item on the
 * ledger in the same transaction; a rating that arrives in a burst waits for review, counted by nobody.
 */
export async function submitRating(
  db: Db,
  keys: RatingKeys,
  at: { code: string; deviceId: string; ip: string; now?: Date },
  s: Submission,
): Promise<Accepted> {
  const now = at.now ?? new Date();
  if (!s.caseNo && !isBadRating(s.stars)) {
    const plain = await submitPlain(db, keys, at, s, now);
    if (plain) return plain;
  }
  const point = await pointOfCode(db, at.code);
  if (!point || !point.active) throw notFound('评价点');
  const settings = await ratingSettings(db);
  checkContent(s, settings);
  if (s.caseNo && (await caseRated(db, point.unitId, s.caseNo))) throw caseTaken(s.caseNo);
  // A real-name bad rating's phone, verified where the office requires it: the code is spent with the rating.
  const codeId =
    settings.requireVerifiedPhone && isBadRating(s.stars) && s.phone
      ? await checkPhoneCode(db, keys, s.phone, s.phoneCode, now)
      : null;

  const today = localDate(now);
  const hashes = addressHashes(keys, at.ip);
  const windowMs = settings.burst.windowMinutes * 60_000;
  const counts = await burstCounts(db, {
    pointId: point.id,
    rangeHash: hashes.range,
    deviceId: at.deviceId,
    windowStart: new Date(now.getTime() - windowMs),
    historyStart: new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
    hourStart: new Date(now.getTime() - 3_600_000),
  });
  if (counts.deviceInHour >= PER_DEVICE_PER_HOUR) throw new AppError('RATE_LIMITED', '评价过于频繁，请稍后再试');
  // The one arriving now is in the window too.
  const held = burstReason(
    {
      pointInWindow: counts.pointInWindow + 1,
      history: { count: counts.history, windows: Math.floor((HISTORY_DAYS * 86_400_000) / windowMs) - 1 },
      rangeInWindow: counts.rangeInWindow + 1,
    },
    settings.burst,
  );

  const values: typeof ratings.$inferInsert = {
    pointId: point.id,
    unitId: point.unitId,
    stars: s.stars,
    tags: s.tags,
    comment: s.comment.trim(),
    reason: s.reason ?? null,
    caseNo: s.caseNo ?? null,
    deviceId: at.deviceId,
    periodStart: ratingPeriodStart(today, settings.periodDays),
    ratedOn: today,
    phoneCipher: s.phone ? encryptPhone(keys, s.phone) : null,
    // A verified phone rates a point once a period, whichever device it is used on.
    phoneHash: codeId !== null && s.phone ? phoneKey(keys, s.phone) : null,
    addressHash: hashes.address,
    rangeHash: hashes.range,
    lookupCode: newLookupCode(),
    review: held ? 'held' : 'none',
    reviewReason: held,
    createdAt: now,
  };
  const refused = async (tx: Db) => {
    if (s.caseNo && (await caseRated(tx, point.unitId, s.caseNo))) return caseTaken(s.caseNo);
    if (values.phoneHash && (await phoneRated(tx, values.phoneHash, point.id, values.periodStart)))
      return conflict(
        settings.periodDays === 1
          ? '这个手机号今天已经评价过这个评价点了，明天可以再评'
          : `这个手机号在本评价周期（${settings.periodDays} 天）内已经评价过这个评价点了`,
      );
    return deviceTaken(settings.periodDays);
  };
  // A plain good rating is one statement, atomic by itself; what must commit with it (an item, an event) takes a transaction.
  if (!held && !isBadRating(s.stars)) {
    const row = await insertRating(db, values);
    if (!row) throw await refused(db);
    return { lookupCode: row.lookupCode, held: false };
  }
  return db.transaction(async (tx) => {
    if (codeId !== null && !(await spendPhoneCode(tx, codeId, now))) throw bad('验证码已使用，请重新获取');
    const row = await insertRating(tx, values);
    if (!row) throw await refused(tx);
    if (held)
      await emit(tx, {
        type: 'rating.held',
        ratingId: row.id,
        pointId: point.id,
        unitId: point.unitId,
        reason: held,
        day: today,
      });
    else await openRectificationFor(tx, row, point, settings, today);
    return { lookupCode: row.lookupCode, held: held !== null };
  });
}

/**
 * A plain rating (not bad, no case number), the one a hall's burst of phones sends: written with the
 * others arriving at the same time, in one statement (plain-batch.ts), each judged by core's
 * judgeArrivals exactly as if it had come alone. Returns null when the batch could not tell why it was
 * not written; then the general path decides.
 */
async function submitPlain(
  db: Db,
  keys: RatingKeys,
  at: { code: string; deviceId: string; ip: string },
  s: Submission,
  now: Date,
): Promise<Accepted | null> {
  const settings = await ratingSettings(db);
  checkContent(s, settings);
  const today = localDate(now);
  const hashes = addressHashes(keys, at.ip);
  const limits = arrivalLimits(settings);
  const lookupCode = newLookupCode();
  const outcome = await plainBatcher(db).submit({
    code: at.code,
    stars: s.stars,
    tags: s.tags,
    comment: s.comment.trim(),
    deviceId: at.deviceId,
    periodStart: ratingPeriodStart(today, settings.periodDays),
    ratedOn: today,
    addressHash: hashes.address,
    rangeHash: hashes.range,
    lookupCode,
    createdAt: now,
    windowStart: new Date(now.getTime() - settings.burst.windowMinutes * 60_000),
    historyStart: new Date(now.getTime() - limits.historyMs),
    hourStart: new Date(now.getTime() - 3_600_000),
    limits,
  });
  switch (outcome.kind) {
    case 'unknown':
      throw notFound('评价点');
    case 'limited':
      throw new AppError('RATE_LIMITED', '评价过于频繁，请稍后再试');
    case 'duplicate':
      throw deviceTaken(settings.periodDays);
    case 'retry':
      return null;
    case 'written':
      // Its event was written by the batch, outside this request: this request delivers it before answering.
      if (outcome.held !== null) noteEmitted();
      return { lookupCode, held: outcome.held !== null };
  }
}

// The rules a batch is judged under, one object per settings object (the batch compares them by identity).
const limitsOf = new WeakMap<RatingSettings, ArrivalLimits>();
function arrivalLimits(settings: RatingSettings): ArrivalLimits {
  let limits = limitsOf.get(settings);
  if (!limits) {
    const windowMs = settings.burst.windowMinutes * 60_000;
    limits = {
      rule: settings.burst,
      historyMs: HISTORY_DAYS * 86_400_000,
      windows: Math.floor((HISTORY_DAYS * 86_400_000) / windowMs) - 1,
      deviceMax: PER_DEVICE_PER_HOUR,
    };
    limitsOf.set(settings, limits);
  }
  return limits;
}

const deviceTaken = (periodDays: number) =>
  conflict(
    periodDays === 1
      ? '这台设备今天已经评价过这个评价点了，明天可以再评'
      : `这台设备在本评价周期（${periodDays} 天）内已经评价过这个评价点了`,
  );
const caseTaken = (caseNo: string) => conflict(`办件 ${caseNo} 已经评价过了（一事一评）`);

/** The bad rating's item on the ledger, due in the jurisdiction's working days; a call back is due for a real name. */
export async function openRectificationFor(
  tx: Db,
  row: RatingRow,
  point: PointRow,
  settings: RatingSettings,
  today: IsoDate,
): Promise<void> {
  const calendar = await loadCalendar(tx);
  const unitName = (await units.nameOf(tx, point.unitId)) ?? '';
  const level = RATING_LEVELS.find((l) => l.stars === row.stars)?.label ?? '';
  const lines = [
    `评价点：${unitName} ${point.name}`,
    `评价：${level}；原因：${row.reason ?? '未说明'}`,
    row.tags.length > 0 ? `涉及：${row.tags.join('、')}` : '',
    row.comment ? `意见：${row.comment}` : '',
    row.caseNo ? `办件编号：${row.caseNo}` : '',
    row.phoneCipher ? '评价人留有电话（实名差评），请在期限内回访' : '',
  ].filter(Boolean);
  const itemId = await openRectification(tx, RATER, {
    title: `群众差评整改：${point.name}（${row.reason ?? level}）`,
    content: lines.join('\n'),
    source: '群众差评',
    leadUnitId: point.unitId,
    officeUnitId: point.officeUnitId,
    deadline: calendar.addWorkingDays(today, settings.rectifyWorkingDays),
    tags: ['好差评'],
  });
  await updateRating(tx, row.id, {
    ledgerItemId: itemId,
    callbackDue: row.phoneCipher ? calendar.addWorkingDays(today, settings.callbackWorkingDays) : null,
  });
}
