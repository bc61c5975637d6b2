import { planDiff, planProblems, type Actor, type IsoDate, type ProjectPlan } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { closeWithRecord } from '../ledger/index.js';
import { plansFor, loadYearData } from './model.js';
import {
  decideChange,
  getProject,
  insertChange,
  insertPlans,
  lockChange,
  lockInterview,
  recordInterview,
} from './repository.js';

/** 计划调整申请: the responsible unit proposes a new plan for the year; nothing changes until the office approves. */
export async function requestPlanChange(
  db: Db,
  actor: Actor,
  who: AuditActor,
  projectId: number,
  input: { year: number; plan: ProjectPlan; reason: string },
) {
  const problems = planProblems(input.plan);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'));
  return db.transaction(async (tx) => {
    const p = await getProject(tx, projectId);
    if (!p) throw notFound('项目');
    const { current } = plansFor(await loadYearData(tx, [projectId], input.year), projectId);
    if (!current) throw invalidState(`项目没有 ${input.year} 年的计划，无法申请调整`);
    if (planDiff(current.plan, input.plan).length === 0) throw invalidState('调整后的计划与现行计划相同');
    const row = await insertChange(tx, {
      projectId,
      year: input.year,
      fromVersion: current.version,
      proposed: input.plan,
      reason: input.reason,
      requestedBy: actor.userId,
    });
    await recordAudit(tx, who, {
      action: 'project.plan_change.request',
      targetType: 'project',
      targetId: projectId,
      unitId: p.unitId,
      before: current.plan,
      after: { plan: input.plan, reason: input.reason },
    });
    return { id: row.id };
  });
}

/** The office approves (the next plan version, beside the baseline) or refuses, with its reason. */
export async function decidePlanChange(
  db: Db,
  actor: Actor,
  who: AuditActor,
  changeId: number,
  input: { action: 'approve' | 'refuse'; decision: string },
) {
  return db.transaction(async (tx) => {
    const change = await lockChange(tx, changeId);
    if (!change) throw notFound('计划调整申请');
    if (change.state !== 'pending') throw invalidState('该申请已处理');
    if (change.requestedBy === actor.userId) throw forbidden('不能审批自己提出的申请');
    const d = await loadYearData(tx, [change.projectId], change.year);
    const { current } = plansFor(d, change.projectId);
    if (!current || current.version !== change.fromVersion)
      throw conflict('计划在申请之后已调整过，请单位按现行计划重新申请');
    const p = await getProject(tx, change.projectId);
    if (input.action === 'approve')
      await insertPlans(tx, [
        {
          projectId: change.projectId,
          year: change.year,
          version: current.version + 1,
          plan: change.proposed,
          reason: change.reason,
          changeId: change.id,
          createdBy: actor.userId,
        },
      ]);
    await decideChange(tx, changeId, {
      state: input.action === 'approve' ? 'approved' : 'refused',
      decidedBy: actor.userId,
      decision: input.decision,
    });
    await recordAudit(tx, who, {
      action: `project.plan_change.${input.action}`,
      targetType: 'project',
      targetId: change.projectId,
      unitId: p?.unitId ?? null,
      before: current.plan,
      after: input.action === 'approve' ? change.proposed : current.plan,
    });
    return { state: input.action === 'approve' ? 'approved' : 'refused' };
  });
}

/** 约谈记录: the interview held, written down; its ledger item is closed with the record. */
export async function recordInterviewHeld(
  db: Db,
  actor: Actor,
  who: AuditActor,
  interviewId: number,
  input: { heldOn: IsoDate; record: string },
  today: IsoDate,
) {
  if (input.heldOn > today) throw new AppError('VALIDATION_FAILED', '约谈日期不能晚于今天');
  return db.transaction(async (tx) => {
    const row = await lockInterview(tx, interviewId);
    if (!row) throw notFound('约谈');
    if (row.heldOn !== null) throw invalidState('该约谈已登记');
    await recordInterview(tx, interviewId, { heldOn: input.heldOn, record: input.record, recordedBy: actor.userId });
    await closeWithRecord(
      tx,
      who,
      row.ledgerItemId,
      { kind: 'interview_recorded', text: `${input.heldOn} 已约谈：${input.record}` },
      today,
    );
    const p = await getProject(tx, row.projectId);
    await recordAudit(tx, who, {
      action: 'project.interview.record',
      targetType: 'project',
      targetId: row.projectId,
      unitId: p?.unitId ?? null,
      after: { interviewId, ...input },
    });
    return { id: interviewId };
  });
}
