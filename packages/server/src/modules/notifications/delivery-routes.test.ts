import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, type Client } from '../../../test/factories.js';
import { auditLog } from '../../db/schema/index.js';

/** The delivery routes: validation in Chinese, secrets never answered nor audited, settings audited. */
let t: TestApp;
let organiser: Client;
let reporter: Client;
let unitId: number;

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await buildUnit(t.database.db, { name: '投递测试局' })).id;
  await buildUser(t.database.db, { unitId, roles: ['organiser'], username: 'd_org' });
  await buildUser(t.database.db, { unitId, roles: ['reporter'], username: 'd_rep' });
  organiser = await loginAs(t.app, 'd_org');
  reporter = await loginAs(t.app, 'd_rep');
});
afterAll(() => t.close());

const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

describe('robots', () => {
  it('keeps the webhook key and the 钉钉 secret out of every answer and of the audit log', async () => {
    const res = await organiser.post('/api/delivery/robots', {
      unitId,
      kind: 'dingtalk',
      name: '督办群',
      webhook: 'https://oapi.dingtalk.com/robot/send?access_token=tok-secret-123',
      secret: 'SECverysecret',
      keywords: ['督办'],
    });
    expect(res.statusCode).toBe(201);
    const robot = res.json<{ id: number; webhook: string; hasSecret: boolean }>();
    expect(robot).toMatchObject({ webhook: 'https://oapi.dingtalk.com/robot/send?…', hasSecret: true });
    const list = (await organiser.get('/api/delivery/robots')).body;
    expect(list).not.toContain('tok-secret-123');
    expect(list).not.toContain('SECverysecret');
    const patched = await organiser.patch(`/api/delivery/robots/${robot.id}`, {
      webhook: WEBHOOK.replace('qyapi.weixin.qq.com', 'oapi.dingtalk.com'),
    });
    expect(patched.statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetType, 'delivery_robot'))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['delivery.robot.create', 'delivery.robot.update']);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('tok-secret-123');
    expect(text).not.toContain('SECverysecret');
    expect(text).not.toContain('693a91f6');
    expect(audit[1]!.after).toMatchObject({ webhookChanged: true });
  });

  it('answers bad input with a 400 and a Chinese message', async () => {
    const bad = await organiser.post('/api/delivery/robots', { unitId, kind: 'wecom', name: '群', webhook: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Webhook');
    const secret = await organiser.post('/api/delivery/robots', {
      unitId,
      kind: 'wecom',
      name: '群',
      webhook: WEBHOOK,
      secret: 'x',
    });
    expect(secret.statusCode).toBe(400);
    expect(secret.json<{ error: { message: string } }>().error.message).toBe('企业微信机器人没有加签密钥');
    expect(
      (await organiser.post('/api/delivery/robots', { unitId: 999999, kind: 'wecom', name: '群', webhook: WEBHOOK }))
        .statusCode,
    ).toBe(404);
    expect((await organiser.patch('/api/delivery/robots/999999', { enabled: false })).statusCode).toBe(404);
    const quiet = await organiser.put('/api/delivery/settings', {
      quiet: { start: 1500, end: 480, holdOnDaysOff: true },
    });
    expect(quiet.statusCode).toBe(400);
    expect(quiet.body).toContain('时间须在 00:00–23:59');
  });
});

describe('quiet hours', () => {
  it('default to 20:00–08:00 with days off held, and a change is audited with before and after', async () => {
    expect((await organiser.get('/api/delivery/settings')).json()).toEqual({
      quiet: { start: 1200, end: 480, holdOnDaysOff: true },
    });
    await organiser.put('/api/delivery/settings', { quiet: { start: 1260, end: 450, holdOnDaysOff: false } });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, 'delivery.quiet'))
      .orderBy(auditLog.id);
    expect(entry).toMatchObject({
      action: 'settings.update',
      before: { start: 1200, end: 480, holdOnDaysOff: true },
      after: { start: 1260, end: 450 },
    });
  });
});

describe('my channels', () => {
  it('may switch on only the channels the deployment has, and needs an address for each', async () => {
    expect((await reporter.get('/api/notifications/channels')).json()).toEqual({
      phone: null,
      smsOn: false,
      email: null,
      emailOn: false,
      available: { sms: false, email: false },
    });
    const on = await reporter.put('/api/notifications/channels', {
      phone: '13800138000',
      smsOn: true,
      email: null,
      emailOn: false,
    });
    expect(on.statusCode).toBe(422);
    expect(on.json<{ error: { message: string } }>().error.message).toBe('本系统未配置短信通道，无法开启短信通知');
    const noPhone = await reporter.put('/api/notifications/channels', {
      phone: null,
      smsOn: true,
      email: null,
      emailOn: false,
    });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.body).toContain('开启短信须填写手机号');
    const saved = await reporter.put('/api/notifications/channels', {
      phone: '13800138000',
      smsOn: false,
      email: 'a@example.gov.cn',
      emailOn: false,
    });
    expect(saved.json()).toMatchObject({ phone: '13800138000', email: 'a@example.gov.cn' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetType, 'delivery_prefs'))
      .orderBy(auditLog.id);
    expect(entry!.after).toEqual({ phone: '138****8000', smsOn: false, email: 'a***@example.gov.cn', emailOn: false });
  });
});
