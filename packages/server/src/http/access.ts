/**
 * The one access check. A route calls `await requireAccess(request, permission, target?)` and gets the
 * signed-in `Actor` back, or an error: 401 without a session, 403 when no role grants the permission
 * at all. A target narrows the check to an object: `{ unitPath }` or `{ unitId }` (403 outside the
 * actor's scope; 404 for a unit id that does not exist), or `{ kind, id, party? }` for an object whose
 * parties a module resolves (a unit, a user, a file, a ledger item's lead/co-units, an arena's
 * contestants…): 404 when it does not exist or the actor may not even see it (none of the kind's
 * `visibleWith` permissions reaches any party's unit, and the actor is not one of its `owners`), 403
 * when it is visible but the permission reaches none of its units (only the named `party`'s units
 * when one is given, e.g. `party: 'lead'`); a kind with `hideRefusals` answers every refusal with 404
 * (evidence files: their existence is private). A module declares a kind once in its face with
 * `defineTarget({ kind, noun, visibleWith, resolve })`, adds the kind's id type to `TargetKinds` by
 * declaration merging, and lists it in `modules/index.ts` (`accessTargets`); http/ never imports a
 * module's internals. Services that must check a second object inside their use case (a new parent
 * unit) call `checkAccess(db, actor, permission, target)`, the same rule without a request. List
 * queries take `requireScope(request, permission)`: the actor and core's `unitFilter` for the
 * permission, which repositories turn into SQL with `unitScopeSql` (db/scope.ts).
 *
 * Offices (docs/levels.md): an object an office owns (a campaign, arena, ledger item, rating point) resolves
 * with its owner's path in `office`; core's `can` then decides an organiser's access on the owner (its own
 * office's objects to manage, those of the offices below to read) and the other roles' on the parties. Lists
 * of such objects take `requireRecordScope` (core's recordFilter; SQL by `recordScopeSql`). What an
 * organiser creates belongs to its office (`actorOffice`).
 */
import {
  can,
  hasPermission,
  recordFilter,
  unitFilter,
  type AccessSubject,
  type Actor,
  type Permission,
  type RecordFilter,
  type UnitFilter,
} from '@leitai/core';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { AppError, forbidden, notFound } from '../errors.js';

/** Object kinds and their id types; each module adds its own (`declare module '…/http/access.js'`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface TargetKinds {}
export type TargetKind = keyof TargetKinds;

/** What an object's access is decided on. */
export interface ResolvedTarget {
  /** Unit paths by the part each plays: `{ unit: [path] }` for a unit, `{ lead: […], co: […] }` for a ledger item. */
  parties: Readonly<Record<string, readonly string[]>>;
  /** Accounts that may reach the object whatever their unit scope (a file's uploader). */
  owners?: readonly number[];
  /** The path of the office that owns the object, for an office's record (docs/levels.md). */
  office?: string;
}

export interface TargetType<K extends TargetKind = TargetKind> {
  kind: K;
  /** The object's name in the 404 message ('单位' → 单位不存在或无权访问). */
  noun: string;
  /**
   * Seeing the object at all: with none of these on any party's unit it is hidden (404). Omitted when
   * its existence is no secret (a dispatch target, like a unit named by id): a refusal is then a 403.
   */
  visibleWith?: readonly Permission[];
  /**
   * Every refusal is a 404, even to a role without the permission: the object's existence is itself
   * private (evidence files).
   */
  hideRefusals?: boolean;
  /** The object's parties, or null when it does not exist. */
  resolve(db: Db, id: TargetKinds[K]): Promise<ResolvedTarget | null>;
}

export type AccessTarget =
  | { unitPath: string }
  | { unitId: number }
  | { [K in TargetKind]: { kind: K; id: TargetKinds[K]; party?: string } }[TargetKind];

/**
 * The party path of an object that belongs to the whole system rather than to a unit or an office: above
 * every unit's path, so only a system-wide grant (scope 'all') reaches it.
 */
export const DISTRICT_PATH = '/';

