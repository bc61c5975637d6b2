import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SECURITY_POLICY as P,
  loginGate,
  passwordProblems,
  isCommonPassword,
  securityPolicyProblem,
  sessionAlive,
} from './index.js';

const now = new Date('2026-11-23T10:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('password policy', () => {
  it('accepts a long password with three classes', () => {
    expect(passwordProblems('Chengyang#2026', 'organiser', P)).toEqual([]);
  });
  it('refuses common passwords in disguise, the published demo password among them', () => {
    const common = '密码过于常见，容易被猜中，请换一个';
    for (const weak of ['Password1', 'P@ssw0rd', 'Admin@123', 'Qwer1234', 'Leitai@2026', 'Woaini@1314', '1qaz@WSX12']) {
      expect(passwordProblems(weak, 'someone', P), weak).toContain(common);
    }
    for (const fine of ['Chengyang#2026', 'Liuting-Jiedao7', '擂台擂台擂台A1', 'Xh7$kq2!Lm']) {
      expect(isCommonPassword(fine), fine).toBe(false);
    }
  });
  it('names each shortfall', () => {
    expect(passwordProblems('abc', 'x', P)).toEqual([
      '密码至少 8 位',
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
      '密码过于常见，容易被猜中，请换一个',
    ]);
    expect(passwordProblems('Zhangsan#2026', 'zhangsan', P)).toEqual(['密码不能包含用户名']);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('擂台擂台擂台A1', 'u', { ...P, passwordMinLength: 8 })).toEqual([]);
    expect(passwordProblems('擂台擂台擂A1', 'u', { ...P, passwordMinLength: 8 })).toEqual(['密码至少 8 位']);
  });
});

describe('login gate', () => {
  it('is open, then asks a challenge, then locks for the configured time', () => {
    expect(loginGate([ago(3), ago(2)], now, P)).toEqual({ kind: 'open' });
    expect(loginGate([ago(3), ago(2), ago(1)], now, P)).toEqual({ kind: 'challenge' });
    expect(loginGate([ago(5), ago(4), ago(3), ago(2), ago(1)], now, P)).toEqual({
      kind: 'locked',
      until: new Date(ago(1).getTime() + 15 * 60_000),
    });
  });
  it('from a shared address, backs off (30 s, 60 s, 120 s … at most the lock time) instead of locking', () => {
    const five = [ago(5), ago(4), ago(3), ago(2), ago(1)];
    // The fifth failure was a minute ago: the 30 s wait is over, a challenge is asked, no lock.
    expect(loginGate(five, now, P, true)).toEqual({ kind: 'challenge' });
    const justNow = new Date(now.getTime() - 10_000);
    expect(loginGate([...five.slice(1), justNow], now, P, true)).toEqual({
      kind: 'wait',
      until: new Date(justNow.getTime() + 30_000),
    });
    // The seventh failure waits 2 × 2 × 30 s = 120 s.
    const seven = [ago(7), ago(6), ago(5), ago(4), ago(3), ago(2), justNow];
    expect(loginGate(seven, now, P, true)).toEqual({ kind: 'wait', until: new Date(justNow.getTime() + 120_000) });
    // Never longer than the lock itself (15 minutes).
    const many = Array.from({ length: 30 }, () => justNow);
    expect(loginGate(many, now, P, true)).toEqual({ kind: 'wait', until: new Date(justNow.getTime() + 15 * 60_000) });
  });
  it('forgets failures older than the window', () => {
    expect(loginGate([ago(40), ago(30), ago(20), ago(16), ago(1)], now, P)).toEqual({ kind: 'open' });
  });
  it('never locks before it has asked for a challenge (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), (minutes) => {
        const failures = minutes.map(ago);
        const rank = { open: 0, challenge: 1, wait: 2, locked: 3 } as const;
        return [false, true].every((shared) => {
          const gate = loginGate(failures, now, P, shared);
          const fewer = loginGate(failures.slice(0, -1), now, P, shared);
          // Removing one failure never makes the gate stricter, and a shared address is never locked.
          return rank[fewer.kind] <= rank[gate.kind] && !(shared && gate.kind === 'locked');
        });
      }),
    );
  });
});

describe('sessions and policy', () => {
  it('expires on idle and on absolute lifetime', () => {
    expect(sessionAlive(ago(60), ago(29), now, P)).toBe(true);
    expect(sessionAlive(ago(60), ago(31), now, P)).toBe(false);
    expect(sessionAlive(ago(12 * 60 + 1), ago(1), now, P)).toBe(false);
  });
  it('refuses a policy whose challenge comes after the lock', () => {
    expect(securityPolicyProblem({ ...P, challengeAfterFailures: 5 })).toMatch('验证码');
    expect(securityPolicyProblem(P)).toBeNull();
  });
});
