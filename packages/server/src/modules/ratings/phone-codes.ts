import { randomInt, timingSafeEqual } from 'node:crypto';
import { PHONE_CODE_RULES, phoneCodeRefusal, phoneCodeVerdict } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState } from '../../errors.js';
import type { SmsChannel } from '../notifications/index.js';
import { codeKey, phoneKey, type RatingKeys } from './keys.js';
import { codesSent, countCodeAttempt, insertPhoneCode, latestPhoneCode } from './repository.js';
import { ratingSettings } from './settings.js';

const R = PHONE_CODE_RULES;

/**
 * Sends a verification code to the number through the SMS channel, where the office requires verified
 * phones: at most one a minute and five an hour per number (kept only as keyed hashes), valid ten minutes.
 */
export async function sendPhoneCode(
  db: Db,
  keys: RatingKeys,
  sms: SmsChannel,
  phone: string,
  now = new Date(),
): Promise<{ expiresInMinutes: number; resendSeconds: number }> {
  if (!(await ratingSettings(db)).requireVerifiedPhone) throw invalidState('本地区未要求短信验证，留下电话即可');
  const phoneHash = phoneKey(keys, phone);
  const code = String(randomInt(10 ** R.length)).padStart(R.length, '0');
  await db.transaction(async (tx) => {
    const refusal = phoneCodeRefusal(await codesSent(tx, phoneHash, new Date(now.getTime() - 3_600_000)), now);
    if (refusal) throw new AppError('RATE_LIMITED', refusal);
    await insertPhoneCode(tx, {
      phoneHash,
      codeHash: codeKey(keys, phoneHash, code),
      expiresAt: new Date(now.getTime() + R.ttlMinutes * 60_000),
      createdAt: now,
    });
  });
  try {
    await sms.send({
      phone,
      code,
      text: `【擂台】您的评价验证码为 ${code}，${R.ttlMinutes} 分钟内有效。如非本人操作，请忽略本短信。`,
    });
  } catch {
    throw new AppError('RULE_VIOLATION', '短信发送失败，请稍后再试');
  }
  return { expiresInMinutes: R.ttlMinutes, resendSeconds: R.resendSeconds };
}

/**
 * Checks the typed code against the newest one sent to the number, and returns its id for the rating's
 * transaction to spend. A wrong try is counted at once (it must survive the refusal); nothing else is written.
 */
export async function checkPhoneCode(
  db: Db,
  keys: RatingKeys,
  phone: string,
  typed: string | undefined,
  now: Date,
): Promise<number> {
  if (!typed) throw new AppError('VALIDATION_FAILED', '本地区要求验证手机号：请获取并填写短信验证码');
  const phoneHash = phoneKey(keys, phone);
  const code = (await latestPhoneCode(db, phoneHash)) ?? null;
  const matches =
    code !== null && timingSafeEqual(Buffer.from(code.codeHash), Buffer.from(codeKey(keys, phoneHash, typed)));
  const verdict = phoneCodeVerdict(code, matches, now);
  if (!verdict.ok) {
    if (verdict.countAttempt && code) await countCodeAttempt(db, code.id);
    throw new AppError('VALIDATION_FAILED', verdict.message);
  }
  return code!.id;
}
