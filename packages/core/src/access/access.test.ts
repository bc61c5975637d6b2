import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, filterCovers, unitFilter, hasPermission, type Actor, type UnitFilter } from './can.js';
import { assignableRoles, roleSetProblem, ROLES, type Role } from './roles.js';
import { GRANTS, type Permission } from './permissions.js';

const actor = (roles: Role[], unitPath = '/1/5/', overseen: string[] = []): Actor => ({
  userId: 1,
  unitId: 5,
  unitPath,
  roles,
  overseenUnitPaths: overseen,
  office: { unitId: 1, path: '/1/' },
});

describe('can', () => {
  it('limits a reporter to its own unit', () => {
    const r = actor(['reporter']);
    expect(can(r, 'unit.read', '/1/5/')).toBe(true);
    expect(can(r, 'unit.read', '/1/5/8/')).toBe(false);
    expect(can(r, 'unit.read', '/1/6/')).toBe(false);
  });
  it('gives a unit head its subtree but not a sibling whose id shares a prefix', () => {
    const h = actor(['unit_head']);
    expect(can(h, 'unit.read', '/1/5/8/')).toBe(true);
    expect(can(h, 'unit.read', '/1/55/')).toBe(false);
  });
  it('gives a leader the units they oversee', () => {
    const l = actor(['leader'], '/1/', ['/1/7/', '/1/9/']);
    expect(can(l, 'unit.read', '/1/7/3/')).toBe(true);
    expect(can(l, 'unit.read', '/1/8/')).toBe(false);
  });
  it('keeps the three admins apart', () => {
    expect(hasPermission(actor(['auditor']), 'user.manage')).toBe(false);
    expect(hasPermission(actor(['sysadmin']), 'audit.read')).toBe(false);
    expect(hasPermission(actor(['secadmin']), 'unit.manage')).toBe(false);
    expect(hasPermission(actor(['sysadmin']), 'security.manage')).toBe(false);
  });
  it('filterCovers reads a filter as its SQL does', () => {
    const f: UnitFilter = { kind: 'paths', paths: ['/1/5/'], exact: ['/1/7/'] };
    expect(filterCovers(f, '/1/5/8/')).toBe(true);
    expect(filterCovers(f, '/1/7/')).toBe(true);
    expect(filterCovers(f, '/1/7/2/')).toBe(false);
    expect(filterCovers(f, '/1/55/')).toBe(false);
    expect(filterCovers({ kind: 'none' }, '/1/')).toBe(false);
    expect(filterCovers({ kind: 'all' }, '/9/')).toBe(true);
  });
  it('agrees with unitFilter for every role, permission and path', () => {
    const role = fc.constantFrom(...ROLES);
    const permission = fc.constantFrom(...(Object.keys(GRANTS) as Permission[]));
    const path = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .map((ids) => `/${ids.join('/')}/`);
    fc.assert(
      fc.property(
        fc.uniqueArray(role, { minLength: 1, maxLength: 3 }),
        permission,
        path,
        path,
        fc.array(path, { maxLength: 2 }),
        (roles, p, own, target, overseen) => {
          const a = actor(roles, own, overseen);
          const f = unitFilter(a, p);
          expect(filterCovers(f, target)).toBe(can(a, p, target));
        },
      ),
    );
  });
});

describe('roles', () => {
  it('lets only the system admin hand out admin roles', () => {
    expect(assignableRoles(['organiser'])).not.toContain('sysadmin');
    expect(assignableRoles(['sysadmin'])).toContain('auditor');
    expect(assignableRoles(['reporter'])).toEqual([]);
  });
  it('refuses combined admin roles', () => {
    expect(roleSetProblem(['sysadmin', 'auditor'])).toMatch(/separate/);
    expect(roleSetProblem(['secadmin', 'organiser'])).toMatch(/no other role/);
    expect(roleSetProblem(['unit_head', 'reporter'])).toBeNull();
    expect(roleSetProblem([])).toMatch(/required/);
  });
});
