import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildUnit, buildUser, loginAs } from '../../test/factories.js';
import { unstorableText } from './text-guard.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.database.db, { name: '区考核办' });
  await buildUser(t.database.db, { unitId: unit.id, roles: ['sysadmin'], username: 'sys' });
});
afterAll(() => t.close());

const entries = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('text that cannot be stored as sent', () => {
  it('finds NUL and lone surrogates anywhere in a body, and lets emoji and Chinese through', () => {
    expect(unstorableText({ a: ['ok', { b: '\ud800x' }] }, 'body')).toBe('body.a.1.b');
    expect(unstorableText({ a: 'x\u0000' }, 'body')).toBe('body.a');
    expect(unstorableText({ ['\udc00']: 1 }, 'body')).toBe('body.\udc00');
    expect(unstorableText({ a: '擂台 👍 \ud83d\udc4d', n: 3, z: null }, 'body')).toBeNull();
  });

  it('refuses a login with a lone surrogate before anything is written, so the audit chain stays intact', async () => {
    const before = await entries();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\ud800","password":"x"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('body.username'),
    });
    expect(await entries()).toBe(before);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('answers NUL in a query with a 400, not a server error', async () => {
    const sys = await loginAs(t.app, 'sys');
    expect((await sys.get('/api/users?q=%00')).statusCode).toBe(400);
    expect((await sys.get('/api/users?q=%E6%93%82')).statusCode).toBe(200);
  });
});
