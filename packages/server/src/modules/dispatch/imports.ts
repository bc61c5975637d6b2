import type { Actor, IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, importInvalid, type ImportProblem } from '../../errors.js';
import { buildTemplate, byRow, numberCell, readSheet } from '../../excel/index.js';
import type { AuditActor } from '../audit/index.js';
import { assignedUnitIds } from './campaigns.js';
import * as units from '../units/index.js';
import { assignmentsOf, campaignIndicators, yearTargets } from './repo.js';
import { reportForm, saveReport, type ReportKey } from './reports.js';
import { setTargets, targetProblems } from './targets.js';

const TARGET_COLUMNS = [
  { header: '单位编码', required: true, width: 14 },
  { header: '单位名称', width: 28 },
  { header: '指标名称', required: true, width: 28 },
  { header: '计量单位', width: 10 },
  { header: '基本目标', required: true, width: 12 },
  { header: '冲刺目标', width: 12 },
  { header: '起始月份', width: 12 },
] as const;

/** The campaign's target sheet for a year: one row per assigned unit × indicator, with what is already set. */
export async function targetsTemplate(db: Db, campaignId: number, year: number): Promise<Buffer> {
  const inds = (await campaignIndicators(db, campaignId)).filter((i) => i.retiredFrom === null);
  const [unitRows, assigns, existing] = await Promise.all([
    units.all(db),
    assignmentsOf(
      db,
      inds.map((i) => i.id),
    ),
    yearTargets(
      db,
      inds.map((i) => i.id),
      year,
    ),
  ]);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const rows: (string | number | null)[][] = [];
  for (const ind of inds) {
    const ids = assignedUnitIds(
      assigns.filter((a) => a.indicatorId === ind.id),
      unitRows,
    );
    for (const t of existing) if (t.indicatorId === ind.id) ids.add(t.unitId);
    for (const id of [...ids].sort((a, b) => (unitById.get(a)?.sortOrder ?? 0) - (unitById.get(b)?.sortOrder ?? 0))) {
      const u = unitById.get(id);
      const t = existing.find((x) => x.indicatorId === ind.id && x.unitId === id);
      if (u)
        rows.push([
          u.code,
          u.name,
          ind.name,
          ind.measure,
          numberCell(t?.base),
          numberCell(t?.stretch),
          t?.fromPeriod ?? '',
        ]);
    }
  }
  return buildTemplate({
    sheetName: `${year}年目标`,
    columns: TARGET_COLUMNS,
    examples: rows,
    instructions: [
      `每行一个单位的一项指标在 ${year} 年的目标；单位编码和指标名称须与系统一致。`,
      '基本目标须大于 0；冲刺目标可不填，填写时不能低于基本目标（越低越好的指标相反）。',
      '起始月份仅用于年中新增的单位，格式 2026-07；不填表示全年。',
      '已由单位确认的目标不能在此修改，须由单位提出调整申请。',
    ],
  });
}

/** Imports the filled target sheet, all or nothing: every bad cell is reported by row and column. */
export async function importTargets(
  db: Db,
  actor: Actor,
  who: AuditActor,
  campaignId: number,
  year: number,
  buffer: Buffer,
) {
  const { rows, problems } = await readSheet(buffer, TARGET_COLUMNS);
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 2, column: '', message: '文件中没有目标' });
  const inds = await campaignIndicators(db, campaignId);
  const unitByCode = new Map((await units.all(db)).map((u) => [u.code, u]));
  const indByName = new Map(inds.map((i) => [i.name, i]));
  const out: {
    indicatorId: number;
    unitId: number;
    base: string;
    stretch: string | null;
    fromPeriod: string | null;
  }[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const p = (column: string, message: string) => problems.push({ row, column, message });
    const unit = unitByCode.get(cells['单位编码']);
    if (cells['单位编码'] && !unit) p('单位编码', `找不到单位编码“${cells['单位编码']}”`);
    const ind = indByName.get(cells['指标名称']);
    if (cells['指标名称'] && !ind) p('指标名称', `本活动没有指标“${cells['指标名称']}”`);
    const from = cells['起始月份'] || null;
    if (from !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(from)) p('起始月份', `“${from}”格式须为 ${year}-07`);
    if (ind) for (const x of targetProblems(ind, cells['基本目标'], cells['冲刺目标'] || null)) p(x.column, x.message);
    if (unit && ind) {
      const key = `${unit.id}/${ind.id}`;
      if (seen.has(key)) p('指标名称', `与第 ${seen.get(key)} 行重复`);
      seen.set(key, row);
      out.push({
        indicatorId: ind.id,
        unitId: unit.id,
        base: cells['基本目标'],
        stretch: cells['冲刺目标'] || null,
        fromPeriod: from,
      });
    }
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));
  return setTargets(db, actor, who, campaignId, year, out);
}

