import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../calendar/index.js';
import {
  CREDIT_CODE_CHARS,
  REQUEST_DEADLINE_DEFAULTS,
  coverageRate,
  creditCodeCheckChar,
  creditCodeProblem,
  isCreditCode,
  lastExtensionDay,
  mayAskExtension,
  mergeProblem,
  mergedSources,
  requestDeadlines,
  requestStage,
  solvedRate,
  unvisited,
  type RequestSource,
} from './index.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('computes the check character by hand', () => {
    // 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21(M)·20+0·29+0·25+0·13+1·8+0·24+0·10+30(Y)·30+4·28 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    // Σ = 999, 999 mod 31 = 7, 31 − 7 = 24 → Q.
    expect(isCreditCode('91110108551385082Q')).toBe(true);
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('统一社会信用代码校验位错误（应为 3）');
    expect(creditCodeProblem('9135')).toBe('统一社会信用代码须为 18 位，实际为 4 位');
    expect(creditCodeProblem('91350100M000100YO3')).toContain('非法字符“O”');
    expect(creditCodeProblem('91350100m000100Y43')).toContain('非法字符“m”');
  });

  const body = fc.array(fc.constantFrom(...CREDIT_CODE_CHARS), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

  it('accepts every code completed with its check character, and refuses any other 18th character', () => {
    fc.assert(
      fc.property(body, fc.constantFrom(...CREDIT_CODE_CHARS), (first17, last) => {
        const check = creditCodeCheckChar(first17)!;
        expect(isCreditCode(first17 + check)).toBe(true);
        expect(isCreditCode(first17 + last)).toBe(last === check);
      }),
    );
  });

  it('catches every single-character change', () => {
    fc.assert(
      fc.property(body, fc.nat(16), fc.constantFrom(...CREDIT_CODE_CHARS), (first17, at, c) => {
        fc.pre(first17[at] !== c);
        const code = first17 + creditCodeCheckChar(first17)!;
        const changed = code.slice(0, at) + c + code.slice(at + 1);
        expect(isCreditCode(changed)).toBe(false);
      }),
    );
  });
});

// The 2026 calendar's 国庆: 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休).
const cal = workCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingWeekends: ['2026-09-20', '2026-10-10'],
});

describe('诉求 deadlines on the working calendar', () => {
  it('gives co-units 3 and the lead unit 7 working days, over the holiday and the 调休 Saturday', () => {
    // Dispatched Tuesday 29 September: 30 Sep (1), 8 Oct (2), 9 Oct (3) … Sat 10 Oct (4), 12 (5), 13 (6), 14 (7).
    expect(requestDeadlines(cal, '2026-09-29', REQUEST_DEADLINE_DEFAULTS)).toEqual({
      coUnits: '2026-10-09',
      lead: '2026-10-14',
    });
    expect(requestDeadlines(cal, '2026-09-29', { coUnitDays: 2, leadDays: 10, extensionNoticeDays: 1 })).toEqual({
      coUnits: '2026-10-08',
      lead: '2026-10-19',
    });
  });

  it('takes an extension request up to 1 working day before the deadline', () => {
    expect(lastExtensionDay(cal, '2026-10-14', REQUEST_DEADLINE_DEFAULTS)).toBe('2026-10-13');
    // Monday 12 October: the working day before it is the 调休 Saturday 10 October, not Sunday.
    expect(lastExtensionDay(cal, '2026-10-12', REQUEST_DEADLINE_DEFAULTS)).toBe('2026-10-10');
    // A deadline in the holiday counts back from 30 September.
    expect(lastExtensionDay(cal, '2026-10-05', REQUEST_DEADLINE_DEFAULTS)).toBe('2026-09-29');
    expect(mayAskExtension(cal, '2026-10-13', '2026-10-14', REQUEST_DEADLINE_DEFAULTS)).toBe(true);
    expect(mayAskExtension(cal, '2026-10-14', '2026-10-14', REQUEST_DEADLINE_DEFAULTS)).toBe(false);
  });
});

