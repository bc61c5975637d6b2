import { LedgerRuleError, MILESTONE_LABELS, reverseSchedule, type IsoDate, type Milestone } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { loadCalendar } from '../calendar/index.js';
import { loadYearData, plansFor } from './model.js';
import { getProject, replaceSteps } from './repository.js';

/** 倒排工期: the unit's steps toward a planned milestone, scheduled back from it on the working calendar. */
export async function scheduleSteps(
  db: Db,
  who: AuditActor,
  projectId: number,
  input: { year: number; milestone: Milestone; steps: { title: string; workingDays: number }[] },
  today: IsoDate,
) {
  return db.transaction(async (tx) => {
    const p = await getProject(tx, projectId);
    if (!p) throw notFound('项目');
    const { current } = plansFor(await loadYearData(tx, [projectId], input.year), projectId);
    const date = current?.plan.milestones[input.milestone];
    if (!date) throw invalidState(`${MILESTONE_LABELS[input.milestone]}没有计划日期，无法倒排`);
    let scheduled;
    try {
      scheduled = reverseSchedule(await loadCalendar(tx), { finalDeadline: date, steps: input.steps, today });
    } catch (e) {
      if (e instanceof LedgerRuleError) throw new AppError('VALIDATION_FAILED', e.message);
      throw e;
    }
    await replaceSteps(tx, projectId, input.milestone, scheduled);
    await recordAudit(tx, who, {
      action: 'project.steps',
      targetType: 'project',
      targetId: projectId,
      unitId: p.unitId,
      after: { milestone: input.milestone, steps: scheduled },
    });
    return { steps: scheduled };
  });
}
