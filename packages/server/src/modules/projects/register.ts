import {
  PROJECT_KINDS,
  parseDecimal,
  planProblems,
  type Actor,
  type ProjectKind,
  type ProjectPlan,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import {
  codesTaken,
  insertPlans,
  insertProjects,
  leaderAccounts,
  lockProject,
  updateProject,
  type ProjectRow,
} from './repository.js';

export interface NewProject {
  code: string;
  name: string;
  kind: string;
  totalInvestment: string;
  unitId: number;
  coUnitIds: number[];
  leaderId: number | null;
  deputyLeaderId: number | null;
  owner: string;
  manager: string;
  location: string;
  lng: string | null;
  lat: string | null;
  year: number;
  plan: ProjectPlan;
}

export interface ProjectProblem {
  field: keyof NewProject | 'plan.yearPlan' | 'plan.monthly' | 'plan.milestones';
  message: string;
}

export const PROJECT_FIELD_LABELS: Record<ProjectProblem['field'], string> = {
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
  year: '计划年度',
  plan: '年度计划',
  'plan.yearPlan': '年度计划投资（万元）',
  'plan.monthly': '月度计划',
  'plan.milestones': '节点计划',
};

export interface ValidationContext {
  units: Map<number, { active: boolean }>;
  leaderIds: Set<number>;
  takenCodes: Set<string>;
}

export async function validationContext(db: Db, list: NewProject[]): Promise<ValidationContext> {
  const [found, leaders, takenCodes] = await Promise.all([
    units.byIds(
      db,
      list.flatMap((p) => [p.unitId, ...p.coUnitIds]),
    ),
    leaderAccounts(db),
    codesTaken(
      db,
      list.map((p) => p.code.trim()),
    ),
  ]);
  return { units: found, leaderIds: new Set(leaders.keys()), takenCodes };
}

/** Every problem of a new project, by field: the form and the Excel import report the same sentences. */
export function projectProblems(p: NewProject, ctx: ValidationContext): ProjectProblem[] {
  const out: ProjectProblem[] = [];
  if (!/^[A-Za-z0-9-]{2,30}$/.test(p.code.trim()))
    out.push({ field: 'code', message: '项目编号须为 2 到 30 位字母、数字或短横线' });
  else if (ctx.takenCodes.has(p.code.trim())) out.push({ field: 'code', message: `项目编号 ${p.code} 已存在` });
  if (p.name.trim().length < 4) out.push({ field: 'name', message: '项目名称至少 4 个字' });
  if (!(PROJECT_KINDS as readonly string[]).includes(p.kind))
    out.push({ field: 'kind', message: '项目类别不在清单中' });
  try {
    if (parseDecimal(p.totalInvestment, 'total') <= 0)
      out.push({ field: 'totalInvestment', message: '总投资须大于 0' });
  } catch {
    out.push({ field: 'totalInvestment', message: `总投资“${p.totalInvestment}”不是数字` });
  }
  if (!ctx.units.get(p.unitId)?.active) out.push({ field: 'unitId', message: '责任单位不存在或已停用' });
  if (p.coUnitIds.some((id) => !ctx.units.get(id)?.active))
    out.push({ field: 'coUnitIds', message: '配合单位不存在或已停用' });
  if (p.coUnitIds.includes(p.unitId)) out.push({ field: 'coUnitIds', message: '责任单位不能同时是配合单位' });
  if (p.leaderId !== null && !ctx.leaderIds.has(p.leaderId))
    out.push({ field: 'leaderId', message: '包保领导须是启用的领导账号' });
  if (p.deputyLeaderId !== null && !ctx.leaderIds.has(p.deputyLeaderId))
    out.push({ field: 'deputyLeaderId', message: '分管副职须是启用的领导账号' });
  for (const [field, v, max] of [
    ['lng', p.lng, 180],
    ['lat', p.lat, 90],
  ] as const) {
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isFinite(n) || Math.abs(n) > max)
      out.push({ field, message: `${PROJECT_FIELD_LABELS[field]}须在 ±${max} 之间` });
  }
  for (const pp of planProblems(p.plan)) out.push({ field: `plan.${pp.field}`, message: pp.message });
  const years = Object.values(p.plan.milestones).map((d) => d.slice(0, 4));
  if (years.length > 0 && !years.includes(String(p.year)))
    out.push({ field: 'plan.milestones', message: `节点计划中至少一个节点须在 ${p.year} 年内` });
  return out;
}

