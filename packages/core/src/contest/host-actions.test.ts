import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedAbsenceActions,
  allowedHostActions,
  applyHostAction,
  ContestStateError,
  initialHostState,
  judgeCodesProblem,
  type HostAction,
  type HostState,
} from './host.js';

const run = (actions: HostAction[], start = initialHostState(['A', 'B'])): HostState =>
  actions.reduce((s, a) => applyHostAction(s, a, 1000), start);

describe('the host console’s allowed actions (served with the live view)', () => {
  it('walks the show: start, call, time, open, close, reveal, finish', () => {
    expect(allowedHostActions(initialHostState([])).actions).toEqual([]);
    expect(allowedHostActions(initialHostState(['A', 'B'])).actions).toEqual(['start']);
    const live = run([{ type: 'start' }]);
    expect(allowedHostActions(live).actions).toEqual(['call']);
    const presenting = run([{ type: 'call' }], live);
    expect(allowedHostActions(presenting).actions).toEqual(['timerStart', 'timerReset', 'open']);
    const timing = run([{ type: 'timerStart' }], presenting);
    expect(allowedHostActions(timing).actions).toEqual(['timerStop', 'timerReset', 'open']);
    const scoring = run([{ type: 'open' }], timing);
    expect(allowedHostActions(scoring)).toEqual({ actions: ['close'], reopen: [] });
    const closed = run([{ type: 'close' }], scoring);
    expect(allowedHostActions(closed)).toEqual({ actions: ['call', 'reveal', 'reopen'], reopen: ['A'] });
    const allDone = run(
      [{ type: 'reveal' }, { type: 'call' }, { type: 'open' }, { type: 'close' }, { type: 'reveal' }],
      closed,
    );
    expect(allowedHostActions(allDone)).toEqual({ actions: ['finish', 'reopen'], reopen: ['A', 'B'] });
    expect(allowedHostActions(run([{ type: 'finish' }], allDone)).actions).toEqual([]);
  });
  it('offers no reopen while another contestant presents', () => {
    const s = run([{ type: 'start' }, { type: 'call' }, { type: 'open' }, { type: 'close' }, { type: 'call' }]);
    expect(allowedHostActions(s).reopen).toEqual([]);
  });
  it('every offered action is accepted and every withheld one refused, in any reachable state', () => {
    const step = fc.constantFrom<HostAction>(
      { type: 'start' },
      { type: 'call' },
      { type: 'timerStart' },
      { type: 'timerStop' },
      { type: 'open' },
      { type: 'close' },
      { type: 'reveal' },
      { type: 'finish' },
      { type: 'reopen', contestantId: 'A', reason: '误操作' },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let s = initialHostState(['A', 'B', 'C']);
        for (const a of steps) {
          try {
            s = applyHostAction(s, a, 1000);
          } catch (e) {
            if (!(e instanceof ContestStateError)) throw e;
          }
        }
        const { actions, reopen } = allowedHostActions(s);
        for (const type of ['start', 'call', 'timerStart', 'timerStop', 'open', 'close', 'reveal', 'finish'] as const) {
          const ok = (() => {
            try {
              applyHostAction(s, { type }, 1000);
              return true;
            } catch {
              return false;
            }
          })();
          expect(actions.includes(type)).toBe(ok);
        }
        expect(actions.includes('reopen')).toBe(reopen.length > 0);
      }),
    );
  });

  it('offers 缺席 for the whole arena before and during it, and for the contestant on stage until scoring closes', () => {
    const judges = ['J1', 'J2'];
    const draft = initialHostState(['A', 'B']);
    expect(allowedAbsenceActions(draft, judges)).toEqual([
      { judgeId: 'J1', wholeArena: 'absent', onStage: null },
      { judgeId: 'J2', wholeArena: 'absent', onStage: null },
    ]);
    const presenting = run([{ type: 'start' }, { type: 'call' }, { type: 'absent', judgeId: 'J2' }], draft);
    expect(allowedAbsenceActions(presenting, judges)).toEqual([
      { judgeId: 'J1', wholeArena: 'absent', onStage: 'absent' },
      // Absent from the whole arena: no separate mark for the contestant, only taking the whole mark back.
      { judgeId: 'J2', wholeArena: 'present', onStage: null },
    ]);
    const marked = run([{ type: 'open' }, { type: 'absent', judgeId: 'J1', contestantId: 'A' }], presenting);
    expect(allowedAbsenceActions(marked, judges)[0]).toEqual({
      judgeId: 'J1',
      wholeArena: 'absent',
      onStage: 'present',
    });
    const closed = run([{ type: 'close' }], marked);
    expect(allowedAbsenceActions(closed, judges)[0]).toEqual({ judgeId: 'J1', wholeArena: 'absent', onStage: null });
    const finished = run(
      [{ type: 'reveal' }, { type: 'call' }, { type: 'open' }, { type: 'close' }, { type: 'finish' }],
      closed,
    );
    expect(allowedAbsenceActions(finished, judges)).toEqual([
      { judgeId: 'J1', wholeArena: null, onStage: null },
      { judgeId: 'J2', wholeArena: null, onStage: null },
    ]);
  });
  it('issues judge codes (and resets one judge) before and during the arena, not once it is finished', () => {
    const draft = initialHostState(['A']);
    expect(judgeCodesProblem(draft)).toBeNull();
    const live = run([{ type: 'start' }, { type: 'call' }], draft);
    expect(judgeCodesProblem(live)).toBeNull();
    const finished = run([{ type: 'open' }, { type: 'close' }, { type: 'reveal' }, { type: 'finish' }], live);
    expect(judgeCodesProblem(finished)).toBe('擂台赛已结束，不再发放评委码');
  });
  it('every offered 缺席 button is accepted, in any reachable state', () => {
    const step = fc.constantFrom<HostAction>(
      { type: 'start' },
      { type: 'call' },
      { type: 'open' },
      { type: 'close' },
      { type: 'reveal' },
      { type: 'finish' },
      { type: 'reopen', contestantId: 'A', reason: '误操作' },
      { type: 'absent', judgeId: 'J1' },
      { type: 'present', judgeId: 'J1' },
      { type: 'absent', judgeId: 'J1', contestantId: 'A' },
      { type: 'absent', judgeId: 'J2', contestantId: 'B' },
      { type: 'present', judgeId: 'J2', contestantId: 'B' },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let s = initialHostState(['A', 'B']);
        for (const a of steps) {
          try {
            s = applyHostAction(s, a, 1000);
          } catch (e) {
            if (!(e instanceof ContestStateError)) throw e;
          }
        }
        for (const b of allowedAbsenceActions(s, ['J1', 'J2'])) {
          if (b.wholeArena)
            expect(() => applyHostAction(s, { type: b.wholeArena!, judgeId: b.judgeId }, 1000)).not.toThrow();
          else expect(s.status).toBe('finished');
          if (b.onStage)
            expect(() =>
              applyHostAction(s, { type: b.onStage!, judgeId: b.judgeId, contestantId: s.current! }, 1000),
            ).not.toThrow();
          // The contestant on stage is offered a mark exactly while the machine accepts one.
          const onStageAccepted =
            s.current !== null &&
            ['absent', 'present'].some((type) => {
              try {
                applyHostAction(s, { type: type as 'absent', judgeId: b.judgeId, contestantId: s.current! }, 1000);
                return true;
              } catch {
                return false;
              }
            });
          const absentFromAll = (s.absent ?? []).some((a) => a.judgeId === b.judgeId && a.contestantId === null);
          expect(b.onStage !== null).toBe(onStageAccepted && !absentFromAll);
        }
      }),
    );
  });
});
