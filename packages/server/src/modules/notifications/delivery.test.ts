import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { utf8Length } from '@leitai/core';
import { createTestDatabase } from '../../../test/harness.js';
import { buildUnit, buildUser } from '../../../test/factories.js';
import { startFakeAliyun, startFakeRobot, type FakeRobot } from '../../../test/fakes.js';
import type { Database } from '../../db/client.js';
import { deliveries, deliveryPrefs, deliveryRobots, notifications } from '../../db/schema/index.js';
import { OutboxRelay } from '../../events/consumer.js';
import { emit } from '../../events/emit.js';
import { claimNext } from '../../events/repository.js';
import { AliyunSmsChannel, ChannelError, SmtpEmailChannel, sendToRobot } from './channels.js';
import { DeliveryWorker, type DeliveryChannels } from './delivery-worker.js';
import { listDeadLetters, receiptsOf, retryDeadLetter } from './delivery-service.js';
import { noticeConsumer } from './notices.js';

/**
 * Outside delivery against local fakes (test/fakes.ts): robots, SMS, email; the bucket, digests,
 * back-off, dead letters, quiet hours and restarts. The worker's clock is the test's: nothing waits.
 */
let database: Database;
let robot: FakeRobot;
let unitId: number;
let reporterId: number;
let n = 0;
/** Tuesday 2030-03-05, 10:00 in Shanghai: a working day, after the real "now" the rows are queued at. */
const T0 = Date.parse('2030-03-05T10:00:00+08:00');
let now = T0;
const clock = () => new Date(now);
const who = { id: null, name: 'test', address: '127.0.0.1' };

beforeAll(async () => {
  database = await createTestDatabase();
  robot = await startFakeRobot();
  robot.now = () => now;
});
afterAll(async () => {
  await robot.close();
  await database.close();
});

/** A fresh unit with one reporter and the given robots, so each test counts only its own. */
async function unitWith(
  robots: { kind: 'wecom' | 'dingtalk'; webhook: string; secret?: string; keywords?: string[] }[],
) {
  unitId = (await buildUnit(database.db)).id;
  reporterId = (await buildUser(database.db, { unitId, roles: ['reporter'] })).id;
  const ids: number[] = [];
  for (const r of robots) {
    const [row] = await database.db
      .insert(deliveryRobots)
      .values({ unitId, name: '群', ...r, secret: r.secret ?? null, keywords: r.keywords ?? [] })
      .returning({ id: deliveryRobots.id });
    ids.push(row!.id);
  }
  return ids;
}

/** `count` returned reports for the unit: one notice each for its reporter. */
async function notices(count: number): Promise<string[]> {
  const reasons: string[] = [];
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const reason = `退回理由${++n}`;
      reasons.push(reason);
      await emit(tx, { type: 'report.reviewed', reportId: n, unitId, period: '2030-02', verdict: 'return', reason });
    }
  });
  // A consumer that throws leaves its event for a later retry, silently: say so here instead.
  const failures: unknown[] = [];
  await new OutboxRelay(database, [noticeConsumer], { onError: (err) => failures.push(err) }).drain();
  expect(failures.map(String)).toEqual([]);
  return reasons;
}

const worker = (channels: Partial<DeliveryChannels> = {}, leaseMs = 120_000) =>
  new DeliveryWorker(
    database,
    { robot: sendToRobot, sms: null, email: null, ...channels },
    { now: clock, leaseMs, publicUrl: 'https://kh.example.gov.cn' },
  );

const stateOf = async (robotId: number) =>
  (await database.db.select().from(deliveries).where(eq(deliveries.robotId, robotId))).map((d) => d.state);

beforeEach(() => {
  now = T0;
  robot.mode = 'ok';
});

