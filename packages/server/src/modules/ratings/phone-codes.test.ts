import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { DEFAULT_RATING_SETTINGS } from '@leitai/core';
import { buildApp } from '../../app.js';
import { createTestApp, createTestDatabase, testConfig, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { ratingPhoneCodes, ratings } from '../../db/schema/index.js';
import { AliyunSmsChannel, FakeSmsChannel } from '../notifications/index.js';
import { phoneKey, ratingKeys } from './keys.js';
import { insertRating } from './repository.js';
import { sendPhoneCode } from './phone-codes.js';
import { saveRatingSettings } from './settings.js';

/** 短信验证 of a real-name bad rating's phone, through the notifications channel's local fake. */
let t: TestApp;
let org: Client;
let code: string;
let sms: FakeSmsChannel;
let ipSeq = 0;
const PHONE = '13800001111';

async function device() {
  const ip = `10.7.0.${++ipSeq}`;
  const token = (await t.app.inject({ method: 'POST', url: '/api/public/device', remoteAddress: ip })).json<{
    token: string;
  }>().token;
  return (body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/points/${code}/ratings`,
      payload: body,
      headers: { 'x-device-token': token },
      remoteAddress: ip,
    });
}
const askCode = (phone = PHONE) =>
  t.app.inject({ method: 'POST', url: '/api/public/phone-codes', payload: { phone }, remoteAddress: '10.7.9.9' });
const lastCode = (phone = PHONE) => /验证码为 (\d{6})/.exec(sms.lastTo(phone)?.text ?? '')?.[1];
const rows = async () => (await t.database.db.select({ n: count() }).from(ratings))[0]!.n;
const badRating = { stars: 1, reason: '服务态度差', phone: PHONE };

beforeAll(async () => {
  t = await createTestApp();
  sms = t.app.ctx.sms as FakeSmsChannel;
  const { db } = t.database;
  const root = await buildUnit(db, { name: '城阳区' });
  const a = await buildUnit(db, { parentId: root.id, name: '区行政审批局' });
  await buildUser(db, { unitId: root.id, roles: ['organiser'], username: 'org' });
  org = await loginAs(t.app, 'org');
  await org.post('/api/ratings/points', { unitId: a.id, points: [{ name: '1号窗口', kind: 'window' }] });
  code = (await org.get('/api/ratings/points')).json<{ points: { code: string }[] }>().points[0]!.code;
});
afterAll(() => t.close());

describe('verified phones', () => {
  it('off by default: a real-name bad rating needs no code, and no code is sent', async () => {
    expect((await (await device())(badRating)).statusCode).toBe(200);
    const res = await askCode();
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('本地区未要求短信验证，留下电话即可');
  });

  it('on: the phone must carry the code sent to it; a wrong one is counted; the right one is spent once', async () => {
    const s = (await org.get('/api/ratings/settings')).json();
    expect((await org.put('/api/ratings/settings', { ...s, requireVerifiedPhone: true })).statusCode).toBe(200);
    const form = (await t.app.inject({ method: 'GET', url: `/api/public/points/${code}` })).json();
    expect(form.requireVerifiedPhone).toBe(true);

    const rate = await device();
    const before = await rows();
    const none = await rate(badRating);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('本地区要求验证手机号：请获取并填写短信验证码');

    expect((await askCode()).statusCode).toBe(200);
    const sent = lastCode()!;
    expect(sent).toMatch(/^\d{6}$/);
    // Neither the number nor the code is stored.
    const [stored] = await t.database.db.select().from(ratingPhoneCodes);
    expect(JSON.stringify(stored)).not.toContain(PHONE);
    expect(stored!.codeHash).not.toContain(sent);
    // One a minute.
    const again = await askCode();
    expect(again.statusCode).toBe(429);
    expect(again.json().error.message).toBe('验证码已发送，请 60 秒后再获取');

    const wrong = await rate({ ...badRating, phoneCode: sent === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('验证码不正确');
    expect((await t.database.db.select().from(ratingPhoneCodes))[0]!.attempts).toBe(1);
    const malformed = await rate({ ...badRating, phoneCode: '12ab' });
    expect(malformed.json().error.message).toContain('验证码为 6 位数字');
    expect(await rows()).toBe(before);

    const ok = await rate({ ...badRating, phoneCode: sent });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await rows()).toBe(before + 1);
    const [row] = await t.database.db.select().from(ratings).where(eq(ratings.lookupCode, ok.json().lookupCode));
    expect(row!.phoneCipher).not.toBeNull();
    // Spent: another phone cannot ride on it.
    const reuse = await (await device())({ ...badRating, phoneCode: sent });
    expect(reuse.json().error.message).toBe('请先获取短信验证码');
    // A good rating, or a bad one without a phone, needs no code.
    expect((await (await device())({ stars: 5 })).statusCode).toBe(200);
    expect((await (await device())({ stars: 2, reason: '办事效率低' })).statusCode).toBe(200);
  });

  it('one rating per verified phone, point and period, whichever device it comes from (a unique index)', async () => {
    const { db } = t.database;
    const keys = ratingKeys(testConfig().secret);
    const phone = '13700003333';
    const bad = { stars: 2, reason: '办事效率低', phone };
    expect((await askCode(phone)).statusCode).toBe(200);
    const first = await (await device())({ ...bad, phoneCode: lastCode(phone) });
    expect(first.statusCode, first.body).toBe(200);
    const [row] = await db.select().from(ratings).where(eq(ratings.lookupCode, first.json().lookupCode));
    expect(row!.phoneHash).toBe(phoneKey(keys, phone));
    expect(row!.phoneHash).not.toContain(phone);

    // A new code, another phone in hand (another device): the same number may not rate the point again today.
    await sendPhoneCode(db, keys, sms, phone, new Date(Date.now() + 2 * 60_000));
    const before = await rows();
    const again = await (await device())({ ...bad, phoneCode: lastCode(phone) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这个手机号今天已经评价过这个评价点了，明天可以再评');
    expect(await rows()).toBe(before);
    // Nothing partial: the code was not spent by the refused rating, and serves at another point.
    await org.post('/api/ratings/points', { unitId: row!.unitId, points: [{ name: '2号窗口', kind: 'window' }] });
    const other = (await org.get('/api/ratings/points'))
      .json<{ points: { code: string; name: string }[] }>()
      .points.find((p) => p.name === '2号窗口')!.code;
    const token = (await t.app.inject({ method: 'POST', url: '/api/public/device' })).json<{ token: string }>().token;
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/public/points/${other}/ratings`,
      payload: { ...bad, phoneCode: lastCode(phone) },
      headers: { 'x-device-token': token },
      remoteAddress: '10.7.8.1',
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);

    // The database's promise, not the code's: a second row with the same phone, point and period is refused.
    const copy = { ...row!, id: undefined, deviceId: 'another-device', lookupCode: 'COPY000001' };
    expect(await insertRating(db, copy)).toBeNull();
    expect(await insertRating(db, { ...copy, phoneHash: null })).not.toBeNull();
  });

  it('codes expire, allow five tries, and a number gets at most five an hour', async () => {
    const { db } = t.database;
    const keys = ratingKeys(testConfig().secret);
    const phone = '13900002222';
    const t0 = new Date(Date.now() + 3_600_000); // an hour on: the first test's codes are out of the window
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await sendPhoneCode(db, keys, sms, phone, at(0));
    const first = lastCode(phone)!;
    await db.update(ratingPhoneCodes).set({ expiresAt: sql`now() - interval '1 second'` });
    const expired = await (await device())({ ...badRating, phone, phoneCode: first });
    expect(expired.json().error.message).toBe('验证码已过期，请重新获取');

    await sendPhoneCode(db, keys, sms, phone, at(2));
    const second = lastCode(phone)!;
    const rate = await device();
    for (let i = 0; i < 5; i++)
      expect(
        (await rate({ ...badRating, phone, phoneCode: second === '999999' ? '888888' : '999999' })).json().error
          .message,
      ).toBe('验证码不正确');
    const spent = await rate({ ...badRating, phone, phoneCode: second });
    expect(spent.json().error.message).toBe('验证码错误次数过多，请重新获取');

    for (const m of [4, 6, 8]) await sendPhoneCode(db, keys, sms, phone, at(m));
    await expect(sendPhoneCode(db, keys, sms, phone, at(10))).rejects.toThrow(
      '该号码一小时内获取验证码次数过多，请稍后再试',
    );
    // An hour after the first, the number may ask again.
    await expect(sendPhoneCode(db, keys, sms, phone, at(61))).resolves.toMatchObject({ expiresInMinutes: 10 });
  });

  it('a server without a delivering channel refuses to require verified phones', async () => {
    await expect(
      saveRatingSettings(
        t.database.db,
        { id: null, name: 'test', address: null },
        { ...DEFAULT_RATING_SETTINGS, requireVerifiedPhone: true },
        false,
      ),
    ).rejects.toThrow('服务器未配置短信通道，不能要求短信验证手机号');
    expect(new FakeSmsChannel().delivers).toBe(false);
  });
});

