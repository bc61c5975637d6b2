import {
  allowedReportActions,
  can,
  reportActionProblem,
  reportNextState,
  reportSubmitRefusal,
  reportTiming,
  splitPeriod,
  type Actor,
  type IsoDate,
  type ReportViewer,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { forbidden, invalidState } from '../../errors.js';
import { emit } from '../../events/emit.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import { handedOffReports, updateReport, userName } from './repo.js';
import {
  periodOrThrow,
  reportFor,
  savedContent,
  snapshot,
  writeContent,
  writeFigures,
  type ReportKey,
} from './reports.js';
import type { SendReport } from './schema.js';
import { checkSectionsComplete } from './sections.js';
import { dispatchSettings } from './settings.js';
import { loadYear } from './year.js';

/** What the actor holds over the unit's report, as core's report rules read it. */
export async function reportViewer(db: Db, actor: Actor, unitId: number): Promise<ReportViewer> {
  const path = (await units.pathOf(db, unitId)) ?? '#';
  return {
    fill: can(actor, 'report.fill', path),
    submit: can(actor, 'report.submit', path),
    review: can(actor, 'report.review', path),
    ownUnit: actor.unitId === unitId,
  };
}

/**
 * 提交负责人 (handoff) or 报送 (submit). With the form, what was on screen is written and sent as one
 * version (no separate save); without it, the stored figures are sent. Every figure must be filled and valid.
 * The first submission date decides lateness; a handoff tells the unit's head, a submission the office.
 */
export async function sendReport(
  db: Db,
  actor: Actor,
  who: AuditActor,
  key: ReportKey,
  input: SendReport,
  today: IsoDate,
) {
  const { campaignId, period, unitId } = key;
  const { action } = input;
  return db.transaction(async (tx) => {
    const p = await periodOrThrow(tx, campaignId, period);
    const report = await reportFor(tx, p, unitId, action, input.version);
    const viewer = await reportViewer(tx, actor, unitId);
    const policy = await dispatchSettings(tx);
    if (!allowedReportActions(report.state, p.open, viewer, policy).includes(action)) {
      const problem = reportActionProblem(report.state, action, p.open);
      if (problem) throw invalidState(problem);
      throw forbidden(
        action === 'submit'
          ? (reportSubmitRefusal(viewer, policy) ?? '不能报送')
          : '单位负责人可直接报送，无需提交负责人',
      );
    }
    const d = await loadYear(tx, campaignId, splitPeriod(period).year, unitId);
    const before = input.form ? await savedContent(tx, report) : undefined;
    if (input.form) await writeContent(tx, { actor, who, d, report, key }, input.form, true);
    else {
      const stored = Object.fromEntries(
        [...(d.values.get(report.id) ?? new Map<number, { value: string }>())].map(([k, v]) => [String(k), v.value]),
      );
      await writeFigures(tx, d, report, period, stored, true);
    }
    await checkSectionsComplete(tx, { unitId, period });
    const submitting = action === 'submit';
    const row = await updateReport(tx, report.id, {
      ...(input.form ? { progress: input.form.progress, problems: input.form.problems, plans: input.form.plans } : {}),
      state: reportNextState(report.state, action),
      version: report.version + 1,
      ...(submitting ? { firstSubmittedOn: report.firstSubmittedOn ?? today } : {}),
    });
    await snapshot(tx, row, action, actor, null);
    const unitName = (await units.nameOf(tx, unitId)) ?? '';
    if (submitting)
      // The office hears that a report waits for review (待审核), once per submission.
      await emit(tx, {
        type: 'report.submitted',
        reportId: report.id,
        version: row.version,
        unitId,
        unitName,
        period,
        resubmitted: report.state === 'returned' || report.returnReason !== null,
      });
    else
      await emit(tx, {
        type: 'report.handed_off',
        reportId: report.id,
        version: row.version,
        unitId,
        unitName,
        period,
        by: await userName(tx, actor.userId),
      });
    await recordAudit(tx, who, {
      action: `report.${action}`,
      targetType: 'report',
      targetId: report.id,
      unitId,
      before: { state: report.state, ...(before ? { content: before } : {}) },
      after: {
        state: row.state,
        version: row.version,
        ...(input.form ? { content: { ...input.form } } : {}),
        ...(submitting ? { timing: reportTiming(p.deadline, row.firstSubmittedOn, today) } : {}),
      },
    });
    return { id: row.id, version: row.version, state: row.state };
  });
}

/** A report waiting for the head's 报送 (待负责人报送): what the to-do home lists for a unit head. */
export interface HeadTodo {
  reportId: number;
  campaignId: number;
  campaignName: string;
  period: string;
  deadline: string;
  unitId: number;
  unitName: string;
  handedOffAt: Date;
  link: string;
  overdue: boolean;
}

/** The reports of the actor's own unit handed off to them, in open months, soonest deadline first; none for who may not 报送. */
export async function headTodos(db: Db, actor: Actor, today: IsoDate): Promise<HeadTodo[]> {
  const viewer = await reportViewer(db, actor, actor.unitId);
  if (!viewer.submit) return [];
  const unitName = (await units.nameOf(db, actor.unitId)) ?? '';
  return (await handedOffReports(db, actor.unitId)).map((r) => ({
    ...r,
    unitName,
    link: `/dispatch/report/${r.unitId}/${r.period}`,
    overdue: r.deadline < today,
  }));
}
