import { splitPeriod, urgeProblem, type Actor, type IsoDate, type ReportState } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState, notFound } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import * as supervision from '../supervision/index.js';
import * as units from '../units/index.js';
import { campaignOffice } from './records.js';
import { getPeriod, type PeriodRow } from './repo.js';
import type { ReportKey } from './reports.js';
import { loadYear, reportOf, unitTargets } from './year.js';

/** A unit's report for a month as an urge or an instruction names it. */
function subjectOf(key: ReportKey, p: PeriodRow, unitName: string): supervision.Subject {
  return {
    subject: 'report',
    key: { periodId: p.id, unitId: key.unitId },
    unitId: key.unitId,
    what: `${unitName} ${key.period} 月度调度`,
    link: `/dispatch/report/${key.unitId}/${key.period}?campaign=${key.campaignId}`,
  };
}

const urgeRule = (state: ReportState | 'none', p: PeriodRow, today: IsoDate) =>
  urgeProblem({ subject: 'report', state, deadline: p.deadline, today });

/** The month and the unit's report state, refusing a unit the campaign sets no targets for that month. */
async function reportFacts(db: Db, key: ReportKey) {
  const p = await getPeriod(db, key.campaignId, key.period);
  if (!p) throw notFound(`${key.period} 调度`);
  const d = await loadYear(db, key.campaignId, splitPeriod(key.period).year, key.unitId, 'none');
  if (unitTargets(d, key.unitId, key.period).length === 0)
    throw new AppError('VALIDATION_FAILED', '该单位本月没有调度指标');
  const state: ReportState | 'none' = reportOf(d, p.id, key.unitId)?.state ?? 'none';
  return { p, state, unitName: d.unitById.get(key.unitId)?.name ?? '' };
}

/** The urges and instructions the report page shows, with what the viewer may do. */
export async function reportSupervision(
  db: Db,
  viewer: Actor,
  key: ReportKey,
  p: PeriodRow,
  state: ReportState | 'none',
  today: IsoDate,
) {
  return supervision.supervisionOf(
    db,
    viewer,
    { periodId: p.id, unitId: key.unitId },
    {
      unitPath: (await units.pathOf(db, key.unitId)) ?? '#',
      officePath: (await campaignOffice(db, key.campaignId)) ?? '#',
      mayUrge: urgeRule(state, p, today) === null,
    },
  );
}

/** 催报: the office presses a unit whose month is not filed past the deadline (the route checked the campaign is its own). */
export async function urgeReport(
  db: Db,
  actor: Actor,
  who: AuditActor,
  key: ReportKey,
  message: string,
  today: IsoDate,
) {
  return db.transaction(async (tx) => {
    const { p, state, unitName } = await reportFacts(tx, key);
    const problem = urgeRule(state, p, today);
    if (problem) throw invalidState(problem);
    return { id: (await supervision.recordUrge(tx, actor, who, subjectOf(key, p, unitName), message)).id };
  });
}

/** 批示 on a unit's month (the route checked the leader oversees the unit). */
export async function instructReport(db: Db, actor: Actor, who: AuditActor, key: ReportKey, text: string) {
  return db.transaction(async (tx) => {
    const { p, unitName } = await reportFacts(tx, key);
    return { id: (await supervision.recordInstruction(tx, actor, who, subjectOf(key, p, unitName), text)).id };
  });
}
