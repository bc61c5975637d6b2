import { describe, expect, it } from 'vitest';
import { judgingAction, judgingOrder } from './judging.js';

describe('a judge home', () => {
  it('serves what the judge may do next', () => {
    expect(judgingAction({ status: 'draft' })).toBe('wait');
    expect(judgingAction({ status: 'live' })).toBe('score');
    expect(judgingAction({ status: 'finished' })).toBe('done');
  });
  it("lists today's arenas first, then the coming ones, then the past ones latest first", () => {
    const a = (id: number, heldOn: string) => ({ id, heldOn });
    const out = judgingOrder(
      [
        a(1, '2026-03-01'),
        a(2, '2026-05-01'),
        a(3, '2026-04-10'),
        a(4, '2026-04-20'),
        a(5, '2026-03-20'),
        a(6, '2026-04-10'),
      ],
      '2026-04-10',
    );
    expect(out.map((x) => x.id)).toEqual([3, 6, 4, 2, 5, 1]);
  });
});
