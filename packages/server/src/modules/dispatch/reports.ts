import {
  allowedReportActions,
  can,
  checkReportFigures,
  prefillFigures,
  reportActionProblem,
  reportNextState,
  reportTiming,
  shiftPeriod,
  splitPeriod,
  type Actor,
  type IsoDate,
  type Permission,
  type ReportAction,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { claimFiles, filesOf, releaseFiles } from '../files/index.js';
import { emit } from '../../events/emit.js';
import {
  getCampaign,
  getPeriod,
  insertPeriod,
  insertReport,
  insertVersion,
  lockReport,
  lockReportOf,
  periodById,
  periodCampaign,
  replaceValues,
  updatePeriod,
  updateReport,
  userName,
  valuesOf,
  versionsOf,
  type PeriodRow,
  type ReportRow,
} from './repo.js';
import type { ReportForm } from './schema.js';
import { indicatorKind, loadYear, reportOf, unitTargets, type YearData } from './year.js';
import { deriveFigures, loadSections, saveSections } from './sections.js';
import { shanghaiDate } from '../../jobs/clock.js';
import { dispatchSettings } from './settings.js';
import { reportSupervision } from './supervise.js';

/** A unit's report for a month of a campaign: how routes, forms and sheets name one. */
export interface ReportKey {
  campaignId: number;
  period: string;
  unitId: number;
}

/** Earlier figures of the unit this year for an indicator, oldest first (the figure checks' history). */
function historyOf(d: YearData, unitId: number, period: string, indicatorId: number): string[] {
  const out: string[] = [];
  for (const p of d.periods) {
    if (p.period >= period) continue;
    const r = reportOf(d, p.id, unitId);
    const v = r ? d.values.get(r.id)?.get(indicatorId) : undefined;
    if (v) out.push(v.value);
  }
  return out;
}

export async function periodOrThrow(db: Db, campaignId: number, period: string): Promise<PeriodRow> {
  const p = await getPeriod(db, campaignId, period);
  if (!p) throw notFound(`${period} 调度`);
  return p;
}

/** The monthly form as the reporter sees it: every indicator the unit carries, prefilled where cumulative, and the report's story. */
/** `viewer`: the person asking, whose allowed actions come with the form (none for the Excel round trip). */
export async function reportForm(db: Db, key: ReportKey, today: IsoDate, viewer?: Actor) {
  const { campaignId, period, unitId } = key;
  const p = await periodOrThrow(db, campaignId, period);
  const d = await loadYear(db, campaignId, splitPeriod(period).year, unitId);
  const unitPath = d.unitById.get(unitId)?.path ?? '#';
  const holds = (permission: Permission) => viewer !== undefined && can(viewer, permission, unitPath);
  const report = reportOf(d, p.id, unitId);
  const carried = unitTargets(d, unitId, period);
  const prevPeriod = d.periods.find((x) => x.period === shiftPeriod(period, -1));
  const prevReport = prevPeriod ? reportOf(d, prevPeriod.id, unitId) : undefined;
  const previous = new Map(
    [...(prevReport ? (d.values.get(prevReport.id) ?? new Map()) : new Map())].map(([k, v]) => [
      k as number,
      (v as { value: string }).value,
    ]),
  );
  const saved = new Map(
    [...(report ? (d.values.get(report.id) ?? new Map()) : new Map())].map(([k, v]) => [
      k as number,
      (v as { value: string }).value,
    ]),
  );
  const fill = prefillFigures(
    carried.map((c) => ({ id: c.indicator.id, kind: indicatorKind(c.indicator) })),
    previous,
    saved,
  );
  const sections = await loadSections(db, { unitId, period, today });
  const derived = carried.some((c) => c.indicator.derivedFrom) ? await deriveFigures(db, { unitId, period }) : {};
  const [files, versions] = report
    ? await Promise.all([filesOf(db, 'report', report.id), versionsOf(db, report.id)])
    : [[], []];
  return {
    period: { period: p.period, deadline: p.deadline, open: p.open },
    unit: { id: unitId, name: d.unitById.get(unitId)?.name ?? '' },
    report: {
      id: report?.id ?? null,
      state: report?.state ?? 'draft',
      actions: allowedReportActions(
        report?.state ?? 'draft',
        p.open,
        {
          fill: holds('report.fill'),
          submit: holds('report.submit'),
          review: holds('report.review'),
          ownUnit: viewer?.unitId === unitId,
        },
        await dispatchSettings(db),
      ),
      version: report?.version ?? 0,
      progress: report?.progress ?? '',
      problems: report?.problems ?? '',
      plans: report?.plans ?? '',
      returnReason: report?.returnReason ?? null,
      returnFields: report?.returnReason ? report.returnFields : [],
      timing: reportTiming(p.deadline, report?.firstSubmittedOn ?? null, today),
    },
    rows: carried.map(({ indicator, target }) => ({
      indicatorId: indicator.id,
      name: indicator.name,
      measure: indicator.measure,
      kind: indicator.kind,
      /** With kind and base, what core's paceWarning needs to light a typed figure on the form as the board will. */
      lowerIsBetter: indicator.lowerIsBetter,
      profile: indicator.profile,
      rule: indicator.rule,
      base: target.base,
      stretch: target.stretch,
      previous: previous.get(indicator.id) ?? null,
      value: indicator.derivedFrom ? (derived[indicator.derivedFrom] ?? null) : (fill.get(indicator.id)?.value ?? null),
      prefilled: indicator.derivedFrom ? false : (fill.get(indicator.id)?.prefilled ?? false),
      /** Summed from the register (its label), not typed: the form shows it read-only. */
      derivedFrom: indicator.derivedFrom,
      flag: report ? (d.values.get(report.id)?.get(indicator.id)?.flag ?? null) : null,
    })),
    files,
    sections,
    versions: versions.map((v) => ({
      version: v.version,
      action: v.action,
      state: v.state,
      actorName: v.actorName,
      reason: v.reason,
      at: v.at.toISOString(),
      snapshot: v.snapshot,
    })),
    // 催办 and 批示 on this month, for the person looking (none for the Excel round trip).
    supervision: viewer ? await reportSupervision(db, viewer, key, p, report?.state ?? 'none', today) : null,
  };
}

export async function snapshot(tx: Db, report: ReportRow, action: ReportAction, actor: Actor, reason: string | null) {
  const vals = await valuesOf(tx, [report.id]);
  await insertVersion(tx, {
    reportId: report.id,
    version: report.version,
    action,
    state: report.state,
    actorId: actor.userId,
    actorName: await userName(tx, actor.userId),
    reason,
    snapshot: {
      values: Object.fromEntries(vals.map((v) => [v.indicatorId, v.value])),
      progress: report.progress,
      problems: report.problems,
      plans: report.plans,
      // The evidence as it was at this version (a file removed later stays readable from here).
      files: (await filesOf(tx, 'report', report.id)).map((f) => ({ id: f.id, name: f.name })),
    },
  });
}

/** Validates figures against the unit's history and writes them, all or nothing. Returns the flags. */
export async function writeFigures(
  tx: Db,
  d: YearData,
  report: ReportRow,
  period: string,
  raw: Record<string, string | number | null>,
  complete: boolean,
): Promise<Map<number, string>> {
  const carried = unitTargets(d, report.unitId, period);
  const known = new Set(carried.map((c) => c.indicator.id));
  const stray = Object.keys(raw).filter((k) => !known.has(Number(k)));
  if (stray.length > 0)
    throw new AppError('VALIDATION_FAILED', `指标 ${stray.join('、')} 不是本单位本期的填报指标`, {
      errors: stray.map((k) => ({ field: k, message: '不是本单位本期的填报指标' })),
    });
  // A figure derived from the register replaces whatever was typed for it (最多报一次).
  const derived = carried.some((c) => c.indicator.derivedFrom)
    ? await deriveFigures(tx, { unitId: report.unitId, period })
    : {};
  const valueOf = (c: (typeof carried)[number]) =>
    c.indicator.derivedFrom ? (derived[c.indicator.derivedFrom] ?? null) : (raw[String(c.indicator.id)] ?? null);
  const rows = carried.map((c) => ({
    id: c.indicator.id,
    indicator: {
      name: `${c.indicator.name}（${c.indicator.measure}）`,
      kind: indicatorKind(c.indicator),
      allowNegative: c.indicator.allowNegative,
    },
    input: { raw: valueOf(c), history: historyOf(d, report.unitId, period, c.indicator.id) },
  }));
  const checked = checkReportFigures(rows, complete);
  if (checked.errors.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      checked.errors.length === 1
        ? checked.errors[0]!.message
        : `有 ${checked.errors.length} 项填报有误，未保存：${checked.errors.map((e) => e.message).join('；')}`,
      {
        errors: checked.errors.map((e) => ({ field: e.field, message: e.message })),
      },
    );
  }
  const values = [...checked.values]
    .filter(([, v]) => v !== null)
    .map(([indicatorId, value]) => ({ indicatorId, value: value!, flag: checked.flags.get(indicatorId) ?? null }));
  await replaceValues(tx, report.id, values);
  return checked.flags;
}

