import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { urgeProblem, urgeSentence } from './urge.js';

describe('催办', () => {
  it('urges only an open overdue item', () => {
    expect(urgeProblem({ subject: 'ledger_item', closed: false, daysOverdue: 3 })).toBeNull();
    expect(urgeProblem({ subject: 'ledger_item', closed: false, daysOverdue: 0 })).toBe('事项尚未逾期，不能催办');
    expect(urgeProblem({ subject: 'ledger_item', closed: true, daysOverdue: 3 })).toBe('事项已销号，无需催办');
  });
  it('urges a report not filed past its deadline', () => {
    const r = (state: 'none' | 'draft' | 'returned' | 'submitted' | 'accepted', today: string) =>
      urgeProblem({ subject: 'report', state, deadline: '2026-03-10', today });
    expect(r('none', '2026-03-11')).toBeNull();
    expect(r('draft', '2026-03-11')).toBeNull();
    expect(r('returned', '2026-03-11')).toBeNull();
    expect(r('none', '2026-03-10')).toBe('尚未到报送截止日期，不能催报');
    expect(r('submitted', '2026-03-11')).toBe('报表已报送，无需催报');
  });
  it('says it as an office writes it, most urged first', () => {
    expect(
      urgeSentence([
        { unitName: '区住建局', count: 2 },
        { unitName: '区城管局', count: 3 },
        { unitName: '区水务局', count: 0 },
      ]),
    ).toBe('本期共催办 5 次，涉及 2 个单位：区城管局 3 次、区住建局 2 次。');
    expect(urgeSentence([])).toBeNull();
  });
  it('the total is the sum of the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ unitName: fc.string({ maxLength: 3 }), count: fc.nat(9) })), (rows) => {
        const s = urgeSentence(rows);
        const total = rows.reduce((n, r) => n + r.count, 0);
        expect(s === null).toBe(total === 0);
        if (s) expect(s.startsWith(`本期共催办 ${total} 次`)).toBe(true);
      }),
    );
  });
});
