import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { workCalendar } from '../calendar/index.js';
import {
  DEFAULT_QUIET_RULES,
  MAX_DELIVERY_ATTEMPTS,
  ROBOT_LIMIT,
  base64,
  deliverAfter,
  digestMarkdown,
  dingTalkSign,
  dingTalkSignedUrl,
  nextTokenAt,
  noticeMarkdown,
  planBatch,
  retryDelay,
  smsText,
  takeTokens,
  tokensLeft,
  truncateUtf8,
  utf8Length,
  withKeyword,
} from './index.js';
import { isQuietMinute } from './quiet.js';

const MIN = 60_000;

describe('robot token bucket', () => {
  it('gives 20 tokens, then one back a minute after each send', () => {
    const t0 = 1_000_000;
    const first = takeTokens([], t0, 25);
    expect(first.taken).toBe(20);
    expect(tokensLeft(first.bucket, t0 + 59_999)).toBe(0);
    expect(nextTokenAt(first.bucket, t0 + 1000)).toBe(t0 + MIN);
    expect(tokensLeft(first.bucket, t0 + MIN)).toBe(20);
    const later = takeTokens(first.bucket, t0 + 30_000, 1);
    expect(later.taken).toBe(0);
  });

  it('spreads tokens over the window: 5 at t, 15 at t+30s, 5 back at t+60s', () => {
    let b = takeTokens([], 0, 5).bucket;
    b = takeTokens(b, 30_000, 15).bucket;
    expect(tokensLeft(b, 59_999)).toBe(0);
    expect(tokensLeft(b, 60_000)).toBe(5);
    expect(nextTokenAt(b, 40_000)).toBe(60_000);
  });

  it('a clock stepped back frees nothing', () => {
    const b = takeTokens([], 100_000, 20).bucket;
    expect(takeTokens(b, 0, 1).taken).toBe(0);
  });

  it('never lets more than 20 through in any minute (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 30 })), { maxLength: 60 }),
        (steps) => {
          let bucket: number[] = [];
          let now = 0;
          const sent: number[] = [];
          for (const [dt, want] of steps) {
            now += dt;
            const r = takeTokens(bucket, now, want);
            for (let i = 0; i < r.taken; i++) sent.push(now);
            bucket = r.bucket;
            expect(bucket.length).toBeLessThanOrEqual(ROBOT_LIMIT.capacity);
          }
          for (const s of sent) expect(sent.filter((t) => t >= s && t < s + MIN).length).toBeLessThanOrEqual(20);
        },
      ),
    );
  });
});

describe('digest merging', () => {
  it('sends singles while they fit, else merges the rest into the last token', () => {
    expect(planBatch(3, 20)).toEqual({ singles: 3, digest: 0 });
    expect(planBatch(20, 20)).toEqual({ singles: 20, digest: 0 });
    expect(planBatch(30, 20)).toEqual({ singles: 19, digest: 11 });
    expect(planBatch(30, 1)).toEqual({ singles: 0, digest: 30 });
    expect(planBatch(5, 0)).toEqual({ singles: 0, digest: 0 });
  });

  it('never uses more tokens than there are and covers every message when it sends (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 }), (pending, tokens) => {
        const { singles, digest } = planBatch(pending, tokens);
        expect(singles + (digest > 0 ? 1 : 0)).toBeLessThanOrEqual(tokens);
        if (tokens > 0) expect(singles + digest).toBe(pending);
        else expect(singles + digest).toBe(0);
      }),
    );
  });

  it('lists the notices, with links, and says how many more did not fit', () => {
    const ns = [
      { title: '逾期未报：3 月调度', body: '', link: '/dispatch/report/3/2026-03' },
      { title: '督办事项已到期', body: 'x', link: null },
    ];
    expect(digestMarkdown(ns, 'https://kh.example.gov.cn/', 4096)).toBe(
      '**通知汇总（2 条）**\n- [逾期未报：3 月调度](https://kh.example.gov.cn/dispatch/report/3/2026-03)\n- 督办事项已到期',
    );
    const many = Array.from({ length: 400 }, (_, i) => ({ title: `第${i}条通知标题较长一些`, body: '', link: null }));
    const text = digestMarkdown(many, null, 4096);
    expect(utf8Length(text)).toBeLessThanOrEqual(4096);
    expect(text).toMatch(/…另有 \d+ 条，请登录平台查看$/);
  });
});

describe('UTF-8 truncation (企业微信 markdown, 4,096 bytes)', () => {
  it('counts bytes: ASCII 1, Chinese 3, emoji 4', () => {
    expect(utf8Length('ab')).toBe(2);
    expect(utf8Length('擂台')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('é')).toBe(2);
  });

  it('cuts between characters and marks the cut', () => {
    expect(truncateUtf8('擂台赛', 9)).toBe('擂台赛');
    expect(truncateUtf8('擂台赛', 8)).toBe('擂…'); // 3 + 3 (…) fits, 擂台 + … would be 9
    expect(truncateUtf8('ab😀cd', 7)).toBe('ab…');
    expect(truncateUtf8('abc', 2)).toBe('');
  });

  it('never exceeds the limit and never splits a character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 0, max: 5000 }), (s, max) => {
        const cut = truncateUtf8(s, max);
        expect(utf8Length(cut)).toBeLessThanOrEqual(Math.max(max, 0));
        const kept = cut.endsWith('…') && cut !== s ? cut.slice(0, -1) : cut;
        expect(s.startsWith(kept)).toBe(true);
        // No lone high surrogate at the cut.
        if (kept.length > 0) {
          const last = kept.charCodeAt(kept.length - 1);
          const wasPair = last >= 0xd800 && last <= 0xdbff && s.length > kept.length;
          expect(wasPair && s.charCodeAt(kept.length) >= 0xdc00 && s.charCodeAt(kept.length) <= 0xdfff).toBe(false);
        }
      }),
    );
  });

  it('a notice in markdown stays within 4,096 bytes', () => {
    const md = noticeMarkdown(
      { title: '标题', body: '长'.repeat(5000), link: '/ledger/items/1' },
      'https://a.cn',
      4096,
    );
    expect(utf8Length(md)).toBeLessThanOrEqual(4096);
    expect(noticeMarkdown({ title: '标题', body: '第一行\n第二行', link: '/x' }, 'https://a.cn', 4096)).toBe(
      '**标题**\n> 第一行\n> 第二行\n[查看详情](https://a.cn/x)',
    );
  });
});

