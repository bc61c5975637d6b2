import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { walk } from '../explain/index.js';
import { parseDecimal, toDecimal } from '../number/index.js';
import { scoreArena, type ArenaInput, type ArenaSchemeInput } from './index.js';

const scheme: ArenaSchemeInput = {
  criteria: [
    { id: '实绩', max: 40 },
    { id: '举措', max: 30 },
    { id: '表现', max: 20 },
    { id: '作风', max: 10 },
  ],
  groups: [
    { id: '领导', weight: '0.5' },
    { id: '专家', weight: '0.3' },
    { id: '群众', weight: '0.2' },
  ],
};

/** A judge's criteria for a total T: 40/30/20/10 % of it, with `d` points moved from 举措 to 实绩. */
const split = (t: number, d = 0) => ({
  实绩: toDecimal(t * 400_000 + d * 1_000_000),
  举措: toDecimal(t * 300_000 - d * 1_000_000),
  表现: toDecimal(t * 200_000),
  作风: toDecimal(t * 100_000),
});

// 13 judges: 5 leaders, 5 experts, 3 public representatives. Expert E2 belongs to 乙 and is recused.
const judges = [
  ...['L1', 'L2', 'L3', 'L4', 'L5'].map((id) => ({ id, groupId: '领导' })),
  ...['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => ({ id, groupId: '专家' })),
  ...['P1', 'P2', 'P3'].map((id) => ({ id, groupId: '群众' })),
];
const ids = judges.map((j) => j.id);
const totals: Record<string, { t: number[]; d: number }> = {
  甲: { t: [90, 88, 92, 85, 95, 80, 86, 84, 82, 90, 90, 93, 87], d: 0 },
  乙: { t: [86, 85, 88, 80, 87, 88, 99, 86, 84, 90, 91, 89, 90], d: 0 },
  丙: { t: [92, 88, 90, 70, 96, 84, 84, 84, 84, 84, 95, 85, 90], d: 1 },
};
const session: ArenaInput = {
  scheme,
  judges,
  contestants: [{ id: '甲' }, { id: '乙' }, { id: '丙' }],
  scores: Object.entries(totals).flatMap(([c, { t, d }]) =>
    t.map((total, i) => ({
      judgeId: ids[i] as string,
      contestantId: c,
      criteria: split(total, d),
      id: `${ids[i]}-${c}`,
    })),
  ),
  recusals: [{ judgeId: 'E2', contestantId: '乙' }],
};

describe('arena: 13 judges, three groups, one recusal, a tie (computed by hand)', () => {
  // 甲: leaders 85 88 90 92 95 → drop 85, 95 → 90; experts 80 82 84 86 90 → drop 80, 90 → 84;
  //     public (3 < 5, plain mean) 90 → 0.5×90 + 0.3×84 + 0.2×90 = 88.2
  // 乙: leaders 80 85 86 87 88 → 86; experts without E2: 88 86 84 90, only 4 → plain mean 87;
  //     public 90 → 43 + 26.1 + 18 = 87.1
  // 丙: leaders 70 88 90 92 96 → 90; experts all 84 → 84; public 95 85 90 → 90 → 88.2, tied with 甲.
  it('shares the rank on a tie (1, 1, 3)', () => {
    const r = scoreArena(session);
    expect(r.map((c) => [c.contestantId, c.score, c.rank])).toEqual([
      ['丙', '88.2', 1],
      ['甲', '88.2', 1],
      ['乙', '87.1', 3],
    ]);
    const yi = r.find((c) => c.contestantId === '乙');
    expect(yi?.groups.map((g) => [g.groupId, g.score, g.weight])).toEqual([
      ['领导', '86', '0.5'],
      ['专家', '87', '0.3'],
      ['群众', '90', '0.2'],
    ]);
    expect(yi?.groups[1]?.judges.find((j) => j.judgeId === 'E2')).toEqual({
      judgeId: 'E2',
      status: 'recused',
      total: null,
      totalShown: null,
    });
  });
  it('breaks the tie on 实绩 when the scheme names it', () => {
    const r = scoreArena({ ...session, scheme: { ...scheme, tieBreakers: ['实绩'] } });
    expect(r.map((c) => [c.contestantId, c.rank, c.criteria['实绩']])).toEqual([
      ['丙', 1, '36.28'],
      ['甲', 2, '35.28'],
      ['乙', 3, '34.84'],
    ]);
  });
  it('explains which judges were trimmed, recused and used, down to the submissions', () => {
    const r = scoreArena(session);
    const jia = r.find((c) => c.contestantId === '甲');
    const leaders = jia?.explanation.children?.[0];
    expect(leaders?.children?.map((n) => [n.kind, n.value])).toEqual([
      ['arena.judge.used', '90'],
      ['arena.judge.used', '88'],
      ['arena.judge.used', '92'],
      ['arena.judge.trimmedLow', '85'],
      ['arena.judge.trimmedHigh', '95'],
    ]);
    expect(leaders?.children?.[0]?.source).toEqual({ type: 'judgeScore', id: 'L1-甲' });
    const yi = r.find((c) => c.contestantId === '乙');
    const recused = [...walk(yi?.explanation ?? { kind: '' })].filter((n) => n.kind === 'arena.judge.recused');
    expect(recused).toEqual([
      { kind: 'arena.judge.recused', params: { judgeId: 'E2' }, source: { type: 'judge', id: 'E2' } },
    ]);
    expect(JSON.parse(JSON.stringify(yi?.explanation))).toEqual(yi?.explanation);
  });
  it('renormalises group weights over the groups present', () => {
    const r = scoreArena({ ...session, absentJudges: ['P1', 'P2', 'P3'] });
    const jia = r.find((c) => c.contestantId === '甲');
    // (0.5 × 90 + 0.3 × 84) / 0.8 = 87.75
    expect(jia?.score).toBe('87.75');
    expect(jia?.groups.map((g) => g.weight)).toEqual(['0.625', '0.375', '0']);
  });
});

describe('arena input validation', () => {
  const one = (criteria: Record<string, string | number>, reason?: string) => ({
    ...session,
    scores: [{ judgeId: 'L1', contestantId: '甲', criteria, reason }],
  });
  it('names the offending item', () => {
    expect(() => scoreArena(one({ 实绩: 41, 举措: 20, 表现: 10, 作风: 5 }))).toThrow(
      'scores[L1→甲].criteria.实绩：分数 41 超过该项满分 40',
    );
    expect(() => scoreArena(one({ 实绩: 30, 举措: 20, 表现: 10 }))).toThrow(
      'scores[L1→甲].criteria.作风：缺少该评分项的分数',
    );
    expect(() => scoreArena(one({ 实绩: 40, 举措: 30, 表现: 20, 作风: 10 }))).toThrow(
      'scores[L1→甲].reason：总分 100 达到 100 或低于 60，须填写一句理由',
    );
    expect(() => scoreArena(one({ 实绩: 20, 举措: 20, 表现: 10, 作风: 5 }))).toThrow('须填写一句理由');
    expect(scoreArena(one({ 实绩: 20, 举措: 20, 表现: 10, 作风: 5 }, '汇报内容与实绩不符'))[0]?.score).toBe('55');
    expect(() =>
      scoreArena({
        ...session,
        scheme: {
          ...scheme,
          groups: [
            { id: '领导', weight: '0.5' },
            { id: '专家', weight: '0.3' },
            { id: '群众', weight: '0.1' },
          ],
        },
      }),
    ).toThrow('scheme.groups：评委组权重之和须为 1，实际为 0.9');
    expect(() => scoreArena({ ...session, scheme: { ...scheme, tieBreakers: ['实效'] } })).toThrow(
      'scheme.tieBreakers[0]：评分项“实效”不存在',
    );
    expect(() =>
      scoreArena({ ...session, scores: [...session.scores, session.scores[0] as ArenaInput['scores'][number]] }),
    ).toThrow('重复评分');
    expect(() => scoreArena({ ...session, judges: [...judges, { id: 'X', groupId: '媒体' }] })).toThrow(
      'judges[X].groupId',
    );
  });
});

/** A random session: up to 15 judges over 3 groups, up to 8 contestants, gaps and recusals. */
const arbSession = fc
  .record({
    groupOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 15 }),
    contestants: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 9 }),
      ),
      { minLength: 120, maxLength: 120 },
    ),
    normalise: fc.boolean(),
    tieBreak: fc.boolean(),
  })
  .map((g): ArenaInput => {
    const js = g.groupOf.map((k, i) => ({
      id: `j${String(i).padStart(2, '0')}`,
      groupId: ['领导', '专家', '群众'][k] as string,
    }));
    const cs = Array.from({ length: g.contestants }, (_, i) => ({ id: `c${i}` }));
    const scores: ArenaInput['scores'][number][] = [];
    const recusals: { judgeId: string; contestantId: string }[] = [];
    js.forEach((j, a) =>
      cs.forEach((c, b) => {
        const [s1, s2, s3, s4, mode] = g.seed[(a * 8 + b) % 120] as number[];
        if (mode === 0) return; // absent for this contestant
        if (mode === 1) recusals.push({ judgeId: j.id, contestantId: c.id });
        scores.push({
          judgeId: j.id,
          contestantId: c.id,
          criteria: { 实绩: s1 as number, 举措: s2 as number, 表现: s3 as number, 作风: s4 as number },
          reason: '理由',
        });
      }),
    );
    return {
      scheme: { ...scheme, normalise: g.normalise, tieBreakers: g.tieBreak ? ['实绩', '举措'] : [] },
      judges: js,
      contestants: cs,
      scores,
      recusals,
    };
  });

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const k = s % (i + 1);
    [out[i], out[k]] = [out[k] as T, out[i] as T];
  }
  return out;
};

