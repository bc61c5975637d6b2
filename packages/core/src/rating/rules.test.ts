import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/index.js';
import {
  allowedRatingActions,
  badRatingState,
  burstReason,
  DEFAULT_RATING_SETTINGS,
  emptyRatingCounts,
  followUpOpen,
  maskPhone,
  PHONE_CODE_RULES,
  phoneCodeRefusal,
  phoneCodeVerdict,
  rateOf,
  ratingCounts,
  ratingFigures,
  ratingPeriodStart,
  ratingState,
  type BadRatingFacts,
} from './rules.js';

const rule = DEFAULT_RATING_SETTINGS.burst;

describe('rating rules', () => {
  it('a period starts on a fixed day and holds every day until the next start', () => {
    expect(ratingPeriodStart('2026-12-02', 1)).toBe('2026-12-02');
    // 7-day periods are counted from 1970-01-01 (a Thursday): 2026-11-26 … 2026-12-02 share a start.
    expect(ratingPeriodStart('2026-11-26', 7)).toBe('2026-11-26');
    expect(ratingPeriodStart('2026-12-02', 7)).toBe('2026-11-26');
    expect(ratingPeriodStart('2026-12-03', 7)).toBe('2026-12-03');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 1, max: 60 }), (day, len) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const start = dayNumber(ratingPeriodStart(date, len));
        return start <= day && day - start < len && start % len === 0;
      }),
    );
  });

  it('masks a phone to its first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('123')).toBe('****');
  });

  it('flags a point far above its normal rate, and many from one address range', () => {
    // Normal: 60 ratings over 30 windows = 2 a window; factor 5 → more than 10 is a burst, but at least 20.
    const history = { count: 60, windows: 30 };
    expect(burstReason({ pointInWindow: 19, history, rangeInWindow: 1 }, rule)).toBeNull();
    expect(burstReason({ pointInWindow: 20, history, rangeInWindow: 1 }, rule)).toMatch(/远高于/);
    // A busy hall: normal 10 a window → 50 is still normal.
    expect(burstReason({ pointInWindow: 50, history: { count: 300, windows: 30 }, rangeInWindow: 1 }, rule)).toBeNull();
    expect(burstReason({ pointInWindow: 51, history: { count: 300, windows: 30 }, rangeInWindow: 1 }, rule)).toMatch(
      /远高于/,
    );
    expect(
      burstReason({ pointInWindow: 16, history: { count: 300, windows: 30 }, rangeInWindow: 15 }, rule),
    ).toBeNull();
    expect(burstReason({ pointInWindow: 16, history: { count: 300, windows: 30 }, rangeInWindow: 16 }, rule)).toMatch(
      /同一网段/,
    );
  });

  it('computes the figures offices report, exactly, rounding once', () => {
    const f = ratingFigures({
      total: 3,
      good: 2,
      bad: 1,
      badRectified: 0,
      realNameBad: 0,
      realNameCalledBack: 0,
      realNameCalledBackRectified: 0,
      points: 5 + 4 + 2,
    });
    expect(f.goodRate).toEqual({ value: '66.666667', fraction: '0.666667', shown: '66.67' });
    expect(f.badRate).toEqual({ value: '33.333333', fraction: '0.333333', shown: '33.33' });
    expect(f.rectifiedRate).toEqual({ value: '0', fraction: '0', shown: '0.00' });
    expect(f.callbackRate).toEqual({ value: null, fraction: null, shown: '—' });
    expect(f.averagePoints.value).toBe('3.666667');
    expect(f.averagePoints.shown).toBe('3.67');
    // 2 of 3 is 66.666…%: the shown figure rounds the exact share, not the 6-place one (no double rounding).
    const g = ratingFigures({ ...emptyRatingCounts(), total: 8, good: 7 });
    expect(g.goodRate).toEqual({ value: '87.5', fraction: '0.875', shown: '87.50' });
  });

  it('names each state of a bad rating once, from its facts', () => {
    const base: BadRatingFacts = { review: 'none', appeal: 'none', itemState: 'assigned', followUp: 'none' };
    expect(badRatingState(base)).toBe('open');
    expect(badRatingState({ ...base, review: 'held', itemState: null })).toBe('held');
    expect(badRatingState({ ...base, itemState: 'close_requested' })).toBe('answered');
    expect(badRatingState({ ...base, itemState: 'closed', followUp: 'satisfied' })).toBe('satisfied');
    expect(badRatingState({ ...base, itemState: 'in_progress', followUp: 'unsatisfied' })).toBe('reopened');
    expect(badRatingState({ ...base, appeal: 'pending' })).toBe('appealed');
    expect(badRatingState({ ...base, appeal: 'upheld' })).toBe('excluded');
    // Any rating: a bad one rejected as stuffing is 认定刷评, not 整改中; a plain good one is counted.
    expect(ratingState({ ...base, review: 'rejected', itemState: null }, true)).toBe('rejected');
    expect(ratingState({ ...base, review: 'held', itemState: null }, false)).toBe('held');
    expect(ratingState({ ...base, itemState: null }, false)).toBe('counted');
    expect(ratingState(base, true)).toBe('open');
    expect(ratingCounts({ review: 'held', appeal: 'none' })).toBe(false);
    expect(ratingCounts({ review: 'released', appeal: 'refused' })).toBe(true);
    expect(ratingCounts({ review: 'none', appeal: 'upheld' })).toBe(false);
    expect(followUpOpen({ ...base, itemState: 'close_requested' })).toBe(true);
    expect(followUpOpen({ ...base, itemState: 'in_progress' })).toBe(false);
    expect(followUpOpen({ ...base, itemState: 'closed', followUp: 'unsatisfied' })).toBe(false);
  });

  it('lets the rated unit call back and appeal, and only the office decide', () => {
    const bad = {
      review: 'none',
      appeal: 'none',
      itemState: 'assigned',
      followUp: 'none',
      bad: true,
      hasPhone: true,
      calledBack: false,
    } as const;
    expect(allowedRatingActions(bad, 'unit')).toEqual(['reveal_phone', 'callback', 'appeal']);
    expect(allowedRatingActions(bad, 'office')).toEqual([]);
    expect(allowedRatingActions(bad, 'reader')).toEqual([]);
    expect(allowedRatingActions({ ...bad, appeal: 'pending' }, 'office')).toEqual(['decide_appeal']);
    expect(allowedRatingActions({ ...bad, appeal: 'pending' }, 'unit')).toEqual(['reveal_phone', 'callback']);
    expect(allowedRatingActions({ ...bad, review: 'held' }, 'office')).toEqual(['release', 'reject']);
    expect(allowedRatingActions({ ...bad, review: 'held' }, 'unit')).toEqual([]);
  });
});

