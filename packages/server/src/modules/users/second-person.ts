import type { Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { adminRequests } from '../../db/schema/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';

export type AdminRequestKind = 'create' | 'update' | 'reset_password';

/** What the system admin is told: the change waits for the security admin. */
export interface PendingRequest {
  id: number;
  kind: AdminRequestKind;
  message: string;
}

/**
 * 三员分立: a change to an admin account is not made but asked for. The request (never a password) waits for
 * the security admin, who can approve or refuse it and cannot ask for one; the system admin cannot decide.
 */
export async function askSecondPerson(
  tx: Db,
  actor: Actor,
  who: AuditActor,
  kind: AdminRequestKind,
  targetUserId: number | null,
  payload: object,
): Promise<PendingRequest> {
  const [row] = await tx
    .insert(adminRequests)
    .values({ kind, targetUserId, payload, requestedBy: actor.userId })
    .returning({ id: adminRequests.id });
  await recordAudit(tx, who, {
    action: 'user.admin_request',
    targetType: 'admin_request',
    targetId: row!.id,
    after: { kind, targetUserId, payload },
  });
  return { id: row!.id, kind, message: '管理员账号的变更须经安全管理员审批（三员分立），已提交审批' };
}