describe('arena properties', () => {
  it('keeps scores within [0, max total] and ranks consistent with scores and ties', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const r = scoreArena(s);
        const ranked = r.filter((c) => c.score !== null);
        for (const c of ranked) {
          const v = parseDecimal(c.score as string, 'x');
          if (v < 0 || v > 100_000_000) return false;
        }
        for (const a of ranked)
          for (const b of ranked) {
            const [va, vb] = [parseDecimal(a.score as string, 'a'), parseDecimal(b.score as string, 'b')];
            if (va > vb && !((a.rank as number) < (b.rank as number))) return false;
            if (s.scheme.tieBreakers?.length === 0 && va === vb && a.rank !== b.rank) return false;
          }
        // competition ranking: rank = 1 + number of contestants strictly ahead
        return ranked.every((c) => c.rank === 1 + ranked.filter((o) => (o.rank as number) < (c.rank as number)).length);
      }),
      { numRuns: 300 },
    );
  });
  it('is unchanged by shuffling judges, contestants, scores and recusals, and by re-running', () => {
    fc.assert(
      fc.property(arbSession, fc.integer({ min: 1, max: 1e9 }), (s, seed) => {
        const again = scoreArena({
          ...s,
          judges: shuffled(s.judges, seed),
          contestants: shuffled(s.contestants, seed + 1),
          scores: shuffled(s.scores, seed + 2),
          recusals: shuffled(s.recusals ?? [], seed + 3),
        });
        expect(again).toEqual(scoreArena(s));
        expect(JSON.stringify(scoreArena(s))).toBe(JSON.stringify(scoreArena(s)));
      }),
      { numRuns: 200 },
    );
  });
  it('gives a recused judge’s scores no effect', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const recused = new Set((s.recusals ?? []).map((r) => `${r.judgeId}|${r.contestantId}`));
        const without = { ...s, scores: s.scores.filter((x) => !recused.has(`${x.judgeId}|${x.contestantId}`)) };
        expect(scoreArena(without)).toEqual(scoreArena(s));
      }),
      { numRuns: 200 },
    );
  });
});

