import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paceWarning, type IndicatorKind, type WarningRule } from '../pace/index.js';
import { liveWarning, progressSentence, refreshProgress } from './sentence.js';

const points: WarningRule = { kind: 'pointsBehind', yellowFromPoints: '10', redFromPoints: '30' };
const row = (
  name: string,
  measure: string,
  kind: IndicatorKind,
  base: string,
  actual: string | null,
  month: number,
  rule: WarningRule = points,
) => ({
  name,
  measure,
  kind,
  base,
  warning:
    actual === null
      ? null
      : paceWarning({
          item: name,
          kind,
          profile: { kind: 'linear' },
          annualTarget: base,
          month,
          actual,
          deadlinePassed: false,
          rule,
        }),
});

describe('the generated 进展 sentence', () => {
  it('speaks of the cumulative figure against the annual target and pace, rounded once', () => {
    // 12.3 of 27 by May: 45.555…% of the year against 41.666…% due: 3.89 points ahead.
    expect(progressSentence(5, [row('固定资产投资', '亿元', 'cumulative', '27', '12.3', 5)])).toBe(
      '1—5月完成固定资产投资12.3亿元，完成年度目标的45.56%，超序时进度3.89个百分点。',
    );
    expect(progressSentence(6, [row('签约项目', '个', 'cumulative', '12', '4', 6)])).toBe(
      '1—6月完成签约项目4个，完成年度目标的33.33%，落后序时进度16.67个百分点。',
    );
    expect(progressSentence(1, [row('签约项目', '个', 'cumulative', '12', '1', 1)])).toBe(
      '1月完成签约项目1个，完成年度目标的8.33%，与序时进度持平。',
    );
  });
  it('a rate or growth figure is the month’s value against its target; the ratio rule says the share of pace', () => {
    expect(progressSentence(5, [row('固定资产投资增长', '%', 'growth', '10', '4.5', 5)])).toBe(
      '5月固定资产投资增长4.5%（目标10%）。',
    );
    const ratio: WarningRule = { kind: 'ratio', redBelowRatio: '0.5' };
    expect(progressSentence(6, [row('签约项目', '个', 'cumulative', '12', '3', 6, ratio)])).toBe(
      '1—6月完成签约项目3个，完成年度目标的25%，为序时进度的50.0%。',
    );
  });
  it('joins indicators and leaves out those without a figure', () => {
    expect(
      progressSentence(2, [
        row('签约项目', '个', 'cumulative', '12', '2', 2),
        row('增长', '%', 'growth', '8', null, 2),
      ]),
    ).toBe('1—2月完成签约项目2个，完成年度目标的16.67%，与序时进度持平。');
    expect(progressSentence(2, [row('增长', '%', 'growth', '8', null, 2)])).toBe('');
  });
});

describe('refreshing the 进展 text', () => {
  it('swaps the generated opening, fills an empty text, keeps a rewritten one', () => {
    expect(refreshProgress('', '', 'A。')).toBe('A。');
    expect(refreshProgress('A。重点项目开工。', 'A。', 'B。')).toBe('B。重点项目开工。');
    expect(refreshProgress('我们写的。', 'A。', 'B。')).toBe('我们写的。');
  });
  it('never loses what was typed after the generated sentence', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (prev, tail, next) => {
        const text = prev + tail;
        const out = refreshProgress(text, prev, next);
        expect(out.endsWith(tail) || text.trim() === '').toBe(true);
      }),
    );
  });
});

describe('the light of a figure being typed', () => {
  const input = {
    item: '签约项目',
    kind: 'cumulative' as const,
    profile: { kind: 'linear' as const },
    annualTarget: '12',
    month: 6,
    rule: points,
  };
  it('is the board’s light for the typed figure, none while blank or half-typed', () => {
    expect(liveWarning(input, '6')?.state).toBe('green');
    expect(liveWarning(input, '4')?.state).toBe('yellow');
    expect(liveWarning(input, '1,0')?.state).toBe('green'); // 10, with a thousands comma
    expect(liveWarning(input, '2')?.state).toBe('red');
    expect(liveWarning(input, '')).toBeNull();
    expect(liveWarning(input, '十二')).toBeNull();
  });
});