const REPORT_COLUMNS = [
  { header: '指标编号', required: true, width: 10 },
  { header: '指标名称', width: 30 },
  { header: '计量单位', width: 10 },
  { header: '上期数值', width: 12 },
  { header: '本期数值', width: 12 },
] as const;

/** The reporter's one-sheet form for a month: every indicator the unit carries, prefilled as on screen. */
export async function reportTemplate(db: Db, key: ReportKey, today: IsoDate): Promise<Buffer> {
  const { period } = key;
  const form = await reportForm(db, key, today);
  return buildTemplate({
    sheetName: `${period}填报`,
    columns: REPORT_COLUMNS,
    examples: form.rows.map((r) => [r.indicatorId, r.name, r.measure, numberCell(r.previous), numberCell(r.value)]),
    instructions: [
      `${form.unit.name} ${period} 调度填报，截止 ${form.period.deadline}。只填写“本期数值”一列。`,
      '累计类指标填写年初至本月的累计数，已按上期累计预填，请更新；增速类填写同比百分数（如 8.5 表示增长 8.5%）。',
      '工作进展、存在问题、下步打算请在系统页面中填写。',
    ],
  });
}

/** Fills the month's figures from the sheet, validated exactly as the form; problems come back by row. */
export async function importReport(
  db: Db,
  actor: Actor,
  who: AuditActor,
  key: ReportKey,
  buffer: Buffer,
  today: IsoDate,
) {
  const { period } = key;
  const { rows, problems } = await readSheet(buffer, REPORT_COLUMNS);
  const form = await reportForm(db, key, today);
  const known = new Map(form.rows.map((r) => [String(r.indicatorId), r]));
  const values: Record<string, string | null> = Object.fromEntries(
    form.rows.map((r) => [String(r.indicatorId), r.value]),
  );
  const rowOfField = new Map<string, number>();
  for (const { row, cells } of rows) {
    const r = known.get(cells['指标编号']);
    if (!r) {
      problems.push({ row, column: '指标编号', message: `“${cells['指标编号']}”不是本单位 ${period} 的填报指标` });
      continue;
    }
    values[cells['指标编号']] = cells['本期数值'] || null;
    rowOfField.set(`${r.name}（${r.measure}）`, row);
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));
  try {
    return await saveReport(db, actor, who, key, {
      values,
      progress: form.report.progress,
      problems: form.report.problems,
      // The Excel round trip carries the indicators only; the other parts are kept as saved in the web.
      sections: {},
      plans: form.report.plans,
      fileIds: [],
      removeFileIds: [],
      version: form.report.version,
    });
  } catch (e) {
    const errors =
      e instanceof AppError && e.code === 'VALIDATION_FAILED'
        ? (e.details?.errors as { field: string; message: string }[] | undefined)
        : undefined;
    if (!errors) throw e;
    throw importInvalid(
      errors
        .map((x): ImportProblem => ({ row: rowOfField.get(x.field) ?? 0, column: '本期数值', message: x.message }))
        .sort(byRow),
    );
  }
}