describe('columnar arena', () => {
  it('equals scoreArena, score and rank, contestant by contestant (property)', async () => {
    const { parseArenaScheme, scoreArenaColumns } = await import('./index.js');
    fc.assert(
      fc.property(arbSession, (s0) => {
        const s = { ...s0, scheme: { ...s0.scheme, normalise: false } };
        const scheme = parseArenaScheme(s.scheme);
        const J = s.judges.length;
        const C = s.contestants.length;
        const K = scheme.criteria.length;
        const cols = {
          contestants: C,
          judges: J,
          scores: new Float64Array(C * J * K).fill(Number.NaN),
          excluded: new Uint8Array(C * J),
          judgeGroup: new Uint8Array(J),
          reasonGiven: new Uint8Array(C * J).fill(1),
        };
        s.judges.forEach((j, i) => (cols.judgeGroup[i] = scheme.groups.findIndex((g) => g.id === j.groupId)));
        const ji = new Map(s.judges.map((j, i) => [j.id, i]));
        const ci = new Map(s.contestants.map((c, i) => [c.id, i]));
        for (const x of s.scores) {
          const at = ((ci.get(x.contestantId) as number) * J + (ji.get(x.judgeId) as number)) * K;
          scheme.criteria.forEach((c, k) => (cols.scores[at + k] = parseDecimal(x.criteria[c.id] as number, 'x')));
        }
        for (const r of s.recusals ?? [])
          cols.excluded[(ci.get(r.contestantId) as number) * J + (ji.get(r.judgeId) as number)] = 1;
        const fast = scoreArenaColumns(scheme, cols);
        for (const r of scoreArena(s)) {
          const c = ci.get(r.contestantId) as number;
          expect([
            fast.score[c] === fast.score[c] ? toDecimal(fast.score[c] as number) : null,
            fast.rank[c] === 0 ? null : fast.rank[c],
          ]).toEqual([r.score, r.rank]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
