import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor } from '../access/index.js';
import { ROLES } from '../access/index.js';
import { rateOutcome } from '../ledger/index.js';
import { ARENA_KIND_TEMPLATES, ARENA_KINDS, contestantsProblem } from './kinds.js';
import { leaderOnTime, mayReadCadreRecord } from './record.js';
import { parseArenaScheme } from '../arena/index.js';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  unitId: 2,
  unitPath: '/1/2/',
  roles: ['org_dept'],
  overseenUnitPaths: [],
  office: { unitId: 1, path: '/1/' },
  ...over,
});

describe('who opens a cadre record (干部实绩档案)', () => {
  it('is the organisation department of the subtree and the person themself, nobody else', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom('/1/', '/7/'),
        fc.constantFrom('/1/5/', '/1/2/9/', '/7/8/'),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
        (roles, officePath, cadrePath, cadreUser) => {
          const a = actor({ roles, office: { unitId: Number(officePath.slice(1, -1)), path: officePath } });
          const expected = cadreUser === a.userId || (roles.includes('org_dept') && cadrePath.startsWith(officePath));
          expect(mayReadCadreRecord(a, { unitPath: cadrePath, userId: cadreUser })).toBe(expected);
        },
      ),
    );
  });

  it('refuses an organiser of the same office (the record is not a campaign’s)', () => {
    expect(mayReadCadreRecord(actor({ roles: ['organiser'] }), { unitPath: '/1/5/', userId: null })).toBe(false);
  });
});

describe('a responsible leader’s on-time rate', () => {
  const day = fc
    .integer({ min: 0, max: 400 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  it('counts every item once, by the ledger’s outcome rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ deadline: day, closedOn: fc.option(day, { nil: null }) })),
        day,
        (items, asOf) => {
          const r = leaderOnTime(items, asOf);
          expect(r.due + r.notDue).toBe(items.length);
          expect(r.onTime + r.late + r.overdue).toBe(r.due);
          expect(r.onTime).toBe(items.filter((i) => rateOutcome(i, asOf) === 'on_time').length);
          expect(r.rateShown === null).toBe(r.due === 0);
        },
      ),
    );
  });
  it('shows two of three on time as 66.7%', () => {
    const r = leaderOnTime(
      [
        { deadline: '2026-03-31', closedOn: '2026-03-30' },
        { deadline: '2026-04-30', closedOn: '2026-04-30' },
        { deadline: '2026-05-31', closedOn: null },
        { deadline: '2026-12-31', closedOn: null },
      ],
      '2026-06-15',
    );
    expect(r).toEqual({ due: 3, onTime: 2, late: 0, overdue: 1, notDue: 1, rateShown: '66.7%' });
  });
});

describe('arena kinds', () => {
  it('has a valid scheme in every template', () => {
    for (const k of ARENA_KINDS)
      expect(() =>
        parseArenaScheme({ criteria: ARENA_KIND_TEMPLATES[k].criteria, groups: [{ id: '评委', weight: 1 }] }),
      ).not.toThrow();
  });
  it('lets several people of one unit stand, but no person or unit twice', () => {
    expect(
      contestantsProblem([
        { kind: 'person', unitId: 1, cadreId: 1 },
        { kind: 'person', unitId: 1, cadreId: 2 },
      ]),
    ).toBeNull();
    expect(
      contestantsProblem([
        { kind: 'person', unitId: 1, cadreId: 1 },
        { kind: 'person', unitId: 2, cadreId: 1 },
      ]),
    ).toBe('同一名干部不能重复上台');
    expect(
      contestantsProblem([
        { kind: 'unit', unitId: 1, cadreId: null },
        { kind: 'unit', unitId: 1, cadreId: 3 },
      ]),
    ).toBe('同一单位不能重复作为选手');
    expect(contestantsProblem([{ kind: 'person', unitId: 1, cadreId: null }])).toMatch(/须从干部名册/);
  });
});
