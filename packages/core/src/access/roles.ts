/** The roles of DESIGN §1. The three admin roles are separate (三员分立): none holds another's permissions. */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'organiser',
  'leader',
  'unit_head',
  'reporter',
  'judge',
  'org_dept',
] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/**
 * Which roles an actor may give to a user. Only the system admin hands out admin roles, and nobody
 * may combine two admin roles on one account (三员分立).
 */
export function assignableRoles(actorRoles: readonly Role[]): Role[] {
  if (actorRoles.includes('sysadmin')) return [...ROLES];
  if (actorRoles.includes('organiser')) return ROLES.filter((r) => !ADMIN_ROLES.includes(r));
  return [];
}

/**
 * Whether a change to an account needs a second person (三员分立): it creates, changes or resets an account
 * that holds, or would hold, an admin role. The system admin may only ask; the security admin decides, so
 * no one of the three can take over another's account or make a new one of them alone.
 */
export function needsSecondPerson(before: readonly Role[] | null, after: readonly Role[]): boolean {
  return [...(before ?? []), ...after].some((r) => ADMIN_ROLES.includes(r));
}

/** Returns the problem with a role set, or null when it is acceptable. */
export function roleSetProblem(roles: readonly Role[]): string | null {
  if (roles.length === 0) return 'at least one role is required';
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length > 1)
    return 'admin roles are separate: one account holds at most one of sysadmin, secadmin, auditor';
  if (admins.length === 1 && roles.length > 1) return 'an admin account holds no other role';
  return null;
}

/** Role names as the interface and Excel files show them. */
export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  organiser: '考核办',
  leader: '区领导',
  unit_head: '单位负责人',
  reporter: '单位填报员',
  judge: '评委',
  org_dept: '组织部门',
};
