import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ONE } from '../number/decimal.js';
import { compareRatio, shownRatio } from '../number/rational.js';
import {
  DEFAULT_REWARD_LEVELS,
  DEFAULT_SUGGESTION_CRITERIA,
  maxTotal,
  rewardProblem,
  scoreSheetProblem,
  sheetTotal,
  suggestionActions,
  topSuggestions,
} from './index.js';

const m = (x: number) => Math.round(x * ONE);

describe('score sheets against the round’s criteria', () => {
  it('takes a full sheet within the maxima and totals it exactly', () => {
    const sheet = { innovation: '25.5', feasibility: '38', benefit: '27.25' };
    expect(scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, sheet)).toBeNull();
    expect(sheetTotal(DEFAULT_SUGGESTION_CRITERIA, sheet)).toBe(m(90.75));
    expect(maxTotal(DEFAULT_SUGGESTION_CRITERIA)).toBe(m(100));
  });
  it('names the missing, the excessive, the unknown and the malformed', () => {
    expect(scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, { innovation: '20', feasibility: '30' })).toBe(
      '请为“效益性”打分',
    );
    expect(scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, { innovation: '31', feasibility: '30', benefit: '1' })).toBe(
      '“创新性”的分数须在 0 到 30 之间',
    );
    expect(scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, { innovation: '-1', feasibility: '30', benefit: '1' })).toBe(
      '“创新性”的分数须在 0 到 30 之间',
    );
    expect(
      scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, { innovation: '1', feasibility: '30', benefit: '1', x: '1' }),
    ).toBe('评分项“x”不在本轮评分标准中');
    expect(scoreSheetProblem(DEFAULT_SUGGESTION_CRITERIA, { innovation: 'abc', feasibility: '30', benefit: '1' })).toBe(
      '“创新性”的分数“abc”不是有效的数值',
    );
  });
});

describe('top N of a round', () => {
  it('ranks on the exact mean and keeps a tie across the N-th place together', () => {
    // a: (90+91+92)/3 = 91; b: (91+91)/2 = 91; c: 260/3 = 86.67; d: 86.666666 (a rounded copy of c); e unscored.
    const out = topSuggestions(
      [
        { id: 'c', totals: [m(86), m(87), m(87)] },
        { id: 'a', totals: [m(90), m(91), m(92)] },
        { id: 'e', totals: [] },
        { id: 'd', totals: [86_666_666] },
        { id: 'b', totals: [m(91), m(91)] },
      ],
      1,
    );
    expect(out.map((r) => [r.id, r.rank, r.chosen])).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 3, false],
      ['d', 4, false],
      ['e', null, false],
    ]);
    // 260/3 is not 86.666666: the mean is never rounded before it is compared.
    expect(shownRatio(out[2]!.score!)).toBe('86.67');
    expect(out[0]!.tiedWith).toBe(2);
  });

  const round = fc.array(
    fc.record({
      totals: fc.array(
        fc.integer({ min: 0, max: 10 }).map((x) => x * 10 * ONE),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 25 },
  );
  const items = (r: { totals: number[] }[]) => r.map((x, i) => ({ id: `s${String(i).padStart(2, '0')}`, ...x }));

  it('never splits equal scores, and every chosen idea scores at least every idea left out', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 0, max: 30 }), (r, n) => {
        const out = topSuggestions(items(r), n);
        const chosen = out.filter((o) => o.chosen);
        const left = out.filter((o) => !o.chosen && o.score !== null);
        for (const c of chosen) for (const l of left) expect(compareRatio(c.score!, l.score!)).toBeGreaterThan(0);
        const scored = out.filter((o) => o.score !== null).length;
        expect(chosen.length).toBeGreaterThanOrEqual(Math.min(n, scored));
        // More than N only through a tie at the boundary: dropping the last tie group leaves fewer than N.
        if (chosen.length > n) {
          const last = chosen[chosen.length - 1]!;
          expect(chosen.length - last.tiedWith).toBeLessThan(n);
        }
        expect(out.every((o) => o.score !== null || !o.chosen)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order ideas were submitted in', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 0, max: 30 }), fc.integer(), (r, n, seed) => {
        const list = items(r);
        const shuffled = [...list].sort(
          (a, b) => ((a.id.charCodeAt(2) * seed) % 7) - ((b.id.charCodeAt(2) * seed) % 7),
        );
        expect(topSuggestions(shuffled, n)).toEqual(topSuggestions(list, n));
      }),
      { numRuns: 300 },
    );
  });
});

describe('rewards and actions', () => {
  it('refuses a level that is full or unknown', () => {
    expect(rewardProblem(DEFAULT_REWARD_LEVELS, 'special', 0)).toBeNull();
    expect(rewardProblem(DEFAULT_REWARD_LEVELS, 'special', 1)).toBe('“特等奖”名额已满（共 1 名）');
    expect(rewardProblem(DEFAULT_REWARD_LEVELS, 'gold', 0)).toBe('本轮没有这个奖励等级');
  });
  it('offers the office and the reviewer what each may do', () => {
    const base = { reviewers: 2, isReviewer: false, manages: true };
    expect(suggestionActions({ ...base, status: 'reviewing' })).toEqual(['assign', 'adopt', 'reject']);
    expect(suggestionActions({ ...base, status: 'adopted' })).toEqual(['reward']);
    expect(suggestionActions({ ...base, status: 'rejected' })).toEqual([]);
    expect(suggestionActions({ status: 'reviewing', reviewers: 1, isReviewer: true, manages: false })).toEqual([
      'score',
    ]);
  });
});
