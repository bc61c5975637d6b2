import { randomInt } from 'node:crypto';
import {
  assignableRoles,
  can,
  needsSecondPerson,
  roleSetProblem,
  ROLE_LABELS,
  type Actor,
  type Role,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { checkAccess } from '../../http/access.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { closeOtherSessions, hashPassword } from '../auth/index.js';
import * as units from '../units/index.js';
import { findUser, insertUsers, searchUsers, updateUserRow, usernameTaken, type UserRow } from './repository.js';
import type { NewUserInput, UserPatch, UserQuery } from './schema.js';
import { askSecondPerson, type PendingRequest } from './second-person.js';

/** A one-time password that meets any policy up to 4 classes and 14 characters; the user must change it. */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!?'];
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  const all = sets.join('');
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** The roles an actor may give; refuses the rest with their names. */
export function rolesProblem(actor: Actor, roles: readonly Role[]): string | null {
  const allowed = assignableRoles(actor.roles);
  const refused = roles.filter((r) => !allowed.includes(r));
  if (refused.length > 0) return `你不能授予角色：${refused.map((r) => ROLE_LABELS[r]).join('、')}`;
  const problem = roleSetProblem(roles);
  return problem ? (ROLE_SET_MESSAGES[problem] ?? problem) : null;
}
const ROLE_SET_MESSAGES: Record<string, string> = {
  'at least one role is required': '至少选择一个角色',
  'admin roles are separate: one account holds at most one of sysadmin, secadmin, auditor':
    '三员分立：一个账号最多担任系统、安全、审计管理员中的一个',
  'an admin account holds no other role': '三员分立：管理员账号不能兼任其他角色',
};

async function unitPathOf(db: Db, unitId: number): Promise<string> {
  const unit = await units.byId(db, unitId);
  if (!unit || !unit.active) throw new AppError('VALIDATION_FAILED', '所选单位不存在或已停用', { field: 'unitId' });
  return unit.path;
}

async function checkOverseen(db: Db, roles: readonly Role[], ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  if (!roles.includes('leader'))
    throw new AppError('VALIDATION_FAILED', '只有区领导可以设置分管单位', { field: 'overseenUnitIds' });
  const found = await units.byIds(db, ids);
  if (found.size !== new Set(ids).size)
    throw new AppError('VALIDATION_FAILED', '分管单位中有不存在的单位', { field: 'overseenUnitIds' });
}

/**
 * A user the actor may manage: in scope (the route checked it; checked again here, inside the
 * transaction), and holding only roles the actor could have given (三员分立).
 */
async function manageable(db: Db, actor: Actor, id: number): Promise<UserRow> {
  await checkAccess(db, actor, 'user.manage', { kind: 'user', id });
  const user = await findUser(db, id);
  if (!user) throw notFound('用户');
  const assignable = assignableRoles(actor.roles);
  if (!user.roles.every((r) => assignable.includes(r as Role)))
    throw forbidden('该账号的角色超出你的管理权限（三员分立）');
  return user;
}

const publicView = ({ unitPath: _path, ...user }: UserRow) => user;
export type UserView = ReturnType<typeof publicView>;

/** What the user list page needs to know about the actor. */
export function userMeta(actor: Actor) {
  return {
    assignableRoles: assignableRoles(actor.roles),
    canManage: can(actor, 'user.manage', actor.unitPath),
    self: actor.userId,
  };
}

/** One account (the route checked that the actor may read it). */
export async function getUser(db: Db, id: number): Promise<UserView> {
  const user = await findUser(db, id);
  if (!user) throw notFound('用户');
  return publicView(user);
}

export async function listUsers(
  db: Db,
  scope: UnitFilter,
  q: UserQuery,
): Promise<{ items: UserView[]; total: number }> {
  const { items, total } = await searchUsers(db, q, scope);
  return { items: items.map(publicView), total };
}

export async function createUser(
  db: Db,
  actor: Actor,
  who: AuditActor,
  input: NewUserInput,
): Promise<{ user: UserView; temporaryPassword: string } | { pending: PendingRequest }> {
  const problem = rolesProblem(actor, input.roles);
  if (problem) throw new AppError('RULE_VIOLATION', problem, { field: 'roles' });
  if (needsSecondPerson(null, input.roles))
    return db.transaction(async (tx) => {
      await checkNewAccount(tx, actor, input);
      return { pending: await askSecondPerson(tx, actor, who, 'create', null, input) };
    });
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await checkNewAccount(tx, actor, input);
    return { user: await insertAccount(tx, who, input, passwordHash), temporaryPassword: password };
  });
}