describe('企业微信 group robot', () => {
  it('posts each notice as markdown to the unit’s robot, and the notice shows the receipt', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('k1') }]);
    const [reason] = await notices(1);
    const before = robot.accepted.length;
    expect(await worker().drain()).toBe(1);
    const [msg] = robot.accepted.slice(before);
    expect(msg).toMatchObject({ kind: 'wecom', key: 'k1' });
    expect(msg!.text).toBe(
      `**2030-02 月度调度被退回**\n> 退回原因：${reason}\n[查看详情](https://kh.example.gov.cn/dispatch/report/${unitId}/2030-02)`,
    );
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.userId, reporterId));
    const receipts = (await receiptsOf(database.db, [notice!.id])).get(notice!.id);
    expect(receipts).toEqual([{ channel: 'wecom', state: 'sent', at: new Date(T0), digest: false }]);
    expect(await stateOf(id!)).toEqual(['sent']);
  });

  it('cuts a long notice to 4,096 bytes on a character boundary (the robot refuses more)', async () => {
    await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('long') }]);
    await database.db.transaction((tx) =>
      emit(tx, {
        type: 'report.reviewed',
        reportId: ++n,
        unitId,
        period: '2030-02',
        verdict: 'return',
        reason: '数据与台账不一致😀'.repeat(400),
      }),
    );
    await new OutboxRelay(database, [noticeConsumer]).drain();
    const before = robot.accepted.length;
    await worker().drain();
    const [msg] = robot.accepted.slice(before);
    expect(utf8Length(msg!.text)).toBeLessThanOrEqual(4096);
    expect(msg!.text.endsWith('…')).toBe(true);
  });

  it('sends 20 a minute; a burst beyond merges into one digest; the next minute has its tokens back', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('burst') }]);
    await notices(25);
    const before = robot.accepted.length;
    await worker().drain();
    const sent = robot.accepted.slice(before);
    // Failed once under load (18 of 20) with no cause seen: the rows' own errors say why, should it recur.
    const why = async () =>
      JSON.stringify(
        (await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!)))
          .filter((d) => d.state !== 'sent')
          .map((d) => ({ state: d.state, attempts: d.attempts, error: d.lastError })),
      );
    expect(sent, sent.length === 20 ? '' : await why()).toHaveLength(20);
    expect(sent[19]!.text).toMatch(/^\*\*通知汇总（6 条）\*\*/);
    expect(await stateOf(id!)).toEqual(Array(25).fill('sent'));
    const rows = await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!));
    expect(rows.filter((r) => r.digest)).toHaveLength(6);
    // 30 s later the bucket is still empty: a new notice waits for the first token to come back.
    now = T0 + 30_000;
    await notices(1);
    await worker().drain();
    expect(robot.accepted.length - before).toBe(20);
    now = T0 + 60_000;
    await worker().drain();
    expect(robot.accepted.length - before).toBe(21);
  });

  it('waits a minute when the robot says it is over its limit (45009), without giving up', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('limited') }]);
    await notices(1);
    robot.mode = 'ratelimit';
    await worker().drain();
    const [row] = await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!));
    expect(row).toMatchObject({ state: 'pending', notBefore: new Date(T0 + 60_000) });
    robot.mode = 'ok';
    now = T0 + 60_000;
    await worker().drain();
    expect(await stateOf(id!)).toEqual(['sent']);
  });

  it('retries a failing robot with back-off, then lists it as a dead letter the office can send again', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('flaky') }]);
    await notices(1);
    robot.mode = 'fail500';
    const w = worker();
    const pauses = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];
    await w.drain();
    for (const pause of pauses) {
      const [row] = await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!));
      expect(row!.state).toBe('pending');
      expect(row!.notBefore.getTime() - now).toBe(pause);
      now += pause - 1;
      expect(await w.drain()).toBe(0); // not yet due
      now += 1;
      expect(await w.drain()).toBe(1);
    }
    expect(await stateOf(id!)).toEqual(['dead']);
    const [dead] = (await listDeadLetters(database.db)).filter((d) => d.to.endsWith('群'));
    expect(dead).toMatchObject({ channel: 'wecom', attempts: 6, actions: ['retry'] });
    expect(dead!.error).toContain('HTTP 500');
    expect(dead!.error).not.toContain('flaky'); // the key is never in an error
    robot.mode = 'ok';
    await retryDeadLetter(database.db, who, dead!.id, clock());
    expect(await w.drain()).toBe(1);
    expect(await stateOf(id!)).toEqual(['sent']);
  });

  it('sets a wrong key aside at once (93000): a retry would not help', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('bad-key') }]);
    await notices(1);
    await worker().drain();
    expect(await stateOf(id!)).toEqual(['dead']);
  });
});

