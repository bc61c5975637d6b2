import {
  MILESTONES,
  MILESTONE_LABELS,
  PROJECT_CARD_LABELS,
  PROJECT_KINDS,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  isCalendarDate,
  type Actor,
  type Milestone,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid, type ImportProblem } from '../../errors.js';
import {
  buildTemplate,
  byRow,
  exportWorkbook,
  numberCell,
  readSheet,
  SCORE_FMT,
  type ExportColumn,
} from '../../excel/index.js';
import type { AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import {
  insertNewProjects,
  projectProblems,
  validationContext,
  PROJECT_FIELD_LABELS,
  type NewProject,
  type ProjectProblem,
} from './register.js';
import { leaderAccounts } from './repository.js';
import type { ganttView } from './views.js';

const COLUMNS = [
  { header: '项目编号', required: true, width: 14 },
  { header: '项目名称', required: true, width: 36 },
  { header: '项目类别', required: true, list: PROJECT_KINDS.map((k) => PROJECT_KIND_LABELS[k]) },
  { header: '总投资（万元）', required: true },
  { header: '责任单位', required: true, width: 22 },
  { header: '配合单位', width: 24 },
  { header: '包保领导' },
  { header: '分管副职' },
  { header: '业主单位', width: 24 },
  { header: '项目负责人' },
  { header: '建设地点', width: 24 },
  { header: '经度' },
  { header: '纬度' },
  { header: '年度计划投资（万元）', required: true },
  { header: '月度计划（万元，12个月用/分隔）', width: 36 },
  { header: '签约计划日期' },
  { header: '供地计划日期' },
  { header: '开工计划日期' },
  { header: '主体完工计划日期' },
  { header: '竣工计划日期' },
  { header: '投产/运营计划日期' },
  { header: '入库纳统计划日期' },
] as const;

type Header = (typeof COLUMNS)[number]['header'];
const MILESTONE_COLUMN: Record<Milestone, Header> = {
  signing: '签约计划日期',
  land: '供地计划日期',
  start: '开工计划日期',
  structure: '主体完工计划日期',
  completion: '竣工计划日期',
  operation: '投产/运营计划日期',
  stats: '入库纳统计划日期',
};

/** Which column a validation problem belongs to, for the row-and-column report. */
const COLUMN_OF: Record<ProjectProblem['field'], Header> = {
  code: '项目编号',
  name: '项目名称',
  kind: '项目类别',
  totalInvestment: '总投资（万元）',
  unitId: '责任单位',
  coUnitIds: '配合单位',
  leaderId: '包保领导',
  deputyLeaderId: '分管副职',
  owner: '业主单位',
  manager: '项目负责人',
  location: '建设地点',
  lng: '经度',
  lat: '纬度',
  year: '年度计划投资（万元）',
  plan: '年度计划投资（万元）',
  'plan.yearPlan': '年度计划投资（万元）',
  'plan.monthly': '月度计划（万元，12个月用/分隔）',
  'plan.milestones': '开工计划日期',
};

export function projectTemplate(year: number): Promise<Buffer> {
  return buildTemplate({
    sheetName: '重点项目',
    columns: COLUMNS,
    examples: [
      [
        `XM${year}-001`,
        '轨道交通产业示范区车辆基地',
        PROJECT_KIND_LABELS.industry,
        186000,
        '区发改局',
        '区自然资源局、区住建局',
        '李区长',
        '',
        '青岛轨道交通产业示范区开发建设有限公司',
        '张工',
        '棘洪滩街道',
        '120.3312',
        '36.3301',
        36000,
        '',
        '',
        `${year}-02-28`,
        `${year}-04-30`,
        '',
        '',
        '',
        `${year}-05-31`,
      ],
    ],
    instructions: [
      `每行一个重点项目，计划为 ${year} 年的年初基线；导入后基线冻结，调整须经考核办审批。`,
      '项目编号唯一；责任单位、配合单位填写单位全称或编码，多个配合单位用“、”分隔。',
      '包保领导、分管副职填写领导的用户名或姓名，可不填。',
      '月度计划可不填（按序时平均）；填写时为 12 个月的计划投资，用“/”分隔，合计须等于年度计划。',
      '节点计划日期格式 2026-06-30，按签约、供地、开工、主体完工、竣工、投产的先后；不涉及的节点留空。',
      '任何一行有误，整个文件都不会写入，请按提示修改后重新上传。',
    ],
  });
}

/** 批量导入项目库: every row valid or nothing written, problems by row and column. */
export async function importProjects(db: Db, actor: Actor, who: AuditActor, buffer: Buffer, year: number) {
  const sheet = await readSheet(buffer, COLUMNS);
  const problems: ImportProblem[] = [...sheet.problems];
  const [unitList, leaders] = await Promise.all([units.all(db), leaderAccounts(db)]);
  const unitKey = new Map<string, number>();
  for (const u of unitList.filter((x) => x.active)) {
    unitKey.set(u.name, u.id);
    unitKey.set(u.code, u.id);
  }
  const leaderKey = new Map<string, number>();
  for (const l of leaders.values()) {
    leaderKey.set(l.username, l.id);
    leaderKey.set(l.name, l.id);
  }
  const kindOf = new Map(PROJECT_KINDS.map((k) => [PROJECT_KIND_LABELS[k] as string, k]));
  const seen = new Map<string, number>();
  const list = sheet.rows.map(({ row, cells: c }) => {
    const problem = (column: Header, message: string) => {
      if (!problems.some((p) => p.row === row && p.column === column)) problems.push({ row, column, message });
    };
    const unitId = c.责任单位 ? unitKey.get(c.责任单位) : undefined;
    if (c.责任单位 && unitId === undefined) problem('责任单位', `找不到单位“${c.责任单位}”`);
    const coUnitIds: number[] = [];
    for (const k of c.配合单位
      .split(/[、,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const id = unitKey.get(k);
      if (id === undefined) problem('配合单位', `找不到单位“${k}”`);
      else coUnitIds.push(id);
    }
    const person = (column: '包保领导' | '分管副职') => {
      if (!c[column]) return null;
      const id = leaderKey.get(c[column]);
      if (id === undefined) problem(column, `找不到领导“${c[column]}”`);
      return id ?? null;
    };
    const monthly = c['月度计划（万元，12个月用/分隔）']
      ? c['月度计划（万元，12个月用/分隔）'].split(/[/／]/).map((s) => s.trim())
      : null;
    const milestones: Partial<Record<Milestone, string>> = {};
    for (const m of MILESTONES) {
      const v = c[MILESTONE_COLUMN[m]];
      if (!v) continue;
      if (!isCalendarDate(v)) problem(MILESTONE_COLUMN[m], `“${v}”不是日期，格式须为 2026-06-30`);
      else milestones[m] = v;
    }
    const code = c.项目编号.trim();
    if (code && seen.has(code)) problem('项目编号', `与第 ${seen.get(code)} 行的项目编号重复`);
    seen.set(code, row);
    return {
      code,
      name: c.项目名称,
      kind: kindOf.get(c.项目类别) ?? c.项目类别,
      totalInvestment: c['总投资（万元）'],
      unitId: unitId ?? 0,
      coUnitIds,
      leaderId: person('包保领导'),
      deputyLeaderId: person('分管副职'),
      owner: c.业主单位,
      manager: c.项目负责人,
      location: c.建设地点,
      lng: c.经度 || null,
      lat: c.纬度 || null,
      year,
      plan: { yearPlan: c['年度计划投资（万元）'], monthly, milestones },
    } satisfies NewProject;
  });
  const ctx = await validationContext(db, list);
  list.forEach((p, i) => {
    const row = sheet.rows[i]!.row;
    for (const x of projectProblems(p, ctx)) {
      const column = x.field === 'plan.milestones' ? milestoneColumn(x.message) : COLUMN_OF[x.field];
      if (!problems.some((q) => q.row === row && q.column === column))
        problems.push({ row, column, message: x.message });
    }
  });
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));
  const rows = await db.transaction((tx) => insertNewProjects(tx, actor, who, list));
  return { created: rows.length, ids: rows.map((r) => r.id) };
}

/** The milestone a plan problem names first ("开工（…）不能早于…"), for its column. */
function milestoneColumn(message: string): Header {
  const m = MILESTONES.find((x) => message.startsWith(MILESTONE_LABELS[x]));
  return m ? MILESTONE_COLUMN[m] : '开工计划日期';
}

type Row = Awaited<ReturnType<typeof ganttView>>['rows'][number];

/**
 * 项目库 as a workbook, as filtered on screen: the register with figures as numbers, and the battle map's
 * sheet (挂图作战): each milestone's baseline, plan in force and actual date, side by side.
 */
export function exportRegister(rows: Row[], period: string | null): Promise<Buffer> {
  const register: ExportColumn<Row>[] = [
    { header: '项目编号', width: 14, value: (r) => r.code },
    { header: '项目名称', width: 36, value: (r) => r.name },
    { header: '项目类别', value: (r) => PROJECT_KIND_LABELS[r.kind] },
    { header: '责任单位', width: 22, value: (r) => r.unit.name },
    { header: '包保领导', value: (r) => r.leader?.name ?? '' },
    { header: '项目阶段', value: (r) => PROJECT_STAGE_LABELS[r.stage] },
    { header: '总投资（万元）', numFmt: SCORE_FMT, value: (r) => numberCell(r.totalInvestment) },
    { header: '年度计划（万元）', numFmt: SCORE_FMT, value: (r) => numberCell(r.yearPlan) },
    { header: '序时计划（万元）', numFmt: SCORE_FMT, value: (r) => numberCell(r.planToDate) },
    { header: '累计完成（万元）', numFmt: SCORE_FMT, value: (r) => numberCell(r.completed) },
    { header: '年度完成率（%）', numFmt: '0.0', value: (r) => numberCell(r.completedPercent) },
    { header: `${period ?? ''}亮牌`, value: (r) => (r.card ? PROJECT_CARD_LABELS[r.card] : '') },
  ];
  const map: ExportColumn<Row>[] = [
    { header: '项目编号', width: 14, value: (r) => r.code },
    { header: '项目名称', width: 36, value: (r) => r.name },
    { header: '亮牌', value: (r) => (r.card ? PROJECT_CARD_LABELS[r.card] : '') },
    { header: '计划调整次数', value: (r) => r.changes },
    ...MILESTONES.flatMap((m): ExportColumn<Row>[] => [
      { header: `${MILESTONE_LABELS[m]}·基线`, width: 12, value: (r) => r.baseline[m] ?? '' },
      { header: `${MILESTONE_LABELS[m]}·计划`, width: 12, value: (r) => r.current[m] ?? '' },
      { header: `${MILESTONE_LABELS[m]}·实际`, width: 12, value: (r) => r.reached[m] ?? '' },
    ]),
  ];
  return exportWorkbook<[Row, Row]>([
    { name: '重点项目库', columns: register, rows },
    { name: '挂图作战（节点）', columns: map, rows },
  ]);
}

export { PROJECT_FIELD_LABELS };