/** Loads (or starts) the unit's report for the period, locked, and checks the action and the version the person saw. */
export async function reportFor(
  tx: Db,
  p: PeriodRow,
  unitId: number,
  action: ReportAction,
  version: number,
): Promise<ReportRow> {
  let report = await lockReportOf(tx, p.id, unitId);
  if (!report) {
    if (version !== 0) throw conflict('报表已被他人修改，请刷新后重试');
    report = await insertReport(tx, p.id, unitId);
    if (!report) throw conflict('报表已被他人创建，请刷新后重试');
  } else if (report.version !== version) {
    throw conflict('报表已被他人修改，请刷新后重试', { version: report.version });
  }
  const problem = reportActionProblem(report.state, action, p.open);
  if (problem) throw invalidState(problem);
  return report;
}

/** What a save replaces, for the audit entry's before: the figures and the three texts as they were. */
export async function savedContent(tx: Db, report: ReportRow) {
  const values = await valuesOf(tx, [report.id]);
  return {
    version: report.version,
    values: Object.fromEntries(values.map((v) => [v.indicatorId, v.value])),
    progress: report.progress,
    problems: report.problems,
    plans: report.plans,
  };
}

/** What a save or a 报送 writes besides the texts: the other parts, the figures (all filled when `complete`), new files. */
export async function writeContent(
  tx: Db,
  at: { actor: Actor; who: AuditActor; d: YearData; report: ReportRow; key: ReportKey },
  form: Omit<ReportForm, 'version'>,
  complete: boolean,
): Promise<Map<number, string>> {
  const { actor, who, d, report, key } = at;
  const { unitId, period } = key;
  // The other parts first: figures derived from them (the projects' sums) follow what was just saved.
  await saveSections(tx, { actor, who, unitId, period, today: shanghaiDate() }, form.sections);
  const flags = await writeFigures(tx, d, report, period, form.values, complete);
  await claimFiles(tx, actor, form.fileIds, { ownerType: 'report', ownerId: report.id, unitId });
  await releaseFiles(tx, form.removeFileIds, { ownerType: 'report', ownerId: report.id });
  return flags;
}

