import { ENTERPRISE_SCALE_LABELS, hasPermission, type Actor, type UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import {
  assignmentsOf,
  existingCreditCodes,
  insertEnterprises,
  listEnterprises,
  visitsOfEnterprise,
  findEnterprise,
  findRequestRows,
} from './repository.js';
import type { EnterpriseQuery, NewEnterprise } from './schema.js';
import { visitRequests } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { requestView } from './requests.js';

/** The streets an enterprise may belong to: townships (镇街) and zones. */
export async function streetChoices(db: Db): Promise<{ id: number; name: string }[]> {
  return (await units.all(db))
    .filter((u) => u.kind === 'township' || u.kind === 'zone')
    .map((u) => ({ id: u.id, name: u.name }));
}

/** Adds one enterprise to the register (audited); a credit code already registered is refused. */
export async function createEnterprise(db: Db, who: AuditActor, input: NewEnterprise): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    if ((await existingCreditCodes(tx, [input.creditCode])).size > 0)
      throw new AppError('CONFLICT', `统一社会信用代码 ${input.creditCode} 已在企业库中`);
    if (input.streetUnitId !== null && !(await units.byId(tx, input.streetUnitId)))
      throw new AppError('VALIDATION_FAILED', '所属街道不存在');
    const [id] = await insertEnterprises(tx, [input]);
    await recordAudit(tx, who, { action: 'enterprise.create', targetType: 'enterprise', targetId: id!, after: input });
    return { id: id! };
  });
}

const assigneeView = (a: { userId: number; userName: string; role: 'cadre' | 'leader'; startedOn: string }) => ({
  userId: a.userId,
  name: a.userName,
  role: a.role,
  since: a.startedOn,
});

/** The register's page: enterprises in the caller's scope with who is assigned to each now. */
export async function enterpriseList(db: Db, actor: Actor, scope: UnitFilter, q: EnterpriseQuery) {
  const { total, rows } = await listEnterprises(db, scope, q);
  const assigned = await assignmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const manage = hasPermission(actor, 'visit.manage');
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.creditCode,
      industry: r.industry,
      scale: r.scale,
      streetName: r.streetName,
      address: r.address,
      contactName: r.contactName,
      assignees: assigned.filter((a) => a.enterpriseId === r.id).map(assigneeView),
    })),
    actions: { create: manage, import: manage, assign: manage },
  };
}

/** One enterprise: its facts, its assignment history, its visits and its 诉求 (for the office and its cadres). */
export async function enterpriseDetail(db: Db, actor: Actor, id: number) {
  const e = await findEnterprise(db, id);
  if (!e) throw new AppError('NOT_FOUND', '企业不存在或无权访问');
  const history = await assignmentsOf(db, [id], true);
  const streetName = e.streetUnitId === null ? null : ((await units.byId(db, e.streetUnitId))?.name ?? null);
  const requests = await findRequestRows(db, eq(visitRequests.enterpriseId, id));
  const manage = hasPermission(actor, 'visit.manage');
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry,
    scale: e.scale,
    scaleLabel: ENTERPRISE_SCALE_LABELS[e.scale],
    streetName,
    address: e.address,
    contactName: e.contactName,
    contactPhone: manage ? e.contactPhone : '',
    assignments: history.map((a) => ({ ...assigneeView(a), endedOn: a.endedOn, reason: a.reason })),
    visits: await visitsOfEnterprise(db, id),
    requests: await Promise.all(requests.map((r) => requestView(db, actor, r))),
    actions: { assign: manage, visit: history.some((a) => a.endedOn === null && a.userId === actor.userId) },
  };
}