describe('诉求 closed loop and merging', () => {
  it('follows 登记 → 分派 → 办理 → 答复 → 评价 → 回访', () => {
    const f = { dispatched: false, ledgerState: null, rating: null, calledBack: false } as const;
    expect(requestStage(f)).toBe('registered');
    expect(requestStage({ ...f, dispatched: true, ledgerState: 'assigned' })).toBe('dispatched');
    expect(requestStage({ ...f, dispatched: true, ledgerState: 'in_progress' })).toBe('handling');
    expect(requestStage({ ...f, dispatched: true, ledgerState: 'close_requested' })).toBe('answered');
    expect(requestStage({ ...f, dispatched: true, ledgerState: 'closed', rating: 'satisfied' })).toBe('rated');
    expect(requestStage({ ...f, dispatched: true, ledgerState: 'closed', rating: 'satisfied', calledBack: true })).toBe(
      'called_back',
    );
  });

  it('refuses merges that would lose a source or cross enterprises', () => {
    const r = (
      id: number,
      extra: Partial<{ enterpriseId: number; mergedIntoId: number | null; dispatched: boolean }> = {},
    ) => ({
      id,
      enterpriseId: 1,
      mergedIntoId: null,
      dispatched: false,
      ...extra,
    });
    expect(mergeProblem(r(1), r(2))).toBeNull();
    expect(mergeProblem(r(1), r(1))).toBe('不能与自身合并');
    expect(mergeProblem(r(1, { mergedIntoId: 3 }), r(2))).toBe('该诉求已合并到其他诉求');
    expect(mergeProblem(r(1), r(2, { mergedIntoId: 3 }))).toContain('目标诉求已合并');
    expect(mergeProblem(r(1, { dispatched: true }), r(2))).toContain('已分派');
    expect(mergeProblem(r(1), r(2, { enterpriseId: 9 }))).toBe('只能合并同一企业的诉求');
  });

  it('keeps every source of a merge, once each, oldest first', () => {
    const source = fc.record({
      requestId: fc.integer({ min: 1, max: 40 }),
      channel: fc.constantFrom('visit' as const, 'hotline' as const),
      raisedOn: fc.constantFrom('2026-03-01', '2026-03-02', '2026-04-10'),
      raisedBy: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(source), fc.array(source), (own: RequestSource[], merged: RequestSource[]) => {
        const out = mergedSources(own, merged);
        const ids = new Set([...own, ...merged].map((s) => s.requestId));
        expect(new Set(out.map((s) => s.requestId))).toEqual(ids);
        expect(out.length).toBe(ids.size);
        for (let i = 1; i < out.length; i += 1) expect(out[i - 1]!.raisedOn <= out[i]!.raisedOn).toBe(true);
      }),
    );
  });
});

describe('coverage', () => {
  it('counts an enterprise unvisited when its last visit is N days ago or more', () => {
    expect(unvisited({ enterpriseId: 1, lastVisit: null }, '2026-06-30', 30)).toBe(true);
    expect(unvisited({ enterpriseId: 1, lastVisit: '2026-06-01' }, '2026-06-30', 30)).toBe(false);
    expect(unvisited({ enterpriseId: 1, lastVisit: '2026-05-31' }, '2026-06-30', 30)).toBe(true);
    const facts = [
      { enterpriseId: 1, lastVisit: '2026-06-20' },
      { enterpriseId: 2, lastVisit: null },
      { enterpriseId: 3, lastVisit: '2026-01-02' },
      { enterpriseId: 4, lastVisit: '2026-06-29' },
    ];
    expect(coverageRate(facts, '2026-06-30', 30)).toBe(0.5);
    expect(coverageRate([], '2026-06-30', 30)).toBeNull();
    expect(solvedRate(0, 0)).toBeNull();
    expect(solvedRate(8, 6)).toBe(0.75);
  });
});
