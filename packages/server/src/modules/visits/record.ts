import { VISIT_FORMS, VISIT_PURPOSES, REQUEST_CATEGORIES, type Actor, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { claimFiles } from '../files/index.js';
import { enterprisesOf, findEnterprise, insertRequests, insertVisit, isAssigned, visitsBy } from './repository.js';
import { newRateCode } from './requests.js';
import type { NewVisit } from './schema.js';

/**
 * A cadre records a visit to an enterprise assigned to him (the office may record one for anyone), with
 * the 诉求 the enterprise raised: each is registered (登记) for the office to dispatch. Photos are optional.
 */
export async function recordVisit(db: Db, actor: Actor, who: AuditActor, input: NewVisit, today: IsoDate) {
  if (input.visitedOn > today) throw new AppError('VALIDATION_FAILED', '走访日期不能晚于今天');
  return db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId);
    if (!enterprise) throw new AppError('NOT_FOUND', '企业不存在或无权访问');
    if (!actor.roles.includes('organiser') && !(await isAssigned(tx, input.enterpriseId, actor.userId)))
      throw new AppError('FORBIDDEN', '该企业不在您的包保名单中');
    const visit = await insertVisit(tx, {
      enterpriseId: input.enterpriseId,
      visitorId: actor.userId,
      visitedOn: input.visitedOn,
      companions: input.companions,
      forms: input.forms,
      purposes: input.purposes,
      notes: input.notes,
      fileIds: input.fileIds,
    });
    await claimFiles(tx, actor, input.fileIds, { ownerType: 'visit', ownerId: visit.id, unitId: actor.unitId });
    const requests = await insertRequests(
      tx,
      input.requests.map((r) => ({
        enterpriseId: input.enterpriseId,
        visitId: visit.id,
        category: r.category,
        content: r.content,
        raisedOn: input.visitedOn,
        raisedBy: actor.userId,
        rateCode: newRateCode(),
      })),
    );
    await recordAudit(tx, who, {
      action: 'visit.create',
      targetType: 'visit',
      targetId: visit.id,
      unitId: actor.unitId,
      after: { ...input, requestIds: requests.map((r) => r.id) },
    });
    return { id: visit.id, requestIds: requests.map((r) => r.id) };
  });
}

/** The cadre's phone page: the enterprises assigned to him (least recently visited first) and his visits. */
export async function myVisits(db: Db, actor: Actor) {
  const list = await enterprisesOf(db, actor.userId);
  return {
    enterprises: list.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      scale: e.scale,
      industry: e.industry,
      streetName: e.streetName,
      address: e.address,
      contactName: e.contactName,
      role: e.role,
      lastVisit: e.lastVisit,
    })),
    visits: await visitsBy(db, actor.userId, 50),
    choices: { forms: VISIT_FORMS, purposes: VISIT_PURPOSES, categories: REQUEST_CATEGORIES },
  };
}
