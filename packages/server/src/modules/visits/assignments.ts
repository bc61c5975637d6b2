import type { IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as users from '../users/index.js';
import { endAssignments, findEnterprise, insertAssignments } from './repository.js';
import type { Assign } from './schema.js';

/**
 * 包保: the office assigns an enterprise to a person as its cadre or leader. A new assignment in a role
 * ends the one before it (endedOn today) and the history stays; assigning the same person again is a no-op.
 */
export async function assign(db: Db, who: AuditActor, input: Assign, today: IsoDate) {
  return db.transaction(async (tx) => {
    if (!(await findEnterprise(tx, input.enterpriseId))) throw new AppError('NOT_FOUND', '企业不存在或无权访问');
    const people = await users.activeOfficials(tx);
    if (!people.some((p) => p.id === input.userId)) throw new AppError('VALIDATION_FAILED', '包保人不存在或已停用');
    const ended = await endAssignments(tx, input.enterpriseId, input.role, today);
    await insertAssignments(tx, [
      {
        enterpriseId: input.enterpriseId,
        userId: input.userId,
        role: input.role,
        startedOn: today,
        reason: input.reason,
      },
    ]);
    await recordAudit(tx, who, {
      action: 'enterprise.assign',
      targetType: 'enterprise',
      targetId: input.enterpriseId,
      before: { role: input.role, userIds: ended.map((e) => e.userId) },
      after: { role: input.role, userId: input.userId, reason: input.reason },
    });
    return { enterpriseId: input.enterpriseId, userId: input.userId, role: input.role, replaced: ended.length };
  });
}

/** People the office may assign, for the picker. */
export const assignablePeople = (db: Db) => users.activeOfficials(db);
