import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import {
  REQUEST_CATEGORY_LABELS,
  hasPermission,
  mergeProblem,
  mergedSources,
  requestDeadlines,
  requestStage,
  type Actor,
  type IsoDate,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { visitRequests } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { loadCalendar } from '../calendar/index.js';
import * as ledger from '../ledger/index.js';
import * as units from '../units/index.js';
import {
  findEnterprise,
  findRequestRows,
  listRequests,
  lockRequest,
  repointMerged,
  updateRequest,
  type RequestListRow,
} from './repository.js';
import type { Dispatch, RequestQuery } from './schema.js';
import { visitSettings } from './settings.js';

/** The public page's code: unguessable, URL-safe. */
export const newRateCode = (): string => randomBytes(18).toString('base64url');

/** 诉求 as the office's list and the enterprise page show them, with what the viewer may do next. */
export async function requestViews(db: Db, actor: Actor, rows: readonly RequestListRow[]) {
  const leads = await units.byIds(
    db,
    rows.flatMap((r) => (r.leadUnitId === null ? [] : [r.leadUnitId])),
  );
  const ids = rows.map((r) => r.r.id);
  const merged =
    ids.length === 0
      ? []
      : await db
          .select({ id: visitRequests.id, into: visitRequests.mergedIntoId })
          .from(visitRequests)
          .where(inArray(visitRequests.mergedIntoId, ids));
  const manage = hasPermission(actor, 'visit.manage');
  return rows.map((row) => {
    const r = row.r;
    const stage = requestStage({
      dispatched: r.ledgerItemId !== null,
      ledgerState: row.ledgerState,
      rating: r.rating,
      calledBack: false,
    });
    const open = r.mergedIntoId === null;
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: row.enterpriseName,
      channel: r.channel,
      category: r.category,
      content: r.content,
      raisedOn: r.raisedOn,
      raisedByName: row.raisedByName,
      stage,
      ledgerItemId: r.ledgerItemId,
      leadUnitName: row.leadUnitId === null ? null : (leads.get(row.leadUnitId)?.name ?? null),
      deadline: row.deadline,
      coDeadline: r.coDeadline,
      rating: r.rating,
      mergedIntoId: r.mergedIntoId,
      mergedCount: merged.filter((m) => m.into === r.id).length,
      rateLink: manage ? `/v/${r.rateCode}` : null,
      actions: {
        dispatch: manage && open && r.ledgerItemId === null,
        merge: manage && open && r.ledgerItemId === null,
      },
    };
  });
}
export type RequestView = Awaited<ReturnType<typeof requestViews>>[number];

export async function requestView(db: Db, actor: Actor, row: RequestListRow): Promise<RequestView> {
  return (await requestViews(db, actor, [row]))[0]!;
}

export async function requestList(db: Db, actor: Actor, scope: UnitFilter, q: RequestQuery) {
  const { total, rows } = await listRequests(db, scope, q);
  return { total, page: q.page, pageSize: q.pageSize, items: await requestViews(db, actor, rows) };
}

/** One 诉求 with every source it carries (its own and those merged into it). */
export async function requestDetail(db: Db, actor: Actor, id: number) {
  const rows = await findRequestRows(db, eq(visitRequests.id, id));
  if (!rows[0]) throw new AppError('NOT_FOUND', '诉求不存在或无权访问');
  const sources = await findRequestRows(db, eq(visitRequests.mergedIntoId, id));
  const view = await requestView(db, actor, rows[0]);
  const asSource = (r: RequestListRow) => ({
    requestId: r.r.id,
    channel: r.r.channel,
    raisedOn: r.r.raisedOn,
    raisedBy: r.raisedByName ?? '12345 热线',
  });
  return { ...view, sources: mergedSources([asSource(rows[0])], sources.map(asSource)) };
}

/**
 * 分派: the office routes a 诉求 to a lead unit and co-units. It becomes a ledger item (source 企业诉求) due
 * in the office's working days for the lead unit; the co-units' deadline is kept on the 诉求.
 */
export async function dispatchRequest(db: Db, who: AuditActor, id: number, input: Dispatch, today: IsoDate) {
  return db.transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    if (!r) throw new AppError('NOT_FOUND', '诉求不存在或无权访问');
    if (r.mergedIntoId !== null) throw new AppError('INVALID_STATE', '该诉求已合并，请分派其主诉求');
    if (r.ledgerItemId !== null) throw new AppError('INVALID_STATE', '该诉求已分派');
    const found = await units.byIds(tx, [input.leadUnitId, ...input.coUnitIds]);
    for (const u of [input.leadUnitId, ...input.coUnitIds])
      if (!found.get(u)?.active) throw new AppError('VALIDATION_FAILED', '所选单位不存在或已停用');
    const deadlines = requestDeadlines(await loadCalendar(tx), today, await visitSettings(tx));
    const enterprise = (await findEnterprise(tx, r.enterpriseId))!;
    const itemId = await ledger.openRectification(tx, who, {
      title: `【企业诉求】${enterprise.name}：${REQUEST_CATEGORY_LABELS[r.category]}`,
      content: `${r.content}\n（配合单位请于 ${deadlines.coUnits} 前向牵头单位反馈；牵头单位请于 ${deadlines.lead} 前答复企业）`,
      source: '企业诉求',
      leadUnitId: input.leadUnitId,
      coUnitIds: input.coUnitIds,
      leadUnitName: found.get(input.leadUnitId)!.name,
      deadline: deadlines.lead,
      tags: ['万企走访', REQUEST_CATEGORY_LABELS[r.category]],
    });
    const updated = await updateRequest(tx, id, { ledgerItemId: itemId, coDeadline: deadlines.coUnits });
    await recordAudit(tx, who, {
      action: 'visit_request.dispatch',
      targetType: 'visit_request',
      targetId: id,
      before: { ledgerItemId: null },
      after: { ledgerItemId: itemId, ...input, deadline: deadlines.lead, coDeadline: deadlines.coUnits },
    });
    return { id: updated.id, ledgerItemId: itemId, deadline: deadlines.lead, coDeadline: deadlines.coUnits };
  });
}

/** 合并: the same 诉求 raised again is carried on by the target, which keeps every source (audited). */
export async function mergeRequest(db: Db, who: AuditActor, id: number, intoId: number) {
  return db.transaction(async (tx) => {
    // Lock in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = id < intoId ? [id, intoId] : [intoId, id];
    const a = await lockRequest(tx, first);
    const b = await lockRequest(tx, second);
    const source = id === first ? a : b;
    const target = id === first ? b : a;
    if (!source || !target) throw new AppError('NOT_FOUND', '诉求不存在或无权访问');
    const problem = mergeProblem(
      { ...source, dispatched: source.ledgerItemId !== null },
      { id: target.id, enterpriseId: target.enterpriseId, mergedIntoId: target.mergedIntoId },
    );
    if (problem) throw new AppError('RULE_VIOLATION', problem);
    await updateRequest(tx, id, { mergedIntoId: intoId });
    await repointMerged(tx, id, intoId);
    await recordAudit(tx, who, {
      action: 'visit_request.merge',
      targetType: 'visit_request',
      targetId: id,
      before: { mergedIntoId: null },
      after: { mergedIntoId: intoId },
    });
    return { id, mergedIntoId: intoId };
  });
}