/** The reporter saves the form (figures, three texts, new evidence files); nothing is saved when any figure is wrong. */
export async function saveReport(db: Db, actor: Actor, who: AuditActor, key: ReportKey, form: ReportForm) {
  const { campaignId, period, unitId } = key;
  return db.transaction(async (tx) => {
    const p = await periodOrThrow(tx, campaignId, period);
    const report = await reportFor(tx, p, unitId, 'save', form.version);
    const d = await loadYear(tx, campaignId, splitPeriod(period).year, unitId);
    const before = await savedContent(tx, report);
    const flags = await writeContent(tx, { actor, who, d, report, key }, form, false);
    const row = await updateReport(tx, report.id, {
      progress: form.progress,
      problems: form.problems,
      plans: form.plans,
      version: report.version + 1,
    });
    await snapshot(tx, row, 'save', actor, null);
    await recordAudit(tx, who, {
      action: 'report.save',
      targetType: 'report',
      targetId: report.id,
      unitId,
      before,
      after: {
        period,
        version: row.version,
        values: form.values,
        progress: form.progress,
        problems: form.problems,
        plans: form.plans,
        flags: Object.fromEntries(flags),
        fileIds: form.fileIds,
      },
    });
    return { id: row.id, version: row.version, state: row.state, flags: Object.fromEntries(flags) };
  });
}