async function checkNewAccount(tx: Db, actor: Actor, input: NewUserInput): Promise<void> {
  await checkAccess(tx, actor, 'user.manage', { unitPath: await unitPathOf(tx, input.unitId) });
  await checkOverseen(tx, input.roles, input.overseenUnitIds);
  if (await usernameTaken(tx, input.username))
    throw conflict(`用户名“${input.username}”已被使用`, { field: 'username' });
}

/** Inserts a checked account (also when the security admin approves one). */
export async function insertAccount(
  tx: Db,
  who: AuditActor,
  input: NewUserInput,
  passwordHash: string,
  approval?: { requestId: number },
): Promise<UserView> {
  if (await usernameTaken(tx, input.username))
    throw conflict(`用户名“${input.username}”已被使用`, { field: 'username' });
  const [row] = await insertUsers(tx, [
    {
      username: input.username,
      displayName: input.displayName,
      unitId: input.unitId,
      roles: input.roles,
      overseenUnitIds: input.overseenUnitIds,
      phone: input.phone ?? null,
      passwordHash,
      mustChangePassword: true,
    },
  ]);
  const created = (await findUser(tx, row!.id))!;
  await recordAudit(tx, who, {
    action: 'user.create',
    targetType: 'user',
    targetId: created.id,
    unitId: created.unitId,
    after: { ...publicView(created), ...approval },
  });
  return publicView(created);
}

export async function updateUser(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  patch: UserPatch,
): Promise<UserView | { pending: PendingRequest }> {
  return db.transaction(async (tx) => {
    const before = await manageable(tx, actor, id);
    if (id === actor.userId && (patch.roles !== undefined || patch.active === false))
      throw forbidden('不能修改自己的角色或停用自己的账号');
    const roles = (patch.roles ?? before.roles) as Role[];
    if (patch.roles) {
      const problem = rolesProblem(actor, patch.roles);
      if (problem) throw new AppError('RULE_VIOLATION', problem, { field: 'roles' });
    }
    if (patch.unitId !== undefined)
      await checkAccess(tx, actor, 'user.manage', { unitPath: await unitPathOf(tx, patch.unitId) });
    await checkOverseen(tx, roles, patch.overseenUnitIds ?? (roles.includes('leader') ? before.overseenUnitIds : []));
    if (needsSecondPerson(before.roles as Role[], roles))
      return { pending: await askSecondPerson(tx, actor, who, 'update', id, patch) };
    return applyUpdate(tx, who, before, patch);
  });
}

/** Writes a checked change (also when the security admin approves one). */
export async function applyUpdate(
  tx: Db,
  who: AuditActor,
  before: UserRow,
  patch: UserPatch,
  approval?: { requestId: number },
): Promise<UserView> {
  const id = before.id;
  const roles = (patch.roles ?? before.roles) as Role[];
  await updateUserRow(tx, id, { ...patch, ...(roles.includes('leader') ? {} : { overseenUnitIds: [] }) });
  // A disabled account, or one whose roles changed, signs in again with what it now is.
  if (patch.active === false || patch.roles || patch.unitId !== undefined) await closeOtherSessions(tx, id, null);
  const after = (await findUser(tx, id))!;
  await recordAudit(tx, who, {
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    unitId: after.unitId,
    before: publicView(before),
    after: { ...publicView(after), ...approval },
  });
  return publicView(after);
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
): Promise<{ temporaryPassword: string } | { pending: PendingRequest }> {
  const user = await db.transaction((tx) => manageable(tx, actor, id));
  if (needsSecondPerson(user.roles as Role[], []))
    return db.transaction(async (tx) => ({ pending: await askSecondPerson(tx, actor, who, 'reset_password', id, {}) }));
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => applyReset(tx, who, await manageable(tx, actor, id), passwordHash));
  return { temporaryPassword: password };
}

/** Sets a one-time password and ends the account's sessions (also when the security admin approves a reset). */
export async function applyReset(
  tx: Db,
  who: AuditActor,
  user: UserRow,
  passwordHash: string,
  approval?: { requestId: number },
): Promise<void> {
  await updateUserRow(tx, user.id, { passwordHash, mustChangePassword: true });
  await closeOtherSessions(tx, user.id, null);
  await recordAudit(tx, who, {
    action: 'user.password_reset',
    targetType: 'user',
    targetId: user.id,
    unitId: user.unitId,
    ...(approval ? { after: approval } : {}),
  });
}