it('the codes go out through the notifications module’s 阿里云 channel when one is configured', async () => {
  const calls: URLSearchParams[] = [];
  const fakeFetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(new URLSearchParams(String(init?.body)));
    return new Response(JSON.stringify({ Code: 'OK' }), { status: 200 });
  }) as typeof fetch;
  const sms = new AliyunSmsChannel(
    {
      endpoint: 'https://dysmsapi.example.test/',
      accessKeyId: 'AK',
      accessKeySecret: 'secret',
      signName: '擂台',
      templateCode: 'SMS_CODE',
      templateNotice: 'SMS_NOTICE',
    },
    fakeFetch,
  );
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(), database, sms });
  try {
    const root = await buildUnit(database.db, { name: '城阳区' });
    await buildUser(database.db, { unitId: root.id, roles: ['organiser'], username: 'org2' });
    const office = await loginAs(app, 'org2');
    const s = (await office.get('/api/ratings/settings')).json();
    expect((await office.put('/api/ratings/settings', { ...s, requireVerifiedPhone: true })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/api/public/phone-codes', payload: { phone: PHONE } });
    expect(res.statusCode, res.body).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.get('PhoneNumbers')).toBe(PHONE);
    expect(calls[0]!.get('TemplateCode')).toBe('SMS_CODE');
    expect(JSON.parse(calls[0]!.get('TemplateParam')!)).toEqual({ code: expect.stringMatching(/^\d{6}$/) });
  } finally {
    await app.close();
    await database.close();
  }
});
