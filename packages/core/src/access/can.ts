import { GRANTS, grantScope, readsBelow, type Permission, type Scope } from './permissions.js';
import type { Role } from './roles.js';

/**
 * Who is asking. Unit paths are materialised ('/1/4/9/': the unit and its ancestors' ids), so scope
 * checks need no database.
 */
export interface Actor {
  userId: number;
  unitId: number;
  unitPath: string;
  roles: readonly Role[];
  /** Paths of the units a leader oversees (empty for other roles). */
  overseenUnitPaths: readonly string[];
  /**
   * The actor's office (考核办): the nearest unit at or above the actor's unit that runs campaigns, or
   * null when none does. Its subtree is the organiser's scope ('office').
   */
  office: { unitId: number; path: string } | null;
}

/**
 * A record an office owns (a campaign, arena, ledger item, rating point, evaluation): the owning office's
 * path, and the paths of the units it concerns (a ledger item's lead and co-units, an arena's contestants).
 * Scope 'office' decides on the owner; the unit scopes on the units.
 */
export interface OfficeRecord {
  officePath: string;
  unitPaths: readonly string[];
}

/** What an access check is about: a unit, by its path, or an office's record. */
export type AccessSubject = string | OfficeRecord;

/** What an actor may see for one permission: everything, units under some paths, or nothing. */
export type UnitFilter = { kind: 'all' } | { kind: 'paths'; paths: string[]; exact: string[] } | { kind: 'none' };

/**
 * What a list of an office's records may show for one permission: the records whose owning office
 * `offices` reaches, or whose units `units` reaches (either suffices).
 */
export interface RecordFilter {
  offices: UnitFilter;
  units: UnitFilter;
}

const under = (path: string, root: string) => path.startsWith(root);

function scopeCovers(actor: Actor, scope: Scope, permission: Permission, subject: AccessSubject): boolean {
  if (scope === 'all') return true;
  if (scope === 'office') {
    if (!actor.office) return false;
    const office = actor.office.path;
    if (typeof subject === 'string') return under(subject, office);
    return readsBelow(permission) ? under(subject.officePath, office) : subject.officePath === office;
  }
  if (scope === 'above') return under(actor.unitPath, typeof subject === 'string' ? subject : subject.officePath);
  const paths = typeof subject === 'string' ? [subject] : subject.unitPaths;
  switch (scope) {
    case 'own':
      return paths.includes(actor.unitPath);
    case 'subtree':
      return paths.some((p) => under(p, actor.unitPath));
    case 'overseen':
      return actor.overseenUnitPaths.some((o) => paths.some((p) => under(p, o)));
  }
}

/** Does any of the actor's roles grant the permission (in some scope)? */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((r) => grantScope(r, permission) !== undefined);
}

/** May the actor use the permission on a unit (by its path) or on an office's record? */
export function can(actor: Actor, permission: Permission, subject: AccessSubject): boolean {
  return actor.roles.some((role) => {
    const scope = grantScope(role, permission);
    return scope !== undefined && scopeCovers(actor, scope, permission, subject);
  });
}

function merge(filters: UnitFilter[]): UnitFilter {
  if (filters.some((f) => f.kind === 'all')) return { kind: 'all' };
  const paths: string[] = [];
  const exact: string[] = [];
  for (const f of filters) {
    if (f.kind !== 'paths') continue;
    paths.push(...f.paths);
    exact.push(...f.exact);
  }
  return paths.length + exact.length === 0 ? { kind: 'none' } : { kind: 'paths', paths, exact };
}

/** The paths at or above a unit's: '/1/4/9/' → '/1/', '/1/4/', '/1/4/9/'. */
function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The units one role's scope reaches (scope 'office': the office's subtree). */
function unitsOf(actor: Actor, scope: Scope): UnitFilter {
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'above':
      return { kind: 'paths', paths: [], exact: ancestorPaths(actor.unitPath) };
    case 'office':
      return actor.office ? { kind: 'paths', paths: [actor.office.path], exact: [] } : { kind: 'none' };
    case 'own':
      return { kind: 'paths', paths: [], exact: [actor.unitPath] };
    case 'subtree':
      return { kind: 'paths', paths: [actor.unitPath], exact: [] };
    case 'overseen':
      return { kind: 'paths', paths: [...actor.overseenUnitPaths], exact: [] };
  }
}

function scopesOf(actor: Actor, permission: Permission): Scope[] {
  return actor.roles.flatMap((r) => grantScope(r, permission) ?? []);
}

/** The filter a list of units (or of rows keyed by unit) applies for a permission, merged over the actor's roles. */
export function unitFilter(actor: Actor, permission: Permission): UnitFilter {
  return merge(scopesOf(actor, permission).map((s) => unitsOf(actor, s)));
}

/** The filter a list of an office's records applies for a permission: as `can` decides on each record. */
export function recordFilter(actor: Actor, permission: Permission): RecordFilter {
  const offices: UnitFilter[] = [];
  const units: UnitFilter[] = [];
  for (const scope of scopesOf(actor, permission)) {
    if (scope === 'all') return { offices: { kind: 'all' }, units: { kind: 'all' } };
    if (scope === 'above') offices.push(unitsOf(actor, scope));
    else if (scope !== 'office') units.push(unitsOf(actor, scope));
    else if (actor.office)
      offices.push(
        readsBelow(permission)
          ? { kind: 'paths', paths: [actor.office.path], exact: [] }
          : { kind: 'paths', paths: [], exact: [actor.office.path] },
      );
  }
  return { offices: merge(offices), units: merge(units) };
}

/** Does a filter from `unitFilter` reach the unit at `path`? (What a list query's SQL does, for rows already in memory.) */
export function filterCovers(filter: UnitFilter, path: string): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'paths':
      return filter.exact.includes(path) || filter.paths.some((p) => path.startsWith(p));
  }
}

/** Does a filter from `recordFilter` reach the record? (Its SQL, in memory.) */
export function recordFilterCovers(filter: RecordFilter, record: OfficeRecord): boolean {
  return filterCovers(filter.offices, record.officePath) || record.unitPaths.some((p) => filterCovers(filter.units, p));
}

/** The permissions an actor holds, for the web app's menu. */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(GRANTS) as Permission[]).filter((p) => hasPermission(actor, p));
}
