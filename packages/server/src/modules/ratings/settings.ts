import { z } from 'zod';
import { DEFAULT_RATING_SETTINGS, type RatingSettings } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

const KEY = 'ratings';
const ZWords = (what: string) =>
  z
    .array(z.string().trim().min(1, `${what}不能为空`).max(20, `${what}不超过 20 个字`))
    .min(1, `至少一个${what}`)
    .max(20, `${what}不超过 20 个`);

/** The jurisdiction's rating rules (docs/ratings.md); every field has core's default. */
export const ZRatingSettings = z.object({
  campaignName: z.string().trim().min(2, '活动名称至少 2 个字').max(40, '活动名称不超过 40 个字'),
  levelPoints: z
    .tuple([z.number(), z.number(), z.number(), z.number(), z.number()])
    .refine((p) => p.every((x, i) => i === 0 || x > p[i - 1]!), '各等级分值须由非常不满意到非常满意递增'),
  periodDays: z.number().int().min(1, '评价周期至少 1 天').max(366),
  rectifyWorkingDays: z.number().int().min(1).max(60),
  callbackWorkingDays: z.number().int().min(1).max(30),
  tags: ZWords('评价维度'),
  badReasons: ZWords('差评原因'),
  requireVerifiedPhone: z.boolean(),
  addressRetentionDays: z.number().int().min(1).max(3650),
  confidence: z.number().min(0).max(10_000),
  burst: z.object({
    windowMinutes: z.number().int().min(1).max(1440),
    factor: z.number().int().min(1).max(1000),
    minCount: z.number().int().min(1).max(100_000),
    perRange: z.number().int().min(1).max(100_000),
  }),
});

/**
 * Every public rating reads the settings: kept for a few seconds per database, so a hall's burst does
 * not read them a thousand times. A change made here is seen at once by this instance, and by another
 * instance within the TTL.
 */
const TTL_MS = 5_000;
const cache = new WeakMap<object, { at: number; value: Promise<RatingSettings> }>();

async function load(db: Db): Promise<RatingSettings> {
  const parsed = ZRatingSettings.partial().safeParse(await readSetting(db, KEY));
  return { ...DEFAULT_RATING_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function ratingSettings(db: Db, fresh = false): Promise<RatingSettings> {
  const hit = cache.get(db);
  if (!fresh && hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load(db);
  cache.set(db, { at: Date.now(), value });
  value.catch(() => cache.delete(db));
  return value;
}

/**
 * `smsDelivers`: whether the server can send a verification code to a phone (a real gateway, or the
 * local fake outside production); without it, verified phones cannot be required.
 */
export async function saveRatingSettings(
  db: Db,
  who: AuditActor,
  s: RatingSettings,
  smsDelivers: boolean,
): Promise<RatingSettings> {
  if (s.requireVerifiedPhone && !smsDelivers)
    throw new AppError('RULE_VIOLATION', '服务器未配置短信通道，不能要求短信验证手机号');
  await writeSetting(db, who, KEY, s, load);
  cache.delete(db);
  return s;
}
