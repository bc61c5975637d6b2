import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, loginFailures, sessions } from '../../db/schema/index.js';
import { runDailyJob } from '../../jobs/runner.js';
import { authHousekeepingJob } from './housekeeping.js';
import { loadConfig } from '../../config.js';
import { queryRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildUnit, buildUser, loginAs, TEST_PASSWORD } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const unit = await buildUnit(db, { name: '区考核办' });
  await buildUser(db, { unitId: unit.id, roles: ['organiser'], username: 'org' });
  await buildUser(db, { unitId: unit.id, roles: ['secadmin'], username: 'sec' });
  await buildUser(db, { unitId: unit.id, roles: ['sysadmin'], username: 'sys' });
  await buildUser(db, { unitId: unit.id, roles: ['auditor'], username: 'aud' });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'victim' });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'newbie', mustChangePassword: true });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'stolen' });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'rotator' });
  await buildUser(db, { unitId: unit.id, roles: ['reporter'], username: 'deskmate' });
});
afterAll(() => t.close());

const attempt = (
  username: string,
  password: string,
  address = '10.0.0.9',
  challenge?: { token: string; answer: number },
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    payload: { username, password, ...(challenge ? { challenge } : {}) },
  });

const actions = async (targetId: string) =>
  (
    await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, targetId))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

function solve(question: string): number {
  const [a, b] = question.match(/\d+/g)!.map(Number);
  return a! + b!;
}

