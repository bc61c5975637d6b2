import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, recordFilter, recordFilterCovers, unitFilter, filterCovers, type Actor } from './can.js';
import { GRANTS, readsBelow, type Permission, type Scope } from './permissions.js';
import { ROLES, type Role } from './roles.js';

/**
 * Offices at every level (issue 17): a random tree whose units may be offices, random actors (every role,
 * at random depths), random targets (units, and records owned by an office): `can` allows exactly what
 * the actor's scope holds, computed here from the tree's parent links rather than from path prefixes.
 */
interface Tree {
  parent: (number | null)[];
  office: boolean[];
}

/** Unit i's parent is one of the units before it; unit 0 is the root (an office, as migrations make it). */
const tree: fc.Arbitrary<Tree> = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    parent: fc.tuple(
      fc.constant(null),
      ...Array.from({ length: n }, (_, i) => fc.integer({ min: 0, max: i })),
    ) as fc.Arbitrary<(number | null)[]>,
    office: fc.array(fc.boolean(), { minLength: n + 1, maxLength: n + 1 }).map((o) => [true, ...o.slice(1)]),
  }),
);

// Ids 1..n+1 share prefixes (1, 11, 12…), so a prefix test that forgot its slashes would be caught.
const id = (i: number) => i + 1;
const ancestorsOf = (t: Tree, i: number): number[] => {
  const chain: number[] = [];
  for (let u: number | null = i; u !== null; u = t.parent[u]!) chain.unshift(u);
  return chain;
};
const pathOf = (t: Tree, i: number) => `/${ancestorsOf(t, i).map(id).join('/')}/`;
const officeOf = (t: Tree, i: number) => [...ancestorsOf(t, i)].reverse().find((u) => t.office[u]);
const isUnder = (t: Tree, i: number, root: number) => ancestorsOf(t, i).includes(root);

const permissions = Object.keys(GRANTS) as Permission[];

function actorOf(t: Tree, unit: number, roles: Role[], overseen: number[]): Actor {
  const office = officeOf(t, unit);
  return {
    userId: 1,
    unitId: id(unit),
    unitPath: pathOf(t, unit),
    roles,
    overseenUnitPaths: overseen.map((o) => pathOf(t, o)),
    office: office === undefined ? null : { unitId: id(office), path: pathOf(t, office) },
  };
}

/** The oracle: does one scope reach the target, by the tree's parent links. */
function reaches(
  t: Tree,
  scope: Scope,
  p: Permission,
  who: { unit: number; overseen: number[] },
  target: { units: number[]; owner?: number },
): boolean {
  const office = officeOf(t, who.unit);
  switch (scope) {
    case 'all':
      return true;
    case 'office':
      if (office === undefined) return false;
      if (target.owner === undefined) return target.units.every((u) => isUnder(t, u, office));
      return readsBelow(p) ? isUnder(t, target.owner, office) : target.owner === office;
    case 'above': {
      const at = target.owner === undefined ? target.units[0]! : target.owner;
      return isUnder(t, who.unit, at);
    }
    case 'own':
      return target.units.includes(who.unit);
    case 'subtree':
      return target.units.some((u) => isUnder(t, u, who.unit));
    case 'overseen':
      return target.units.some((u) => who.overseen.some((o) => isUnder(t, u, o)));
  }
}

const world = tree.chain((t) => {
  const n = t.parent.length;
  const unit = fc.integer({ min: 0, max: n - 1 });
  return fc.record({
    t: fc.constant(t),
    unit,
    roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 2 }),
    overseen: fc.uniqueArray(unit, { maxLength: 2 }),
    permission: fc.constantFrom(...permissions),
    targetUnit: unit,
    // A record: owned by an office, concerning units in the owner's subtree.
    owner: unit.filter((u) => t.office[u]!),
    recordUnits: fc.uniqueArray(unit, { maxLength: 3 }),
  });
});

