import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyHostAction,
  automaticRecusals,
  ContestStateError,
  drawOrder,
  fnv1a,
  initialHostState,
  mergeRecusals,
  mulberry32,
  scoringOpen,
  timerRemainingMs,
  type HostAction,
  type HostState,
} from './index.js';

const fnv1aBytes = (bytes: number[]): number => bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);

describe('drawOrder', () => {
  it('is a permutation, the same for the same seed and independent of input order', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        (seed, ids) => {
          const a = drawOrder(seed, ids);
          expect([...a].sort()).toEqual([...ids].sort());
          expect(drawOrder(seed, [...ids].reverse())).toEqual(a);
        },
      ),
    );
  });

  it('matches the published algorithm (known vectors, so other implementations can check themselves)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('擂台')).toBe(fnv1aBytes([0xe6, 0x93, 0x82, 0xe5, 0x8f, 0xb0]));
    const next = mulberry32(0);
    expect([next(), next(), next()]).toEqual([1144304738, 1416247, 958946056]);
    expect(drawOrder('000', ['1', '2', '3', '4', '5', '6', '7', '8'])).toEqual([
      '4',
      '6',
      '8',
      '7',
      '1',
      '3',
      '5',
      '2',
    ]);
  });

  it('gives different orders for different seeds and spreads first places evenly', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const first = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1) {
      const o = drawOrder(`seed-${i}`, ids);
      first.set(o[0]!, (first.get(o[0]!) ?? 0) + 1);
    }
    for (const id of ids) expect(first.get(id)).toBeGreaterThan(850);
  });
});

describe('host state machine', () => {
  const run = (actions: HostAction[], start = initialHostState(['A', 'B'])): HostState =>
    actions.reduce((s, a, i) => applyHostAction(s, a, 1000 * (i + 1)), start);

  it('walks an arena from start to finish', () => {
    const s = run([{ type: 'start' }, { type: 'call' }, { type: 'timerStart' }, { type: 'open' }]);
    expect(s.current).toBe('A');
    expect(scoringOpen(s, 'A')).toBe(true);
    expect(scoringOpen(s, 'B')).toBe(false);
    expect(s.timer).toEqual({ elapsedMs: 1000, startedAt: null });
    const done = run(
      [
        { type: 'close' },
        { type: 'reveal' },
        { type: 'call' },
        { type: 'open' },
        { type: 'close' },
        { type: 'finish' },
      ],
      s,
    );
    expect(done.status).toBe('finished');
    expect(done.phases).toEqual({ A: 'revealed', B: 'closed' });
  });

  it('refuses actions out of turn with a message', () => {
    expect(() => run([{ type: 'call' }])).toThrow('擂台赛尚未开始');
    expect(() => run([{ type: 'start' }], initialHostState([]))).toThrow('请先抽签');
    expect(() => run([{ type: 'start' }, { type: 'call' }, { type: 'open' }, { type: 'call' }])).toThrow(
      '评分尚未截止',
    );
    expect(() => run([{ type: 'start' }, { type: 'call' }, { type: 'reveal' }])).toThrow(ContestStateError);
    expect(() =>
      run([{ type: 'start' }, { type: 'call' }, { type: 'open' }, { type: 'close' }, { type: 'finish' }]),
    ).toThrow('还有 1 位选手');
    expect(() =>
      run([
        { type: 'start' },
        { type: 'call' },
        { type: 'open' },
        { type: 'close' },
        { type: 'reopen', contestantId: 'A', reason: ' ' },
      ]),
    ).toThrow('理由');
  });

  it('reopens a closed contestant with a reason and keeps the timer honest', () => {
    const s = run([
      { type: 'start' },
      { type: 'call' },
      { type: 'open' },
      { type: 'close' },
      { type: 'call' },
      { type: 'open' },
      { type: 'close' },
      { type: 'reopen', contestantId: 'A', reason: '评委误操作' },
    ]);
    expect(s.current).toBe('A');
    expect(s.phases.A).toBe('scoring');
    expect(timerRemainingMs({ elapsedMs: 1000, startedAt: 5000 }, 60_000, 7000)).toBe(57_000);
  });
});

describe('recusals', () => {
  it('recuses a judge from their own unit and keeps one entry per pair', () => {
    const auto = automaticRecusals(
      [
        { id: 'j1', unitId: 'u1' },
        { id: 'j2', unitId: null },
      ],
      [
        { id: 'c1', unitId: 'u1' },
        { id: 'c2', unitId: 'u2' },
      ],
    );
    expect(auto.map((r) => [r.judgeId, r.contestantId])).toEqual([['j1', 'c1']]);
    const all = mergeRecusals(auto, [
      { judgeId: 'j1', contestantId: 'c1', kind: 'manual', reason: 'x' },
      { judgeId: 'j2', contestantId: 'c2', kind: 'manual', reason: '亲属' },
    ]);
    expect(all.map((r) => r.kind)).toEqual(['unit', 'manual']);
  });
});

describe('marking a judge absent (缺席)', () => {
  const run = (actions: HostAction[], start = initialHostState(['A', 'B'])): HostState =>
    actions.reduce((s, a, i) => applyHostAction(s, a, 1000 * (i + 1)), start);
  it('marks for the whole arena or one contestant, undoes, and refuses once scoring is closed', () => {
    const s = run([
      { type: 'absent', judgeId: 'j1' },
      { type: 'start' },
      { type: 'call' },
      { type: 'absent', judgeId: 'j2', contestantId: 'A' },
      { type: 'absent', judgeId: 'j3', contestantId: 'A' },
      { type: 'present', judgeId: 'j3', contestantId: 'A' },
    ]);
    expect(s.absent).toEqual([
      { judgeId: 'j1', contestantId: null },
      { judgeId: 'j2', contestantId: 'A' },
    ]);
    expect(() => applyHostAction(s, { type: 'absent', judgeId: 'j1' }, 0)).toThrow('已标记为缺席');
    expect(() => applyHostAction(s, { type: 'present', judgeId: 'j9' }, 0)).toThrow('未标记为缺席');
    expect(() => applyHostAction(s, { type: 'absent', judgeId: 'j1', contestantId: 'X' }, 0)).toThrow('不在本场');
    const closed = run([{ type: 'open' }, { type: 'close' }], s);
    expect(() => applyHostAction(closed, { type: 'absent', judgeId: 'j4', contestantId: 'A' }, 0)).toThrow(
      '评分已截止',
    );
  });
});