describe('钉钉 custom robot', () => {
  it('signs the webhook with timestamp and secret and carries a keyword', async () => {
    robot.dingtalk.set('dt1', { secret: 'SECtest', keywords: ['督办'] });
    const [id] = await unitWith([
      { kind: 'dingtalk', webhook: robot.dingtalkUrl('dt1'), secret: 'SECtest', keywords: ['督办'] },
    ]);
    await notices(1);
    const before = robot.accepted.length;
    await worker().drain();
    const [msg] = robot.accepted.slice(before);
    expect(msg).toMatchObject({ kind: 'dingtalk', key: 'dt1' });
    expect(msg!.text.startsWith('【督办】**2030-02 月度调度被退回**')).toBe(true);
    expect(await stateOf(id!)).toEqual(['sent']);
  });

  it('fails a wrong secret to the dead letters (310000 sign not match)', async () => {
    robot.dingtalk.set('dt2', { secret: 'SECright', keywords: ['通知'] });
    const [id] = await unitWith([
      { kind: 'dingtalk', webhook: robot.dingtalkUrl('dt2'), secret: 'SECwrong', keywords: ['通知'] },
    ]);
    await notices(1);
    await worker().drain();
    expect(await stateOf(id!)).toEqual(['dead']);
    const row = (await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!)))[0]!;
    expect(row.lastError).toContain('310000');
    expect(row.lastError).not.toContain('SECwrong');
  });
});

describe('quiet hours', () => {
  it('holds a message queued at night till 08:00, and one on a Saturday till Monday', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('night') }]);
    await notices(1);
    now = Date.parse('2030-03-05T22:00:00+08:00');
    await worker().drain();
    const [row] = await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!));
    expect(row).toMatchObject({ state: 'pending', notBefore: new Date('2030-03-06T08:00:00+08:00') });
    now = Date.parse('2030-03-09T09:00:00+08:00'); // Saturday
    await worker().drain();
    const [held] = await database.db.select().from(deliveries).where(eq(deliveries.robotId, id!));
    expect(held!.notBefore).toEqual(new Date('2030-03-11T08:00:00+08:00'));
    now = Date.parse('2030-03-11T08:00:00+08:00');
    await worker().drain();
    expect(await stateOf(id!)).toEqual(['sent']);
  });
});