const sentence = (problems: ProjectProblem[]) =>
  problems.map((x) => `${PROJECT_FIELD_LABELS[x.field]}：${x.message}`).join('；');

/** Inserts valid projects with their baseline plans, audited, in the caller's transaction. */
export async function insertNewProjects(
  tx: Db,
  actor: Actor,
  who: AuditActor,
  list: NewProject[],
): Promise<ProjectRow[]> {
  const rows = await insertProjects(
    tx,
    list.map((p) => ({
      code: p.code.trim(),
      name: p.name.trim(),
      kind: p.kind as ProjectKind, // checked with the other fields before anything is written
      totalInvestment: p.totalInvestment,
      unitId: p.unitId,
      coUnitIds: p.coUnitIds,
      leaderId: p.leaderId,
      deputyLeaderId: p.deputyLeaderId,
      owner: p.owner.trim(),
      manager: p.manager.trim(),
      location: p.location.trim(),
      lng: p.lng,
      lat: p.lat,
    })),
  );
  await insertPlans(
    tx,
    rows.map((r, i) => ({
      projectId: r.id,
      year: list[i]!.year,
      version: 1,
      plan: list[i]!.plan,
      reason: '年初基线',
      createdBy: actor.userId,
    })),
  );
  for (const [i, r] of rows.entries())
    await recordAudit(tx, who, {
      action: 'project.create',
      targetType: 'project',
      targetId: r.id,
      unitId: r.unitId,
      after: { ...list[i]! },
    });
  return rows;
}

/** 登记: one project with its start-of-year plan (the baseline), refused whole with every problem named. */
export async function createProject(db: Db, actor: Actor, who: AuditActor, input: NewProject): Promise<ProjectRow> {
  const problems = projectProblems(input, await validationContext(db, [input]));
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', sentence(problems), {
      issues: problems.map((p) => ({ path: p.field, message: p.message })),
    });
  return db.transaction(async (tx) => (await insertNewProjects(tx, actor, who, [input]))[0]!);
}

export type ProjectEdit = Omit<NewProject, 'code' | 'year' | 'plan'> & { version: number };

/** The office corrects the register's facts; the plan changes only by an approved request. */
export async function updateRegister(db: Db, who: AuditActor, id: number, edit: ProjectEdit): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const row = await lockProject(tx, id);
    if (!row) throw notFound('项目');
    if (row.version !== edit.version) throw conflict('项目已被他人修改，请刷新后重试', { version: row.version });
    const probe: NewProject = {
      ...edit,
      code: row.code,
      year: 0,
      plan: { yearPlan: '0', monthly: null, milestones: {} },
    };
    const ctx = await validationContext(tx, [probe]);
    ctx.takenCodes.delete(row.code);
    const problems = projectProblems(probe, ctx).filter((p) => !p.field.startsWith('plan'));
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', sentence(problems));
    const { version: _seen, ...facts } = edit;
    const out = await updateProject(tx, row, { ...facts, kind: facts.kind as ProjectKind });
    await recordAudit(tx, who, {
      action: 'project.update',
      targetType: 'project',
      targetId: id,
      unitId: row.unitId,
      before: { ...row },
      after: { ...out },
    });
    return out;
  });
}

/** What the register's form offers: the active units the office may assign, the leader accounts. */
export async function projectChoices(db: Db, scope: UnitFilter) {
  const [list, leaders] = await Promise.all([units.inScope(db, scope), leaderAccounts(db)]);
  return {
    units: list.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
    leaders: [...leaders.values()].map((l) => ({ id: l.id, name: l.name })),
  };
}
