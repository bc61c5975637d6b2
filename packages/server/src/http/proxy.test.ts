import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildUnit, buildUser } from '../../test/factories.js';

// Behind one balancer (TRUST_PROXY=1) the client's address is the one the balancer appended last; what the
// client wrote further left in X-Forwarded-For must not rotate its way past the login challenge.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ trustProxy: 1 });
  const unit = await buildUnit(t.database.db, { name: '区考核办' });
  await buildUser(t.database.db, { unitId: unit.id, roles: ['organiser'], username: 'target' });
});
afterAll(() => t.close());

describe('behind a trusted balancer', () => {
  it('counts failures by the address the balancer saw, whatever the client forwards', async () => {
    const replies = [];
    for (let i = 0; i < 3; i++) {
      replies.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.9` },
          payload: { username: 'target', password: 'wrong' },
        }),
      );
    }
    expect(replies.map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expect(replies[2]!.json().error.details.challenge).toBeDefined();
    const addresses = await t.database.db
      .selectDistinct({ address: auditLog.address })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'));
    expect(addresses).toEqual([{ address: '203.0.113.9' }]);
  });
});
