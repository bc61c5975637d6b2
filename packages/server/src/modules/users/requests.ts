import { and, desc, eq } from 'drizzle-orm';
import { ROLE_LABELS, type Role } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { adminRequests } from '../../db/schema/index.js';
import { invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { hashPassword } from '../auth/index.js';
import { displayNames, findUser } from './repository.js';
import { ZNewUser, ZUserPatch } from './schema.js';
import { applyReset, applyUpdate, insertAccount, temporaryPassword } from './service.js';
import type { AdminRequestKind } from './second-person.js';

const KIND_LABELS: Record<AdminRequestKind, string> = {
  create: '新建管理员账号',
  update: '修改管理员账号',
  reset_password: '重置管理员密码',
};

/** The requests for the security admin, newest first, each said in words. */
export async function listAdminRequests(db: Db) {
  const rows = await db.select().from(adminRequests).orderBy(desc(adminRequests.id)).limit(200);
  const names = await displayNames(
    db,
    rows.flatMap((r) => [
      r.requestedBy,
      ...(r.decidedBy ? [r.decidedBy] : []),
      ...(r.targetUserId ? [r.targetUserId] : []),
    ]),
  );
  return rows.map((r) => {
    const payload = r.payload as { username?: string; displayName?: string; roles?: Role[] };
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind as AdminRequestKind],
      target: r.targetUserId
        ? (names.get(r.targetUserId) ?? `#${r.targetUserId}`)
        : `${payload.displayName}（${payload.username}）`,
      roles: (payload.roles ?? []).map((role) => ROLE_LABELS[role]),
      requestedBy: names.get(r.requestedBy) ?? '',
      requestedAt: r.requestedAt.toISOString(),
      state: r.state,
      decidedBy: r.decidedBy ? (names.get(r.decidedBy) ?? '') : null,
      reason: r.reason,
      actions: r.state === 'pending' ? (['approve', 'refuse'] as const) : [],
    };
  });
}

/**
 * The security admin decides. Approval carries the change out in the same transaction; a new or reset
 * password is shown to the approver once, never to the system admin who asked.
 */
export async function decideAdminRequest(
  db: Db,
  deciderId: number,
  who: AuditActor,
  id: number,
  decision: { approve: boolean; reason: string },
): Promise<{
  state: 'approved' | 'refused';
  temporaryPassword?: string;
  account?: { username: string; displayName: string };
}> {
  // The hash is slow by design: made before the transaction, and only for what issues a password.
  const [asked] = await db.select({ kind: adminRequests.kind }).from(adminRequests).where(eq(adminRequests.id, id));
  const password = decision.approve && asked?.kind !== 'update' ? temporaryPassword() : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(adminRequests).where(eq(adminRequests.id, id)).for('update');
    if (!request) throw notFound('审批申请');
    if (request.state !== 'pending') throw invalidState('该申请已处理');
    const state = decision.approve ? 'approved' : 'refused';
    await tx
      .update(adminRequests)
      .set({ state, decidedBy: deciderId, decidedAt: new Date(), reason: decision.reason })
      .where(and(eq(adminRequests.id, id), eq(adminRequests.state, 'pending')));
    await recordAudit(tx, who, {
      action: decision.approve ? 'user.admin_request_approve' : 'user.admin_request_refuse',
      targetType: 'admin_request',
      targetId: id,
      before: { state: 'pending' },
      after: { state, reason: decision.reason },
    });
    if (!decision.approve) return { state: 'refused' };
    const approval = { requestId: id };
    const kind = request.kind as AdminRequestKind;
    if (kind === 'create') {
      const made = await insertAccount(tx, who, ZNewUser.parse(request.payload), passwordHash!, approval);
      const account = { username: made.username, displayName: made.displayName };
      return { state: 'approved', temporaryPassword: password, account };
    }
    const target = request.targetUserId ? await findUser(tx, request.targetUserId) : undefined;
    if (!target) throw notFound('用户');
    if (kind === 'update') {
      await applyUpdate(tx, who, target, ZUserPatch.parse(request.payload), approval);
      return { state: 'approved' };
    }
    await applyReset(tx, who, target, passwordHash!, approval);
    const account = { username: target.username, displayName: target.displayName };
    return { state: 'approved', temporaryPassword: password, account };
  });
}