describe('钉钉 signature and keywords', () => {
  it('signs "<timestamp>\\n<secret>" with HMAC-SHA256, Base64 (vectors from openssl)', () => {
    // printf '1577262236757\nSEC' | openssl dgst -sha256 -hmac 'SEC' -binary | base64
    expect(dingTalkSign(1577262236757, 'SEC')).toBe('FCrkybxczqYG4jomAMzHQsyxBVrxsDxfRW1CGgX+1rk=');
    expect(dingTalkSign(1700000000000, 'SECabc')).toBe('jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=');
  });

  it('appends timestamp and the URL-encoded sign to the webhook', () => {
    expect(dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 1577262236757, 'SEC')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1577262236757&sign=FCrkybxczqYG4jomAMzHQsyxBVrxsDxfRW1CGgX%2B1rk%3D',
    );
    expect(dingTalkSignedUrl('https://x/robot/send?access_token=t', 1, null)).toBe(
      'https://x/robot/send?access_token=t',
    );
  });

  it('puts a keyword in front when the text holds none', () => {
    expect(withKeyword('逾期提醒', ['督办', '提醒'])).toBe('逾期提醒');
    expect(withKeyword('报告已退回', ['督办'])).toBe('【督办】报告已退回');
    expect(withKeyword('x', [])).toBe('x');
  });

  it('Base64 pads as the standard does', () => {
    expect(base64(new Uint8Array([102]))).toBe('Zg==');
    expect(base64(new Uint8Array([102, 111]))).toBe('Zm8=');
    expect(base64(new Uint8Array([102, 111, 111]))).toBe('Zm9v');
  });
});

describe('quiet hours, weekends and holidays', () => {
  // 2026-10-01..08 are 国庆 holidays; 2026-10-10 (Saturday) is a 调休 working day.
  const cal = workCalendar({
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
    workingWeekends: ['2026-10-10'],
  });
  const at = (local: string) => Date.parse(`${local}+08:00`);

  it('sends at once in working hours on a working day', () => {
    expect(deliverAfter(at('2026-09-29T10:00:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-09-29T10:00:00'));
  });

  it('holds a night message till 08:00 the next working day', () => {
    expect(deliverAfter(at('2026-09-29T21:30:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-09-30T08:00:00'));
    expect(deliverAfter(at('2026-09-30T06:59:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-09-30T08:00:00'));
  });

  it('holds a holiday message till the first working day, a 调休 Saturday included', () => {
    expect(deliverAfter(at('2026-09-30T20:00:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-10-09T08:00:00'));
    expect(deliverAfter(at('2026-10-09T20:01:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-10-10T08:00:00'));
    expect(deliverAfter(at('2026-10-10T20:01:00'), cal, DEFAULT_QUIET_RULES, false)).toBe(at('2026-10-12T08:00:00'));
  });

  it('lets an urgent message through at night and on holidays', () => {
    expect(deliverAfter(at('2026-10-01T03:00:00'), cal, DEFAULT_QUIET_RULES, true)).toBe(at('2026-10-01T03:00:00'));
  });

  it('keeps weekends open when told to, and no quiet hours when start equals end', () => {
    const open = { start: 0, end: 0, holdOnDaysOff: false };
    expect(deliverAfter(at('2026-10-01T03:00:00'), cal, open, false)).toBe(at('2026-10-01T03:00:00'));
  });

  it('never delivers earlier than asked, never in quiet hours or on a day off (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-09-01T00:00:00'), max: at('2026-11-30T00:00:00') }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (t, start, end) => {
          const rules = { start, end, holdOnDaysOff: true };
          const out = deliverAfter(t, cal, rules, false);
          expect(out).toBeGreaterThanOrEqual(t);
          const local = new Date(out + 480 * MIN);
          const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
          expect(isQuietMinute(minute, rules)).toBe(false);
          expect(cal.isWorkingDay(local.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});

describe('retries', () => {
  it('waits 30 s, 2 min, 10 min, 30 min, 1 h, then sets the message aside', () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([30_000, 120_000, 600_000, 1_800_000, 3_600_000, null]);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
  });

  it('the pause never shrinks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (n) => {
        expect(retryDelay(n + 1)!).toBeGreaterThan(retryDelay(n)!);
      }),
    );
  });
});

describe('SMS text', () => {
  it('is title and body, at most 300 characters', () => {
    expect(smsText({ title: '逾期未报', body: '请尽快报送', link: null })).toBe('逾期未报：请尽快报送');
    expect([...smsText({ title: 'a', body: '长'.repeat(400), link: null })]).toHaveLength(300);
  });
});
