import { z } from 'zod';
import {
  MILESTONES,
  MILESTONE_LABELS,
  PROJECT_CARD_LABELS,
  INTERVIEW_RUNG_LABELS,
  INTERVIEWER_LABELS,
  dayNumber,
  interviewRung,
  isCalendarDate,
  projectCard,
  type InterviewRung,
  type IsoDate,
  type LadderRung,
  type Milestone,
  type WorkCalendar,
  type DerivedFigure,
  SIGNED_THRESHOLD,
  parseDecimal,
  toDecimal,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { loadCalendar } from '../calendar/index.js';
import type { ReportSection, SectionContext } from '../dispatch/index.js';
import { openRectification } from '../ledger/index.js';
import * as users from '../users/index.js';
import {
  cumulative,
  investmentFigures,
  loadYearData,
  milestoneRows,
  monthInput,
  plansFor,
  type YearData,
} from './model.js';
import {
  insertCard,
  insertInterview,
  interviewOfMonth,
  lockProject,
  projectsOfUnit,
  projectsWithoutCard,
  upsertMilestone,
  upsertMonth,
  type ProjectRow,
} from './repository.js';
import { projectSettings } from './settings.js';

const ZAmount = z
  .string({ error: '本月完成投资须填写' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, '本月完成投资须为不小于 0 的数字（万元，最多 4 位小数）');

/** The projects' part of the monthly report, as the form sends it. */
export const ZProjectSection = z.object({
  rows: z
    .array(
      z.object({
        projectId: z.number().int().positive(),
        investment: ZAmount,
        problem: z.string().trim().max(500, '需协调解决的问题最多 500 字').default(''),
        /** Milestones reached this month, with the day. */
        reached: z
          .partialRecord(z.enum(MILESTONES), z.string().refine(isCalendarDate, '节点完成日期须为有效日期'))
          .default({}),
      }),
    )
    .max(500),
});
export type ProjectSection = z.infer<typeof ZProjectSection>;

const yearAndMonth = (period: string) => ({ year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) });

/** The form's project rows for a unit's month: plan to date, completed before, what is saved. */
async function loadSection(db: Db, ctx: { unitId: number; period: string }) {
  const list = await projectsOfUnit(db, ctx.unitId);
  if (list.length === 0) return null;
  const { year, month } = yearAndMonth(ctx.period);
  const d = await loadYearData(
    db,
    list.map((p) => p.id),
    year,
  );
  return {
    rows: list
      .filter((p) => plansFor(d, p.id).current !== null)
      .map((p) => {
        const saved = (d.months.get(p.id) ?? []).find((m) => m.period === ctx.period);
        const before = month > 1 ? investmentFigures(p, d, month - 1) : null;
        const now = investmentFigures(p, d, month);
        const reached = d.reached.get(p.id);
        return {
          projectId: p.id,
          code: p.code,
          name: p.name,
          yearPlan: now.yearPlan,
          planToDate: now.planToDate,
          completedBefore: before?.completed ?? '0',
          investment: saved?.investment ?? null,
          problem: saved?.problem ?? '',
          milestones: milestoneRows(plansFor(d, p.id).current?.plan ?? null, reached).map((m) => ({
            id: m.id,
            planned: plansFor(d, p.id).current?.plan.milestones[m.id] ?? null,
            reachedOn: reached?.get(m.id) ?? null,
          })),
        };
      }),
  };
}

/** Saves the unit's project months with its report: only its own projects, milestones not in the future. */
async function saveSection(tx: Db, ctx: SectionContext, input: ProjectSection): Promise<void> {
  const own = new Map((await projectsOfUnit(tx, ctx.unitId)).map((p) => [p.id, p]));
  const problems: string[] = [];
  for (const r of input.rows) {
    const p = own.get(r.projectId);
    if (!p) {
      problems.push(`项目 ${r.projectId} 不是本单位负责的项目`);
      continue;
    }
    for (const [m, date] of Object.entries(r.reached) as [Milestone, string][]) {
      if (date.slice(0, 7) > ctx.period || dayNumber(date) > dayNumber(ctx.today))
        problems.push(`${p.name}：${MILESTONE_LABELS[m]}完成日期 ${date} 晚于本期或今天`);
    }
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems.join('；'), {
      errors: problems.map((message) => ({ field: 'sections.projects', message })),
    });
  for (const r of input.rows) {
    await upsertMonth(tx, {
      projectId: r.projectId,
      period: ctx.period,
      investment: r.investment,
      problem: r.problem,
      reportedBy: ctx.actor.userId,
    });
    for (const [m, date] of Object.entries(r.reached) as [Milestone, string][])
      await upsertMilestone(tx, {
        projectId: r.projectId,
        milestone: m,
        reachedOn: date,
        recordedBy: ctx.actor.userId,
      });
  }
  await recordAudit(tx, ctx.who, {
    action: 'project.report',
    targetType: 'unit',
    targetId: ctx.unitId,
    unitId: ctx.unitId,
    after: { period: ctx.period, rows: input.rows },
  });
}

async function sectionGaps(tx: Db, ctx: { unitId: number; period: string }): Promise<string[]> {
  const list = await projectsOfUnit(tx, ctx.unitId);
  if (list.length === 0) return [];
  const { year } = yearAndMonth(ctx.period);
  const d = await loadYearData(
    tx,
    list.map((p) => p.id),
    year,
  );
  return list
    .filter((p) => plansFor(d, p.id).current !== null)
    .filter((p) => !(d.months.get(p.id) ?? []).some((m) => m.period === ctx.period))
    .map((p) => `重点项目“${p.name}”本月进展未填`);
}

/**
 * The register's sums for a unit's month, for indicators that name them: investment completed this year
 * to the month over its projects, and its 亿元以上 projects signed this year by the month's end.
 */
async function deriveFigures(db: Db, ctx: { unitId: number; period: string }): Promise<Record<DerivedFigure, string>> {
  const list = await projectsOfUnit(db, ctx.unitId);
  const { year, month } = yearAndMonth(ctx.period);
  const d = await loadYearData(
    db,
    list.map((p) => p.id),
    year,
  );
  let invested = 0;
  let signed = 0;
  const threshold = parseDecimal(SIGNED_THRESHOLD, 'threshold');
  for (const p of list) {
    const done = cumulative(d, p.id)
      .slice(0, month)
      .findLast((v) => v !== null);
    if (done) invested += parseDecimal(done, 'done');
    const on = d.reached.get(p.id)?.get('signing');
    if (
      on &&
      on.slice(0, 4) === String(year) &&
      on.slice(0, 7) <= ctx.period &&
      parseDecimal(p.totalInvestment, 'total') >= threshold
    )
      signed += 1;
  }
  return { 'projects.investment': toDecimal(invested), 'projects.signed': String(signed) };
}

export const projectReportSection: ReportSection<ProjectSection> = {
  key: 'projects',
  schema: ZProjectSection,
  load: loadSection,
  save: saveSection,
  submitProblems: sectionGaps,
  derive: deriveFigures,
};

/**
 * Settles the month's cards of a unit's projects (its report accepted, or its deadline passed without
 * one) and takes the 约谈 ladder's step for each: a ledger item for the interviewer, linked to the project.
 * Both are written once per project and month; running it again changes nothing.
 */
export async function settleMonth(tx: Db, who: AuditActor, unitId: number, period: string, today: IsoDate) {
  const list = await projectsOfUnit(tx, unitId);
  return settleProjects(tx, who, list, period, today);
}

export async function settleProjects(
  tx: Db,
  who: AuditActor,
  list: ProjectRow[],
  period: string,
  today: IsoDate,
  opts: { ladder: boolean } = { ladder: true },
) {
  if (list.length === 0) return { settled: 0, interviews: 0 };
  const { year, month } = yearAndMonth(period);
  const settings = await projectSettings(tx);
  const d = await loadYearData(
    tx,
    list.map((p) => p.id),
    year,
  );
  let settled = 0;
  let interviews = 0;
  const calendar = await loadCalendar(tx);
  for (const p of list) {
    const input = monthInput(p, d, month, true);
    if (!input) continue;
    const r = projectCard(input, settings.rules);
    // A month is settled once; the ladder steps only for a card settled now.
    if (
      !(await insertCard(tx, {
        projectId: p.id,
        period,
        card: r.card,
        reasons: r.reasons,
        rulesVersion: settings.version,
      }))
    )
      continue;
    {
      settled += 1;
      const row = {
        projectId: p.id,
        period,
        card: r.card,
        reasons: r.reasons,
        rulesVersion: settings.version,
        settledAt: new Date(),
      };
      d.cards.set(p.id, [...(d.cards.get(p.id) ?? []), row]);
    }
    const cards = (d.cards.get(p.id) ?? []).filter((c) => c.period <= period).map((c) => c.card);
    const rung = opts.ladder ? interviewRung(cards) : null;
    if (rung && (await openInterview(tx, who, p, d, period, rung, settings.ladder, today, calendar))) interviews += 1;
  }
  return { settled, interviews };
}

async function openInterview(
  tx: Db,
  who: AuditActor,
  p: ProjectRow,
  d: YearData,
  period: string,
  rung: InterviewRung,
  ladder: readonly LadderRung[],
  today: IsoDate,
  calendar: WorkCalendar,
): Promise<boolean> {
  // The project row is locked, so two settlements of one month take turns and the second finds the first's.
  await lockProject(tx, p.id);
  if (await interviewOfMonth(tx, p.id, period)) return false;
  const step = ladder.find((l) => l.rung === rung);
  if (!step) return false;
  const interviewerId = step.interviewer === 'deputy' ? (p.deputyLeaderId ?? p.leaderId) : p.leaderId;
  const names = interviewerId === null ? new Map<number, string>() : await users.displayNames(tx, [interviewerId]);
  const interviewer = `${INTERVIEWER_LABELS[step.interviewer]}${interviewerId === null ? '' : (names.get(interviewerId) ?? '')}`;
  const card = (d.cards.get(p.id) ?? []).find((c) => c.period === period);
  const reasons = card?.reasons.map((r) => r.text).join('；') ?? '';
  const itemId = await openRectification(tx, who, {
    title: `【${INTERVIEW_RUNG_LABELS[rung]}】${p.name}（${period} ${PROJECT_CARD_LABELS[card?.card ?? 'yellow']}）`,
    content: `${interviewer}约谈${step.interviewee}。${reasons ? `原因：${reasons}。` : ''}约谈后在项目页登记约谈记录，事项随之办结。`,
    source: '项目约谈',
    leadUnitId: p.unitId,
    leaderId: interviewerId,
    deadline: calendar.addWorkingDays(today, step.workingDays),
    tags: ['重点项目', `项目:${p.code}`],
  });
  await insertInterview(tx, { projectId: p.id, period, rung, interviewerId, ledgerItemId: itemId });
  return true;
}

/**
 * 逾期结算: each month whose report deadline has passed (in every campaign) is settled for the projects
 * still without its card — a month never reported is overdue, never green — and the ladder steps.
 */
export async function settleOverdue(tx: Db, who: AuditActor, months: string[], today: IsoDate) {
  let settled = 0;
  let interviews = 0;
  for (const period of [...months].sort()) {
    const open = await projectsWithoutCard(tx, period);
    const r = await settleProjects(tx, who, open, period, today);
    settled += r.settled;
    interviews += r.interviews;
  }
  return `${settled} project months settled past their deadline, ${interviews} interviews opened`;
}
