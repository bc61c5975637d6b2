import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedHostActions,
  applyHostAction,
  ContestStateError,
  initialHostState,
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
});
