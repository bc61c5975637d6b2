import { can, mayReadCadreRecord, type Actor, type CadreView, type UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { checkAccess } from '../../http/access.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import {
  cadreOfUser,
  cadresInUnits,
  findCadre,
  insertCadre,
  movePost,
  setCadre,
  setCurrentSince,
  type CadreRow,
} from './repository.js';
import type { CadrePatch, NewCadre } from './schema.js';

/** The register's rows as the caller sees them, with what they may do next. */
export async function views(db: Db, actor: Actor, rows: readonly CadreRow[]): Promise<CadreView[]> {
  const unitById = await units.byIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => {
    const unit = unitById.get(r.unitId);
    const path = unit?.path ?? '#';
    return {
      id: r.id,
      name: r.name,
      post: r.post,
      unit: { id: r.unitId, name: unit?.name ?? '' },
      since: r.since,
      account: r.userId !== null && r.username !== null ? { id: r.userId, username: r.username } : null,
      actions: {
        edit: can(actor, 'cadre.manage', path),
        record: mayReadCadreRecord(actor, { unitPath: path, userId: r.userId }),
      },
    };
  });
}

/** The cadres of the units the caller's scope reaches (optionally one unit's, or by name). */
export async function listCadres(
  db: Db,
  actor: Actor,
  scope: UnitFilter,
  q: { unitId?: number | undefined; q?: string | undefined },
): Promise<CadreView[]> {
  if (scope.kind === 'none') return [];
  let ids: number[] | 'all' = scope.kind === 'all' ? 'all' : (await units.inScope(db, scope)).map((u) => u.id);
  if (q.unitId !== undefined) ids = ids === 'all' || ids.includes(q.unitId) ? [q.unitId] : [];
  return views(db, actor, await cadresInUnits(db, ids, q.q));
}

/** The account named by username, free to link to this cadre (one account is one person). */
async function accountFor(db: Db, username: string | null | undefined, cadreId: number | null): Promise<number | null> {
  if (!username) return null;
  const id = (await users.activeIdsByUsername(db, [username])).get(username.toLowerCase());
  if (id === undefined) throw new AppError('VALIDATION_FAILED', `找不到在用账号“${username}”`, { field: 'account' });
  const holder = await cadreOfUser(db, id);
  if (holder && holder.id !== cadreId)
    throw conflict(`账号“${username}”已关联干部“${holder.name}”`, { field: 'account' });
  return id;
}

export async function createCadre(db: Db, actor: Actor, who: AuditActor, input: NewCadre): Promise<CadreView> {
  return db.transaction(async (tx) => {
    await checkAccess(tx, actor, 'cadre.manage', { unitId: input.unitId });
    const userId = await accountFor(tx, input.account, null);
    const { id } = await insertCadre(tx, {
      name: input.name,
      post: input.post,
      unitId: input.unitId,
      since: input.since,
      userId,
    });
    const after = (await findCadre(tx, id))!;
    await recordAudit(tx, who, {
      action: 'cadre.create',
      targetType: 'cadre',
      targetId: id,
      unitId: input.unitId,
      after,
    });
    return (await views(tx, actor, [after]))[0]!;
  });
}

/**
 * A change to a cadre: moving them to another unit or post closes the current post and opens the new one from
 * `since` (任职经历), so the record keeps the units they led before. Both units must be the caller's.
 */
export async function updateCadre(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  patch: CadrePatch,
): Promise<CadreView> {
  return db.transaction(async (tx) => {
    const before = await findCadre(tx, id);
    if (!before) throw notFound('干部');
    await checkAccess(tx, actor, 'cadre.manage', { unitId: before.unitId });
    if (patch.unitId !== undefined && patch.unitId !== before.unitId)
      await checkAccess(tx, actor, 'cadre.manage', { unitId: patch.unitId });
    const userId = patch.account === undefined ? before.userId : await accountFor(tx, patch.account, id);
    const next = {
      name: patch.name ?? before.name,
      post: patch.post ?? before.post,
      unitId: patch.unitId ?? before.unitId,
      since: patch.since ?? before.since,
      userId,
    };
    if (next.unitId !== before.unitId || next.post !== before.post) {
      if (next.since <= before.since)
        throw new AppError('VALIDATION_FAILED', `调任新职须填写新的任职时间（晚于 ${before.since}）`, {
          field: 'since',
        });
      await movePost(tx, id, { unitId: next.unitId, post: next.post, since: next.since });
    } else if (next.since !== before.since) await setCurrentSince(tx, id, next.since);
    await setCadre(tx, id, next);
    const after = (await findCadre(tx, id))!;
    await recordAudit(tx, who, {
      action: 'cadre.update',
      targetType: 'cadre',
      targetId: id,
      unitId: after.unitId,
      before,
      after,
    });
    return (await views(tx, actor, [after]))[0]!;
  });
}