describe('login and session', () => {
  it('signs in, reports who is there, and answers with no-store', async () => {
    const client = await loginAs(t.app, 'org');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.json().user).toMatchObject({ username: 'org', roles: ['organiser'], unitName: '区考核办' });
    expect(me.json().permissions).toContain('unit.manage');
    expect(me.json().permissions).not.toContain('audit.read');
  });

  it('sets an httpOnly SameSite cookie and stores only its hash', async () => {
    const res = await attempt('org', TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'leitai_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await t.database.db.select({ idHash: sessions.idHash }).from(sessions);
    expect(stored.map((s) => s.idHash)).not.toContain(cookie.value);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.idHash))).toBe(true);
  });

  it('refuses a write without the CSRF token', async () => {
    const res = await attempt('org', TEST_PASSWORD);
    const sid = res.cookies.find((c) => c.name === 'leitai_session')!.value;
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { leitai_session: sid } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { leitai_session: sid },
      headers: { 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session on the server at logout', async () => {
    const client = await loginAs(t.app, 'org');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const [logout] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.logout'))
      .orderBy(auditLog.id);
    expect(logout).toMatchObject({ actorName: expect.stringContaining('(org)') });
  });

  it('expires an idle session', async () => {
    const client = await loginAs(t.app, 'aud');
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session past its absolute lifetime even when in use', async () => {
    const client = await loginAs(t.app, 'aud');
    await t.database.db.update(sessions).set({ createdAt: sql`now() - interval '13 hours'` });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('failed logins, challenge and lock', () => {
  it('asks for a challenge after three failures, locks after five, from that address only', async () => {
    for (let i = 0; i < 2; i++) expect((await attempt('victim', 'wrong')).statusCode).toBe(401);
    const third = await attempt('victim', 'wrong');
    expect(third.statusCode).toBe(401);
    const { challenge } = third.json().error.details;
    expect(challenge.question).toMatch(/^\d+ \+ \d+ = \?$/);

    const unanswered = await attempt('victim', TEST_PASSWORD);
    expect(unanswered.statusCode).toBe(428);
    const wrongAnswer = await attempt('victim', TEST_PASSWORD, '10.0.0.9', {
      token: challenge.token,
      answer: solve(challenge.question) + 1,
    });
    expect(wrongAnswer.statusCode).toBe(428);

    const fourth = await attempt('victim', 'wrong', '10.0.0.9', {
      token: challenge.token,
      answer: solve(challenge.question),
    });
    expect(fourth.statusCode).toBe(401);
    expect(fourth.json().error.message).toContain('再错 1 次');
    // A solved challenge serves one attempt: the same answer again is refused.
    const replay = await attempt('victim', 'wrong', '10.0.0.9', {
      token: challenge.token,
      answer: solve(challenge.question),
    });
    expect(replay.statusCode).toBe(428);
    const next = fourth.json().error.details.challenge;
    const fifth = await attempt('victim', 'wrong', '10.0.0.9', { token: next.token, answer: solve(next.question) });
    expect(fifth.statusCode).toBe(423);
    // Even the right password is refused from that address while locked…
    expect(
      (
        await attempt('victim', TEST_PASSWORD, '10.0.0.9', {
          token: challenge.token,
          answer: solve(challenge.question),
        })
      ).statusCode,
    ).toBe(423);
    // …but the real user elsewhere is not locked out by someone else's guessing.
    expect((await attempt('victim', TEST_PASSWORD, '10.0.0.1')).statusCode).toBe(200);

    const recorded = await actions('victim');
    expect(recorded.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(recorded).toContain('auth.locked');
  });

  it('from an office NAT shared by others, a stranger slows the account down but cannot lock it', async () => {
    const nat = '10.0.0.50';
    const sec = await loginAs(t.app, 'sec');
    const policy = (await sec.get('/api/security/policy')).json();
    const bad = await sec.put('/api/security/policy', { ...policy, sharedAddresses: ['10.0.0.0/33'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('CIDR');
    expect((await sec.put('/api/security/policy', { ...policy, sharedAddresses: ['10.0.0.48/30'] })).statusCode).toBe(
      200,
    );
    let challenge: { token: string; question: string } | undefined;
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await attempt(
        'deskmate',
        'wrong',
        nat,
        challenge && { token: challenge.token, answer: solve(challenge.question) },
      );
      codes.push(res.json().error.code);
      challenge = res.json().error.details?.challenge;
    }
    // Five wrong, then the sixth waits: never ACCOUNT_LOCKED.
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
    const waiting = await attempt('deskmate', TEST_PASSWORD, nat);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.message).toMatch(/请 \d+ 秒后再试/);
    // Once the 30 seconds have passed, the real user signs in with a challenge.
    await t.database.db
      .update(loginFailures)
      .set({ at: sql`${loginFailures.at} - interval '31 seconds'` })
      .where(eq(loginFailures.username, 'deskmate'));
    const asked = (await attempt('deskmate', TEST_PASSWORD, nat)).json().error;
    expect(asked.code).toBe('CHALLENGE_REQUIRED');
    const ok = await attempt('deskmate', TEST_PASSWORD, nat, {
      token: asked.details.challenge.token,
      answer: solve(asked.details.challenge.question),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('lets the security admin see and clear the lock', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await attempt('org', 'wrong', '10.0.0.7');
      let challenge = res.json().error.details?.challenge;
      if (challenge) {
        for (let j = 0; j < 2; j++) {
          const next = await attempt('org', 'wrong', '10.0.0.7', {
            token: challenge.token,
            answer: solve(challenge.question),
          });
          challenge = next.json().error.details?.challenge;
        }
        break;
      }
    }
    expect((await attempt('org', TEST_PASSWORD, '10.0.0.7')).statusCode).toBe(423);
    const sec = await loginAs(t.app, 'sec');
    const locks = (await sec.get('/api/security/locks'))
      .json()
      .items.filter((l: { username: string }) => l.username === 'org');
    expect(locks).toEqual([expect.objectContaining({ username: 'org', address: '10.0.0.7', failures: 5 })]);
    expect((await sec.post('/api/security/unlock', { username: 'org' })).statusCode).toBe(200);
    expect((await attempt('org', TEST_PASSWORD, '10.0.0.7')).statusCode).toBe(200);
    expect(await actions('org')).toContain('auth.unlock');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await attempt('nobody', 'wrong', '10.0.0.3');
    const wrong = await attempt('sys', 'wrong', '10.0.0.3');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });
});

describe('passwords', () => {
  it('makes a new account change its password before anything else', async () => {
    const client = await loginAs(t.app, 'newbie');
    expect((await client.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await client.get('/api/security/policy')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'newbie123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.problems).toEqual([
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
      '密码不能包含用户名',
    ]);
    const ok = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Chengyang#2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await attempt('newbie', 'Chengyang#2026', '10.0.0.4')).statusCode).toBe(200);
    expect(await actions(String((await client.get('/api/auth/me')).json().user.id))).toContain('user.password_change');
  });
});

describe('password history', () => {
  it('refuses going back to any of the latest five passwords, and allows the sixth oldest again', async () => {
    const client = await loginAs(t.app, 'rotator');
    const passwords = [TEST_PASSWORD, 'Rotate#One2026', 'Rotate#Two2026', 'Rotate#Three2026', 'Rotate#Four2026'];
    const change = (currentPassword: string, newPassword: string) =>
      client.post('/api/auth/password', { currentPassword, newPassword });
    for (let i = 1; i < passwords.length; i++)
      expect((await change(passwords[i - 1]!, passwords[i]!)).statusCode).toBe(200);
    // Five remembered now: the four replaced and the current one.
    for (const old of passwords.slice(0, 4)) {
      const refused = await change('Rotate#Four2026', old);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.problems).toEqual(['新密码不能与最近 5 次使用过的密码相同']);
    }
    expect((await change('Rotate#Four2026', 'Rotate#Five2026')).statusCode).toBe(200);
    // The first is now the sixth newest: allowed again.
    expect((await change('Rotate#Five2026', TEST_PASSWORD)).statusCode).toBe(200);
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM password_history h JOIN users u ON u.id = h.user_id WHERE u.username = 'rotator'`,
    );
    expect(row!.n).toBe(6);
  });
});

describe('guessing the current password with a stolen session', () => {
  it('counts toward the lock, is audited, and the fifth wrong guess ends the session', async () => {
    const client = await loginAs(t.app, 'stolen', TEST_PASSWORD, '10.0.0.77');
    const guess = (currentPassword: string) =>
      client.post('/api/auth/password', { currentPassword, newPassword: 'Stolen#Account2026' });
    for (let i = 1; i <= 4; i++) expect((await guess(`wrong-${i}`)).statusCode).toBe(400);
    const fifth = await guess('wrong-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    // The lock holds for signing in again from that address, even with the right password.
    expect((await attempt('stolen', TEST_PASSWORD, '10.0.0.77')).statusCode).toBe(423);
    const [row] = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'stolen'`);
    const id = String(row!.id);
    expect((await actions(id)).filter((a) => a === 'user.password_change_failed')).toHaveLength(5);
  });
});

describe('security policy (三员分立)', () => {
  it('is the security admin’s alone', async () => {
    for (const username of ['sys', 'aud', 'org']) {
      const client = await loginAs(t.app, username);
      expect((await client.get('/api/security/policy')).statusCode).toBe(403);
      expect((await client.post('/api/security/unlock', { username: 'victim' })).statusCode).toBe(403);
    }
    const sec = await loginAs(t.app, 'sec');
    const policy = (await sec.get('/api/security/policy')).json();
    expect(policy.lockAfterFailures).toBe(5);
    const bad = await sec.put('/api/security/policy', { ...policy, challengeAfterFailures: 6 });
    expect(bad.statusCode).toBe(422);
    const ok = await sec.put('/api/security/policy', { ...policy, passwordMinLength: 12 });
    expect(ok.statusCode).toBe(200);
    // One entry for this change (the shared-address test before made the other).
    expect(await actions('security.policy')).toEqual(['settings.update', 'settings.update']);
  });
});

describe('hardening', () => {
  it('limits login attempts per address', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('refuses to start in production with a missing or weak secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LEITAI_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', LEITAI_SECRET: 'short' })).toThrow(/LEITAI_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', LEITAI_SECRET: 'f3a9c1d27be84e6a90c5d1f2e7b8a4c6' }).secret,
    ).toHaveLength(32);
  });
});

describe('housekeeping', () => {
  it('purges expired sessions and old failed sign-ins each night, and keeps what still counts', async () => {
    const { db } = t.database;
    const fresh = await loginAs(t.app, 'org');
    const hour = 3_600_000;
    await db.insert(sessions).values([
      { idHash: 'idle', userId: 1, csrfToken: 'x', createdAt: new Date(), lastSeenAt: new Date(Date.now() - 2 * hour) },
      { idHash: 'old', userId: 1, csrfToken: 'x', createdAt: new Date(Date.now() - 13 * hour), lastSeenAt: new Date() },
    ]);
    await db.insert(loginFailures).values([
      { username: 'org', address: '10.9.9.9', at: new Date(Date.now() - 25 * hour) },
      { username: 'org', address: '10.9.9.9', at: new Date() },
    ]);
    const run = await runDailyJob(db, authHousekeepingJob, '2026-12-03');
    // Earlier tests leave sessions of their own aged past the limits: the count covers those too.
    expect(run.result).toMatch(/^purged \d+ expired sessions and 1 old failed sign-ins/);
    const left = await db.select({ idHash: sessions.idHash }).from(sessions);
    expect(left.map((r) => r.idHash)).not.toContain('idle');
    expect(left.map((r) => r.idHash)).not.toContain('old');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
    const failures = await db.select().from(loginFailures).where(eq(loginFailures.address, '10.9.9.9'));
    expect(failures).toHaveLength(1);
  });
});
