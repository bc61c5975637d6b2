import { describe, expect, it } from 'vitest';
import { WARNING_STATES } from './batch.js';
import {
  DEFAULT_POINTS_RULE,
  DEFAULT_RATIO_RULE,
  DEFAULT_THRESHOLDS,
  parseWarningRule,
  paceWarning,
  WARNING_STATE_LABELS,
} from './warning.js';

describe('warning lights: one word per state, the default thresholds once', () => {
  it('has one distinct word per light, and pending is 待报 (no figure in yet, not overdue)', () => {
    expect(WARNING_STATES.map((s) => WARNING_STATE_LABELS[s])).toEqual(['绿灯', '黄灯', '红灯', '逾期未报', '待报']);
    expect(new Set(Object.values(WARNING_STATE_LABELS)).size).toBe(WARNING_STATES.length);
    const notYet = paceWarning({
      item: 'x',
      kind: 'cumulative',
      lowerIsBetter: false,
      profile: { kind: 'linear' },
      annualTarget: '100',
      month: 3,
      actual: null,
      deadlinePassed: false,
      rule: DEFAULT_POINTS_RULE,
    });
    expect(notYet.state).toBe('pending');
  });
  it('defaults to 10 and 30 points behind pace, or half of pace', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ yellowFromPoints: '10', redFromPoints: '30', redBelowRatio: '0.5' });
    expect(() => parseWarningRule(DEFAULT_POINTS_RULE)).not.toThrow();
    expect(() => parseWarningRule(DEFAULT_RATIO_RULE)).not.toThrow();
  });
});
