/**
 * The projects module's face (重点项目, 挂图作战): what other modules, the app, jobs, demo and CLI may call.
 * Everything else in this folder is private to it.
 */
import { defineTarget } from '../../http/access.js';
import type { EventConsumer } from '../../events/consumer.js';
import { shanghaiDate } from '../../jobs/clock.js';
import type { AuditActor } from '../audit/index.js';
import { resolveChange, resolveInterview, resolveProject } from './access.js';
import { settleMonth, settleOverdue } from './months.js';
import * as dispatch from '../dispatch/index.js';
import type { DailyJob } from '../../jobs/runner.js';
import { dayNumber, fromDayNumber } from '@leitai/core';

export { projectRoutes } from './routes.js';
export { projectReportSection, settleMonth, settleProjects } from './months.js';
// For the demo seeder, which writes a lived-in register (months in the past) directly.
export { insertNewProjects, type NewProject } from './register.js';
export { upsertMilestone, upsertMonth, projectsOfUnit } from './repository.js';
export { approveDemoChange, recordDemoInterview } from './demo.js';

declare module '../../http/access.js' {
  interface TargetKinds {
    project: number;
    project_interview: number;
    project_change: number;
  }
}

const visibleWith = ['project.read'] as const;

/** A project: its responsible unit and co-units are its parties; its 包保领导 and 分管副职 its owners. */
export const projectTarget = defineTarget({ kind: 'project', noun: '项目', visibleWith, resolve: resolveProject });
export const interviewTarget = defineTarget({
  kind: 'project_interview',
  noun: '约谈',
  visibleWith,
  resolve: resolveInterview,
});
export const changeTarget = defineTarget({
  kind: 'project_change',
  noun: '计划调整申请',
  visibleWith,
  resolve: resolveChange,
});

export const accessTargets = [projectTarget, interviewTarget, changeTarget];

const SYSTEM: AuditActor = { id: null, name: '系统（项目亮牌）', address: null };

/** The office accepted a unit's monthly report: its projects' cards for the month are settled, the ladder stepped. */
export const projectCardConsumer: EventConsumer = {
  name: 'projects.cards',
  topics: ['report.reviewed'],
  async handle(tx, event) {
    if (event.type !== 'report.reviewed' || event.verdict !== 'accept') return;
    await settleMonth(tx, SYSTEM, event.unitId, event.period, shanghaiDate());
  },
};

/** Every morning: months past their report deadline (this year and last) are settled, overdue where unreported. */
export const projectSettleJob: DailyJob = {
  name: 'projects.settle',
  atHour: 7,
  run: async (tx, day) => {
    const since = `${fromDayNumber(dayNumber(day) - 400).slice(0, 7)}`;
    return settleOverdue(tx, SYSTEM, await dispatch.monthsPastDeadline(tx, day, since), day);
  },
};
