import { type IsoDate } from '@leitai/core';
import { asc, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectInterviews } from '../../db/schema/index.js';
import type { AuditActor } from '../audit/index.js';
import { closeWithRecord } from '../ledger/index.js';
import { loadYearData, plansFor } from './model.js';
import { decideChange, insertChange, insertPlans, recordInterview } from './repository.js';

/**
 * For the demo seeder only: a lived-in history written directly (an interview already held, a change
 * already decided), through the same rows and ledger face the use cases write.
 */
export async function recordDemoInterview(tx: Db, who: AuditActor, today: IsoDate): Promise<void> {
  const [first] = await tx
    .select()
    .from(projectInterviews)
    .where(isNull(projectInterviews.heldOn))
    .orderBy(asc(projectInterviews.id))
    .limit(1);
  if (!first || who.id === null) return;
  const record = '在区政府 302 会议室约谈项目负责人，议定：两周内补齐施工力量，每周报送进度，月底前追回序时计划。';
  await recordInterview(tx, first.id, { heldOn: today, record, recordedBy: who.id });
  await closeWithRecord(
    tx,
    who,
    first.ledgerItemId,
    { kind: 'interview_recorded', text: `${today} 已约谈：${record}` },
    today,
  );
}

/** A start moved two months later, asked by the unit and approved by the second organiser: plan version 2. */
export async function approveDemoChange(tx: Db, projectId: number, year: number, by: number, approver: number) {
  const { current } = plansFor(await loadYearData(tx, [projectId], year), projectId);
  const start = current?.plan.milestones.start;
  if (!current || !start) return;
  const moved = `${year}-${String(Math.min(12, Number(start.slice(5, 7)) + 2)).padStart(2, '0')}-28`;
  const stats =
    current.plan.milestones.stats && current.plan.milestones.stats < moved ? moved : current.plan.milestones.stats;
  const proposed = {
    ...current.plan,
    milestones: { ...current.plan.milestones, start: moved, ...(stats ? { stats } : {}) },
  };
  const reason = '征迁交地滞后两个月，申请开工节点顺延';
  const change = await insertChange(tx, {
    projectId,
    year,
    fromVersion: current.version,
    proposed,
    reason,
    requestedBy: by,
  });
  await insertPlans(tx, [
    { projectId, year, version: current.version + 1, plan: proposed, reason, changeId: change.id, createdBy: approver },
  ]);
  await decideChange(tx, change.id, { state: 'approved', decidedBy: approver, decision: '同意，按新节点倒排工期' });
}
