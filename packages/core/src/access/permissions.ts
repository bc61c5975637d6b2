import type { Role } from './roles.js';

/**
 * Scope of a grant: every unit; the actor's office's subtree (see `office` below); what is at or above the
 * actor's unit (`above`: its ancestors, and the records of the offices among them, so a unit reads the
 * arenas and rankings of every office it belongs to); the actor's unit and its descendants; only the
 * actor's unit; or the units (with descendants) a leader oversees.
 *
 * 'office' is the organiser's scope (docs/levels.md): on a unit, the units under the actor's office; on a
 * record an office owns (a campaign, arena, ledger item, rating point, evaluation), the records of the
 * actor's own office, and for a read (`readsBelow`) also those of the offices below it.
 */
export type Scope = 'all' | 'office' | 'above' | 'subtree' | 'own' | 'overseen';

/**
 * The one table of who may do what. Features add their permissions here (one line each);
 * the authorisation matrix test walks every route against it.
 */
export const GRANTS = {
  'unit.read': {
    sysadmin: 'all',
    organiser: 'office',
    leader: 'overseen',
    unit_head: 'subtree',
    reporter: 'own',
    // The organisation department places its cadres in the units of its subtree.
    org_dept: 'office',
  },
  'unit.manage': { sysadmin: 'all', organiser: 'office' },
  'user.read': { sysadmin: 'all', secadmin: 'all', organiser: 'office' },
  'user.manage': { sysadmin: 'all', organiser: 'office' },
  'security.manage': { secadmin: 'all' },
  'admin.approve': { secadmin: 'all' },
  'account.unlock': { secadmin: 'all' },
  'audit.read': { auditor: 'all' },
  'calendar.manage': { organiser: 'office' },
  'arena.manage': { organiser: 'office' },
  // The organisation department reads the arenas, ledger and evaluations of its subtree: a cadre record's
  // entries link to them (干部实绩档案), and 组工干部 read the records they come from.
  'arena.read': { organiser: 'office', leader: 'above', unit_head: 'above', org_dept: 'office' },
  'ledger.manage': { organiser: 'office' },
  'ledger.read': { organiser: 'office', leader: 'overseen', unit_head: 'subtree', reporter: 'own', org_dept: 'office' },
  'ledger.work': { unit_head: 'subtree', reporter: 'own' },
  // The lead unit's head (or one above) confirms a close-out request where the office asks for it.
  'ledger.confirm': { unit_head: 'subtree' },
  // Evidence and attachments are business data: the admins (三员分立) manage accounts, not evidence.
  'file.read': { organiser: 'office', leader: 'overseen', unit_head: 'subtree', reporter: 'own' },
  // Those who attach evidence (reports, ledger work, the office's own items); leaders only read.
  'file.upload': { organiser: 'office', unit_head: 'own', reporter: 'own' },
  'campaign.manage': { organiser: 'office' },
  'indicator.manage': { organiser: 'office' },
  'target.read': { organiser: 'office', leader: 'overseen', unit_head: 'subtree', reporter: 'own' },
  'target.confirm': { unit_head: 'own' },
  'report.fill': { reporter: 'own', unit_head: 'own' },
  'report.submit': { unit_head: 'own' },
  'report.review': { organiser: 'office' },
  'board.read': { organiser: 'office', leader: 'overseen' },
  // 群众评价: figures for the office and the units themselves; points are kept by the office and the unit.
  'rating.read': { organiser: 'office', leader: 'overseen', unit_head: 'subtree', reporter: 'own' },
  'rating.points': { organiser: 'office', unit_head: 'subtree' },
  // The rated unit calls back (sees the masked number, opens it audited) and appeals; the office decides.
  'rating.work': { unit_head: 'subtree', reporter: 'own' },
  'rating.manage': { organiser: 'office' },
  // 综合考核: the office runs it; a published ranking is read by all; a unit's explanation by its own people,
  // the leaders overseeing it and the office; the unit's head appeals.
  'evaluation.manage': { organiser: 'office' },
  'evaluation.read': {
    organiser: 'office',
    leader: 'above',
    unit_head: 'above',
    reporter: 'above',
    org_dept: 'office',
  },
  'evaluation.explain': {
    organiser: 'office',
    leader: 'overseen',
    unit_head: 'own',
    reporter: 'own',
    org_dept: 'office',
  },
  'evaluation.appeal': { unit_head: 'own' },
  // 加减分 and 容错免责 are proposed by the unit's head or the office; the office decides (another organiser).
  'evaluation.adjust': { organiser: 'office', unit_head: 'own' },
  // 重点项目: the office keeps the register and decides plan changes; the responsible unit reports its
  // months and asks for changes; leaders read the units they oversee (and the projects they are 包保 of,
  // as the project's owners) and record the interviews they hold.
  'project.read': { organiser: 'office', leader: 'overseen', unit_head: 'subtree', reporter: 'own' },
  'project.manage': { organiser: 'office' },
  'project.report': { unit_head: 'own', reporter: 'own' },
  'project.interview': { organiser: 'office', leader: 'overseen' },
  // 万企走访 / 包保: the office keeps the register, the assignments and dispatches 诉求; leaders read their
  // streets' coverage; any official records visits, but only to the enterprises assigned to him: the grant is
  // his own unit's, and an enterprise is reached as its owner (the office's 'all' records for anyone).
  // The enterprise register is still the whole tree's (it has no owning office yet: docs/levels.md).
  'visit.manage': { organiser: 'all' },
  'visit.read': { organiser: 'all', leader: 'overseen' },
  'visit.record': { organiser: 'all', leader: 'own', unit_head: 'own', reporter: 'own' },
  // 金点子 / 建言献策: every official submits to the rounds of the offices he belongs to (an organiser to his own
  // office's: he never reaches past it), the public through the round's link; the office runs the round;
  // reviewers score what they are assigned (the grant reaches the round's office; the assignment is checked on
  // the suggestion); leaders read their offices' rounds, a unit's head the ideas of his unit, never another's.
  'suggestion.submit': { organiser: 'office', leader: 'above', unit_head: 'above', reporter: 'above', judge: 'above' },
  'suggestion.manage': { organiser: 'office' },
  'suggestion.review': { organiser: 'office', leader: 'above', unit_head: 'above', reporter: 'above' },
  'suggestion.read': { organiser: 'office', leader: 'above', unit_head: 'subtree' },
  // 对标: the office keeps its peers' figures (imported by Excel); its leaders and units' heads read the gaps.
  'benchmark.manage': { organiser: 'office' },
  'benchmark.read': { organiser: 'office', leader: 'above', unit_head: 'above' },
  // 催办: the office urges its units' overdue items and late reports. 批示: a leader instructs the units he
  // oversees; the unit's people answer (回复) on their own unit's.
  'supervision.urge': { organiser: 'office' },
  'supervision.instruct': { leader: 'overseen' },
  'supervision.answer': { unit_head: 'own', reporter: 'own' },
  // Notices outside the app: the office keeps the units' group robots, the quiet hours and the dead letters.
  'delivery.manage': { organiser: 'office' },
  // 干部: the organisation department keeps the register of its office's subtree (a district's 组织部 for the
  // district, a street's for the street); organisers read it to name presenters and person contestants. The
  // record (干部实绩档案) is the department's alone, besides the person themself (cadre/record.ts).
  'cadre.read': { org_dept: 'office', organiser: 'office' },
  'cadre.manage': { org_dept: 'office' },
  'cadre.record': { org_dept: 'office' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof GRANTS;

export function grantScope(role: Role, permission: Permission): Scope | undefined {
  const grant: Partial<Record<Role, Scope>> = GRANTS[permission];
  return grant[role];
}

/**
 * Whether a permission only reads. An office reads the records of the offices below it (their results),
 * and manages only its own.
 */
export function readsBelow(permission: Permission): boolean {
  return permission.endsWith('.read') || permission === 'evaluation.explain';
}