describe('SMS (阿里云) and email (SMTP)', () => {
  it('sends SMS through the 阿里云 adapter with a valid signature; an illegal number is set aside', async () => {
    const aliyun = await startFakeAliyun('aliyun-secret');
    try {
      const sms = new AliyunSmsChannel({
        endpoint: aliyun.url,
        accessKeyId: 'AK',
        accessKeySecret: 'aliyun-secret',
        signName: '擂台',
        templateCode: 'SMS_CODE',
        templateNotice: 'SMS_NOTICE',
      });
      await unitWith([]);
      await database.db.insert(deliveryPrefs).values({ userId: reporterId, phone: '13800138000', smsOn: true });
      const [reason] = await notices(1);
      await worker({ sms }).drain();
      expect(aliyun.sent).toEqual([
        {
          phone: '13800138000',
          template: 'SMS_NOTICE',
          param: { content: `2030-02 月度调度被退回：退回原因：${reason}` },
        },
      ]);
      await sms.send({ phone: '13800138001', text: '验证码 123456', code: '123456' });
      expect(aliyun.sent[1]).toEqual({ phone: '13800138001', template: 'SMS_CODE', param: { code: '123456' } });
      await expect(sms.send({ phone: '13900000000', text: 'x' })).rejects.toMatchObject({ permanent: true });
      const wrong = new AliyunSmsChannel({
        endpoint: aliyun.url,
        accessKeyId: 'AK',
        accessKeySecret: 'not-the-secret',
        signName: '擂台',
        templateCode: 'SMS_CODE',
        templateNotice: 'SMS_NOTICE',
      });
      await expect(wrong.send({ phone: '13800138000', text: 'x' })).rejects.toThrow(/SignatureDoesNotMatch/);
    } finally {
      await aliyun.close();
    }
  });

  it('sends email over SMTP with nodemailer; a refused mailbox goes to the dead letters', async () => {
    const received: { to: string; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo: (address, _session, cb) =>
        address.address.startsWith('nobody@')
          ? cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
          : cb(),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo[0]!.address, data: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const email = new SmtpEmailChannel(`smtp://127.0.0.1:${port}`, 'kh@example.gov.cn');
    try {
      await unitWith([]);
      await database.db.insert(deliveryPrefs).values({ userId: reporterId, email: 'a@example.gov.cn', emailOn: true });
      await notices(1);
      await worker({ email }).drain();
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('a@example.gov.cn');
      expect(received[0]!.data).toContain('Subject: =?UTF-8?');
      await database.db
        .update(deliveryPrefs)
        .set({ email: 'nobody@example.gov.cn' })
        .where(eq(deliveryPrefs.userId, reporterId));
      await notices(1);
      await worker({ email }).drain();
      const rows = await database.db.select().from(deliveries).where(eq(deliveries.userId, reporterId));
      expect(rows.map((r) => r.state)).toEqual(['sent', 'dead']);
      expect(rows[1]!.lastError).toContain('550');
    } finally {
      email.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('queues nothing when nobody configured a channel: the bell works as before', async () => {
    await unitWith([]);
    await notices(3);
    expect(await database.db.select().from(deliveries).where(eq(deliveries.userId, reporterId))).toEqual([]);
    expect(await worker().runOnce()).toBe(0);
  });
});

describe('restarts', () => {
  it('a graceful stop mid-burst, then a new worker: every notice reaches the robot exactly once', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('restart') }]);
    const reasons = await notices(12);
    const before = robot.accepted.length;
    const first = worker();
    first.start();
    await first.stop(); // waits for the calls in flight
    await worker().drain();
    const got = robot.accepted.slice(before).map((m) => /退回原因：(退回理由\d+)/.exec(m.text)![1]);
    expect(got.sort()).toEqual([...reasons].sort());
    expect(await stateOf(id!)).toEqual(Array(12).fill('sent'));
  });

  it('a worker that dies mid-call: its lease runs out, the next one sends it once', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('crash') }]);
    const [reason] = await notices(1);
    const before = robot.accepted.length;
    robot.mode = 'hang';
    const arrived = robot.requests;
    const dying = worker({}, 60_000);
    const abandoned = dying.runOnce(); // the call never returns: the process is gone
    while (robot.requests === arrived) await new Promise((r) => setTimeout(r, 10));
    robot.mode = 'ok';
    // Within the lease nobody else takes it.
    expect(await worker().runOnce()).toBe(0);
    now = T0 + 60_000;
    expect(await worker().runOnce()).toBe(1);
    expect(robot.accepted.slice(before).map((m) => m.text.includes(reason!))).toEqual([true]);
    expect(await stateOf(id!)).toEqual(['sent']);
    await robot.close().catch(() => undefined);
    await abandoned.catch(() => undefined);
    robot = await startFakeRobot();
    robot.now = () => now;
    // The dead worker's late failure does not undo the record.
    expect(await stateOf(id!)).toEqual(['sent']);
  });

  it('an outbox delivery that dies before commit queues its messages once, when delivered again', async () => {
    const [id] = await unitWith([{ kind: 'wecom', webhook: robot.wecomUrl('outbox') }]);
    await database.db.transaction((tx) =>
      emit(tx, {
        type: 'report.reviewed',
        reportId: ++n,
        unitId,
        period: '2030-02',
        verdict: 'return',
        reason: '崩溃',
      }),
    );
    await database.db
      .transaction(async (tx) => {
        const entry = await claimNext(tx);
        await noticeConsumer.handle(tx, entry!.event);
        throw new Error('killed');
      })
      .catch(() => undefined);
    expect(await stateOf(id!)).toEqual([]);
    await new OutboxRelay(database, [noticeConsumer]).drain();
    await worker().drain();
    expect(await stateOf(id!)).toEqual(['sent']);
  });
});

it('a ChannelError carries no address', () => {
  expect(new ChannelError('网络错误（ECONNREFUSED）').message).not.toMatch(/http/);
});