describe('offices at every level', () => {
  it('allows a unit exactly when some role’s scope reaches it, for every permission', () => {
    fc.assert(
      fc.property(world, ({ t, unit, roles, overseen, permission, targetUnit }) => {
        const a = actorOf(t, unit, roles, overseen);
        const expected = roles.some((r) => {
          const s = (GRANTS[permission] as Partial<Record<Role, Scope>>)[r];
          return s !== undefined && reaches(t, s, permission, { unit, overseen }, { units: [targetUnit] });
        });
        expect(can(a, permission, pathOf(t, targetUnit))).toBe(expected);
        expect(filterCovers(unitFilter(a, permission), pathOf(t, targetUnit))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('allows an office’s record exactly when some role’s scope reaches it, and the list filter agrees', () => {
    fc.assert(
      fc.property(world, ({ t, unit, roles, overseen, permission, owner, recordUnits }) => {
        const units = recordUnits.filter((u) => isUnder(t, u, owner));
        const a = actorOf(t, unit, roles, overseen);
        const record = { officePath: pathOf(t, owner), unitPaths: units.map((u) => pathOf(t, u)) };
        const expected = roles.some((r) => {
          const s = (GRANTS[permission] as Partial<Record<Role, Scope>>)[r];
          return s !== undefined && reaches(t, s, permission, { unit, overseen }, { units, owner });
        });
        expect(can(a, permission, record)).toBe(expected);
        expect(recordFilterCovers(recordFilter(a, permission), record)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets an organiser past its office: no sibling’s, no parent’s record or unit', () => {
    fc.assert(
      fc.property(world, ({ t, unit, permission, targetUnit, owner }) => {
        const a = actorOf(t, unit, ['organiser'], []);
        const office = officeOf(t, unit)!;
        // The enterprise register is still the tree's (docs/levels.md): its grants say 'all', and only those.
        if ((GRANTS[permission] as Partial<Record<Role, Scope>>).organiser === 'all') {
          expect(permission.startsWith('visit.')).toBe(true);
          return;
        }
        if (!isUnder(t, targetUnit, office)) expect(can(a, permission, pathOf(t, targetUnit))).toBe(false);
        if (!isUnder(t, owner, office))
          expect(can(a, permission, { officePath: pathOf(t, owner), unitPaths: [pathOf(t, unit)] })).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('offices at every level, by hand', () => {
  // 青岛市 /1/ ⊃ 城阳区 /1/2/ (⊃ 区考核办 /1/2/3/, 流亭街道 /1/2/4/ ⊃ 社区 /1/2/4/5/), 西海岸新区 /1/6/.
  const at = (unitPath: string, officePath: string, roles: Role[] = ['organiser']): Actor => ({
    userId: 1,
    unitId: 0,
    unitPath,
    roles,
    overseenUnitPaths: [],
    office: { unitId: 0, path: officePath },
  });
  const district = at('/1/2/3/', '/1/2/');
  const street = at('/1/2/4/', '/1/2/4/');
  const city = at('/1/', '/1/');
  const streetArena = { officePath: '/1/2/4/', unitPaths: ['/1/2/4/5/'] };
  const districtArena = { officePath: '/1/2/', unitPaths: ['/1/2/4/'] };
  const westArena = { officePath: '/1/6/', unitPaths: [] };

  it('lets the district read the street’s arena but not run it; the street runs its own', () => {
    expect(can(district, 'arena.read', streetArena)).toBe(true);
    expect(can(district, 'arena.manage', streetArena)).toBe(false);
    expect(can(street, 'arena.manage', streetArena)).toBe(true);
  });
  it('keeps the street out of the district’s records and units, and the district out of its sibling', () => {
    expect(can(street, 'arena.read', districtArena)).toBe(false);
    expect(can(street, 'unit.read', '/1/2/3/')).toBe(false);
    expect(can(street, 'unit.read', '/1/2/4/5/')).toBe(true);
    expect(can(district, 'arena.read', westArena)).toBe(false);
    expect(can(district, 'unit.read', '/1/6/')).toBe(false);
    expect(can(district, 'unit.read', '/1/')).toBe(false);
  });
  it('lets the city read every district’s results and rank the districts', () => {
    expect(can(city, 'arena.read', westArena)).toBe(true);
    expect(can(city, 'evaluation.read', streetArena)).toBe(true);
    expect(can(city, 'arena.manage', { officePath: '/1/', unitPaths: ['/1/2/', '/1/6/'] })).toBe(true);
    expect(can(city, 'ledger.manage', districtArena)).toBe(false);
  });
  it('lets a community’s head read the arenas of every office above it, and no other', () => {
    const head = at('/1/2/4/5/', '/1/2/4/', ['unit_head']);
    expect(can(head, 'arena.read', streetArena)).toBe(true);
    expect(can(head, 'arena.read', districtArena)).toBe(true);
    expect(can(head, 'arena.read', westArena)).toBe(false);
    expect(can(at('/1/2/3/', '/1/2/', ['unit_head']), 'arena.read', streetArena)).toBe(false);
  });
  it('reaches nothing for an organiser outside any office', () => {
    const lost = { ...district, office: null };
    expect(can(lost, 'unit.read', '/1/2/3/')).toBe(false);
    expect(unitFilter(lost, 'arena.manage')).toEqual({ kind: 'none' });
  });
  it('lists the street’s and its own records for a district’s read, only its own for a manage', () => {
    expect(recordFilter(district, 'arena.read').offices).toEqual({ kind: 'paths', paths: ['/1/2/'], exact: [] });
    expect(recordFilter(district, 'arena.manage').offices).toEqual({ kind: 'paths', paths: [], exact: ['/1/2/'] });
  });
});
