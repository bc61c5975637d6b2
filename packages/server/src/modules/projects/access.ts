import { can, hasPermission, type Actor, type Permission } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { getInterview, getChange, getProject, type ProjectRow } from './repository.js';

/**
 * Who a project is: its responsible unit (`unit`) and its cooperating units (`co`); its 包保领导 and
 * 分管副职 are its owners, who reach it whatever their unit scope.
 */
export async function projectParties(db: Db, p: ProjectRow): Promise<ResolvedTarget> {
  const found = await units.byIds(db, [p.unitId, ...p.coUnitIds]);
  const path = (id: number) => found.get(id)?.path ?? [];
  return {
    parties: { unit: [path(p.unitId)].flat(), co: p.coUnitIds.flatMap(path) },
    owners: [p.leaderId, p.deputyLeaderId].filter((x): x is number => x !== null),
  };
}

export async function resolveProject(db: Db, id: number): Promise<ResolvedTarget | null> {
  const p = await getProject(db, id);
  return p ? projectParties(db, p) : null;
}

/** Interviews and plan changes are reached through their project. */
export async function resolveInterview(db: Db, id: number) {
  const row = await getInterview(db, id);
  return row ? resolveProject(db, row.projectId) : null;
}
export async function resolveChange(db: Db, id: number) {
  const row = await getChange(db, id);
  return row ? resolveProject(db, row.projectId) : null;
}

/** What the viewer may do with a project, served with it so the page renders buttons without the rule. */
export function projectActions(actor: Actor, p: ProjectRow, unitPath: string) {
  const owner = actor.userId === p.leaderId || actor.userId === p.deputyLeaderId;
  const may = (permission: Permission) =>
    hasPermission(actor, permission) && (owner || can(actor, permission, unitPath));
  return {
    edit: may('project.manage'),
    report: may('project.report'),
    requestChange: may('project.report'),
    decideChange: may('project.manage'),
    interview: may('project.interview'),
  };
}
export type ProjectActions = ReturnType<typeof projectActions>;
