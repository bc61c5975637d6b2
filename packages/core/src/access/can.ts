import { GRANTS, grantScope, type Permission, type Scope } from './permissions.js';
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
}

/** What an actor may see for one permission: everything, units under some paths, or nothing. */
export type UnitFilter = { kind: 'all' } | { kind: 'paths'; paths: string[]; exact: string[] } | { kind: 'none' };

function scopeCovers(actor: Actor, scope: Scope, targetPath: string): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'own':
      return targetPath === actor.unitPath;
    case 'subtree':
      return targetPath.startsWith(actor.unitPath);
    case 'overseen':
      return actor.overseenUnitPaths.some((p) => targetPath.startsWith(p));
  }
}

/** Does any of the actor's roles grant the permission (in some scope)? */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((r) => grantScope(r, permission) !== undefined);
}

/** May the actor use the permission on a unit at `targetUnitPath`? */
export function can(actor: Actor, permission: Permission, targetUnitPath: string): boolean {
  return actor.roles.some((role) => {
    const scope = grantScope(role, permission);
    return scope !== undefined && scopeCovers(actor, scope, targetUnitPath);
  });
}

/** The filter a list query applies for a permission, merged over the actor's roles. */
export function unitFilter(actor: Actor, permission: Permission): UnitFilter {
  const paths: string[] = [];
  const exact: string[] = [];
  for (const role of actor.roles) {
    const scope = grantScope(role, permission);
    if (scope === undefined) continue;
    switch (scope) {
      case 'all':
        return { kind: 'all' };
      case 'own':
        exact.push(actor.unitPath);
        break;
      case 'subtree':
        paths.push(actor.unitPath);
        break;
      case 'overseen':
        paths.push(...actor.overseenUnitPaths);
        break;
    }
  }
  return paths.length + exact.length === 0 ? { kind: 'none' } : { kind: 'paths', paths, exact };
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

/** The permissions an actor holds, for the web app's menu. */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(GRANTS) as Permission[]).filter((p) => hasPermission(actor, p));
}