/** The office accepts or returns (with a reason) a submitted report. */
export async function reviewReport(
  db: Db,
  actor: Actor,
  who: AuditActor,
  reportId: number,
  input: { action: 'accept' | 'return'; reason: string; fields?: number[]; version: number },
) {
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, reportId);
    if (!report) throw notFound('报表');
    if (report.version !== input.version) throw conflict('报表已被修改，请刷新后重试', { version: report.version });
    const problem = reportActionProblem(report.state, input.action, true);
    if (problem) throw invalidState(problem);
    const fields = input.action === 'return' ? [...new Set(input.fields ?? [])] : [];
    if (fields.length > 0) {
      const campaignId = await periodCampaign(tx, report.periodId);
      const p = await periodById(tx, report.periodId);
      const d = await loadYear(tx, campaignId!, splitPeriod(p!.period).year, report.unitId);
      const carried = new Set(unitTargets(d, report.unitId, p!.period).map((c) => c.indicator.id));
      const stray = fields.filter((f) => !carried.has(f));
      if (stray.length > 0)
        throw new AppError('VALIDATION_FAILED', `指标 ${stray.join('、')} 不是该报表的填报指标`, {
          errors: stray.map((f) => ({ field: String(f), message: '不是该报表的填报指标' })),
        });
    }
    const row = await updateReport(tx, report.id, {
      state: reportNextState(report.state, input.action),
      version: report.version + 1,
      returnReason: input.action === 'return' ? input.reason : null,
      returnFields: fields,
    });
    await snapshot(tx, row, input.action, actor, input.reason || null);
    // The unit hears the verdict where it works (the bell), with the reason when returned.
    const p = await periodById(tx, report.periodId);
    await emit(tx, {
      type: 'report.reviewed',
      reportId: report.id,
      unitId: report.unitId,
      period: p?.period ?? '',
      verdict: input.action,
      reason: input.reason,
    });
    await recordAudit(tx, who, {
      action: `report.${input.action}`,
      targetType: 'report',
      targetId: report.id,
      unitId: report.unitId,
      before: { state: report.state },
      after: { state: row.state, reason: input.reason, ...(fields.length ? { fields } : {}) },
    });
    return { id: row.id, version: row.version, state: row.state, unitId: row.unitId };
  });
}

/** Opens a month for reporting with a deadline, or reopens a closed one (a new deadline, audited). */
export async function openPeriod(
  db: Db,
  who: AuditActor,
  campaignId: number,
  { period, deadline }: { period: string; deadline: IsoDate },
) {
  if (!(await getCampaign(db, campaignId))) throw notFound('活动');
  if (deadline < `${period}-01`)
    throw new AppError('VALIDATION_FAILED', `截止日期 ${deadline} 不能早于 ${period} 月初`);
  return db.transaction(async (tx) => {
    const existing = await getPeriod(tx, campaignId, period);
    if (existing?.open) throw invalidState(`${period} 调度已经开放`);
    const row = existing
      ? await updatePeriod(tx, existing.id, { open: true, deadline, reopenCount: existing.reopenCount + 1 })
      : await insertPeriod(tx, campaignId, period, deadline);
    await recordAudit(tx, who, {
      action: existing ? 'dispatch.reopen' : 'dispatch.open',
      targetType: 'dispatch_period',
      targetId: row.id,
      before: existing ? { open: false, deadline: existing.deadline } : undefined,
      after: { period, deadline },
    });
    // Every unit that carries a target that month hears that it is open, and by when.
    const year = await loadYear(tx, campaignId, splitPeriod(period).year);
    const owing = year.units.filter((u) => unitTargets(year, u.id, period).length > 0).map((u) => u.id);
    await emit(tx, {
      type: 'dispatch.period.opened',
      periodId: row.id,
      period,
      deadline,
      reopened: existing !== undefined,
      unitIds: owing,
    });
    return row;
  });
}

export async function closePeriod(db: Db, who: AuditActor, campaignId: number, period: string) {
  return db.transaction(async (tx) => {
    const existing = await getPeriod(tx, campaignId, period);
    if (!existing) throw notFound(`${period} 调度`);
    if (!existing.open) throw invalidState(`${period} 调度已经关闭`);
    await updatePeriod(tx, existing.id, { open: false });
    await recordAudit(tx, who, {
      action: 'dispatch.close',
      targetType: 'dispatch_period',
      targetId: existing.id,
      after: { period },
    });
    return { period, open: false };
  });
}