describe('SMS verification codes', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  it('one a minute, five an hour per number', () => {
    expect(phoneCodeRefusal({ inLastHour: 0, lastAt: null }, now)).toBeNull();
    expect(phoneCodeRefusal({ inLastHour: 1, lastAt: ago(59) }, now)).toMatch(/60 秒后/);
    expect(phoneCodeRefusal({ inLastHour: 4, lastAt: ago(60) }, now)).toBeNull();
    expect(phoneCodeRefusal({ inLastHour: PHONE_CODE_RULES.perHour, lastAt: ago(600) }, now)).toMatch(/次数过多/);
  });
  it('a code verifies once, unexpired, with tries left; a wrong try counts', () => {
    const live = { expiresAt: new Date(now.getTime() + 1000), attempts: 0, usedAt: null };
    expect(phoneCodeVerdict(live, true, now)).toEqual({ ok: true });
    expect(phoneCodeVerdict(live, false, now)).toEqual({ ok: false, message: '验证码不正确', countAttempt: true });
    expect(phoneCodeVerdict(null, true, now)).toMatchObject({ ok: false, message: '请先获取短信验证码' });
    expect(phoneCodeVerdict({ ...live, usedAt: now }, true, now)).toMatchObject({ ok: false, countAttempt: false });
    expect(phoneCodeVerdict({ ...live, expiresAt: now }, true, now)).toMatchObject({
      message: '验证码已过期，请重新获取',
    });
    expect(phoneCodeVerdict({ ...live, attempts: 5 }, true, now)).toMatchObject({
      message: '验证码错误次数过多，请重新获取',
    });
  });
});

describe('rateOf', () => {
  it('rounds the share once', () => {
    expect(rateOf(2, 3)).toEqual({ value: '66.666667', fraction: '0.666667', shown: '66.67' });
    expect(rateOf(1, 0)).toEqual({ value: null, fraction: null, shown: '—' });
  });
});
