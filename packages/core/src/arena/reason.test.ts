import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CRITERIA, parseArenaScheme } from './scheme.js';
import { appliedRuleStatement } from './rule.js';
import { checkSubmission, needsReason, reasonBounds, totalNeedsReason } from './submission.js';
import { parseDecimal } from '../number/index.js';

const scheme = parseArenaScheme({ criteria: DEFAULT_CRITERIA, groups: [{ id: '评委', weight: 1 }] });

describe('the judge’s reason bounds (one rule: served to phones, applied on submit)', () => {
  it('defaults to the full mark and 60 % of it', () => {
    expect(reasonBounds(scheme)).toEqual({ high: '100', low: '60' });
    expect(
      reasonBounds(
        parseArenaScheme({ criteria: DEFAULT_CRITERIA, groups: [{ id: 'g', weight: 1 }], reasonRule: null }),
      ),
    ).toBeNull();
  });
  it('asks a reason at or above the high line and below the low line, and not between (a swap is noticed)', () => {
    const b = reasonBounds(scheme);
    expect(needsReason(b, '100')).toBe(true);
    expect(needsReason(b, '99.5')).toBe(false);
    expect(needsReason(b, '60')).toBe(false);
    expect(needsReason(b, '59.999')).toBe(true);
    expect(needsReason(null, '100')).toBe(false);
  });
  it('the phone’s rule and the server’s agree on every total', () => {
    const b = reasonBounds(scheme);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (milli) => {
        const total = (milli / 1000).toFixed(3);
        expect(needsReason(b, total)).toBe(totalNeedsReason(scheme, parseDecimal(total, 't')));
      }),
    );
  });
  it('compares with the exact line: 3.1 × 0.333333 = 1.0333323, so 1.033332 is below it', () => {
    const odd = parseArenaScheme({
      criteria: [{ id: '实绩', max: '3.1' }],
      groups: [{ id: 'g', weight: 1 }],
      reasonRule: { atOrAbove: '0.333333', below: '0.333333' },
    });
    // The least total on or above each line, served to phones: ⌈1.0333323⌉ = 1.033333.
    expect(reasonBounds(odd)).toEqual({ high: '1.033333', low: '1.033333' });
    expect(totalNeedsReason(odd, parseDecimal('1.033332', 't'))).toBe(true); // below the low line
    expect(totalNeedsReason(odd, parseDecimal('1.033333', 't'))).toBe(true); // on or above the high line
    const narrow = parseArenaScheme({
      criteria: [{ id: '实绩', max: '3.1' }],
      groups: [{ id: 'g', weight: 1 }],
      reasonRule: { atOrAbove: '0.333333', below: '0.1' },
    });
    // Rounded to the nearest micro the high line would be 1.033332, and this total would need a reason.
    expect(totalNeedsReason(narrow, parseDecimal('1.033332', 't'))).toBe(false);
  });
  it('a submission outside the bounds without a reason is refused, naming both lines', () => {
    const full = { 实绩: 40, 举措: 30, 表现: 20, 作风: 10 };
    expect(() => checkSubmission(scheme, { criteria: full }, 's')).toThrow('达到 100 或低于 60');
    expect(checkSubmission(scheme, { criteria: full, reason: '表现突出' }, 's').total).toBe(parseDecimal(100, 't'));
  });
  it('the default criteria add up to 100', () => {
    expect(DEFAULT_CRITERIA.reduce((s, c) => s + c.max, 0)).toBe(100);
  });
});

describe('the rule the big screen states', () => {
  it('trims only the groups with at least five judges', () => {
    const groups = [
      { id: '领导评委', weight: 0.5 },
      { id: '专家评委', weight: 0.3 },
      { id: '群众代表', weight: 0.2 },
    ];
    const panel = ['领导评委', '领导评委', '领导评委', '领导评委', '领导评委', '专家评委', '群众代表', '群众代表'];
    expect(appliedRuleStatement({ criteria: DEFAULT_CRITERIA, groups }, panel)).toBe(
      '领导评委（5人）去掉一个最高分和一个最低分后取平均；专家评委（1人）、群众代表（2人）不足5人，取平均分；各组按权重加权',
    );
    expect(appliedRuleStatement({ criteria: DEFAULT_CRITERIA, groups: [groups[0]!] }, ['领导评委'])).toBe(
      '领导评委（1人）不足5人，取平均分',
    );
  });
});