/** The office an actor's new records belong to; 403 for an account outside every office. */
export function actorOffice(actor: Actor): { unitId: number; path: string } {
  if (!actor.office) throw forbidden('您的单位不属于任何考核办');
  return actor.office;
}

export const defineTarget = <K extends TargetKind>(type: TargetType<K>): TargetType<K> => type;

const registry = new Map<string, TargetType>();

/** Called once at start with every module's target kinds (modules/index.ts). */
export function registerTargets(types: readonly TargetType[]): void {
  for (const t of types) registry.set(t.kind, t);
}

function typeOf(kind: string): TargetType {
  const type = registry.get(kind);
  if (!type) throw new Error(`access: no target kind '${kind}' is registered (modules/index.ts accessTargets)`);
  return type;
}

/** The signed-in actor, or 401. */
export function requireUser(request: FastifyRequest): NonNullable<FastifyRequest['user']> {
  if (!request.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.user;
}

/** The same rule as requireAccess for a unit path known already; synchronous. */
export function requireUnitAccess(request: FastifyRequest, permission: Permission, unitPath?: string): Actor {
  const { actor } = requireUser(request);
  if (!hasPermission(actor, permission)) throw forbidden();
  if (unitPath !== undefined && !can(actor, permission, unitPath)) throw forbidden();
  return actor;
}

/** The one access check routes make (see the top of this file). */
export async function requireAccess(
  request: FastifyRequest,
  permission: Permission,
  target?: AccessTarget,
): Promise<Actor> {
  const { actor } = requireUser(request);
  if (target) await checkAccess(request.server.ctx.db, actor, permission, target);
  else if (!hasPermission(actor, permission)) throw forbidden();
  return actor;
}

/** requireAccess without a request, for a second object a service meets inside its use case. */
export async function checkAccess(db: Db, actor: Actor, permission: Permission, target: AccessTarget): Promise<void> {
  const type = 'kind' in target ? typeOf(target.kind) : undefined;
  if (!type?.hideRefusals && !hasPermission(actor, permission)) throw forbidden();
  if ('unitPath' in target) {
    if (!can(actor, permission, target.unitPath)) throw forbidden();
    return;
  }
  if ('unitId' in target) {
    const unit = typeOf('unit');
    // The registry holds every kind under one type, so an id's type is known only per kind.
    const path = (await unit.resolve(db, target.unitId as never))?.parties.unit?.[0];
    if (path === undefined) throw notFound(unit.noun);
    if (!can(actor, permission, path)) throw forbidden();
    return;
  }
  if (!type) throw new Error('access: unreachable');
  const resolved = await type.resolve(db, target.id as never);
  if (!resolved) throw notFound(type.noun);
  const owner = resolved.owners?.includes(actor.userId) ?? false;
  const paths = Object.values(resolved.parties).flat();
  const reaches = (p: Permission, unitPaths: readonly string[]) =>
    resolved.office === undefined
      ? unitPaths.some((path) => can(actor, p, path))
      : can(actor, p, { officePath: resolved.office, unitPaths } satisfies AccessSubject);
  const visible = type.visibleWith?.some((p) => reaches(p, paths)) ?? true;
  if (!owner && !visible) throw notFound(type.noun);
  const checked = target.party === undefined ? paths : (resolved.parties[target.party] ?? []);
  if (!owner && !reaches(permission, checked)) throw type.hideRefusals ? notFound(type.noun) : forbidden();
}

/** For a list of an office's records: the actor and core's recordFilter, for the query's WHERE (recordScopeSql). */
export function requireRecordScope(
  request: FastifyRequest,
  permission: Permission,
): { actor: Actor; scope: RecordFilter } {
  const actor = requireUnitAccess(request, permission);
  return { actor, scope: recordFilter(actor, permission) };
}

/** For a list: the actor and the units the permission reaches (core's unitFilter), for the query's WHERE. */
export function requireScope(request: FastifyRequest, permission: Permission): { actor: Actor; scope: UnitFilter } {
  const actor = requireUnitAccess(request, permission);
  return { actor, scope: unitFilter(actor, permission) };
}
