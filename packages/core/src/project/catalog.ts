/**
 * 重点项目: the words of the project register, once. Keys are what the API and the web catalogues use;
 * the Chinese text is for documents (Word, Excel) and the import template.
 */
export const PROJECT_KINDS = ['industry', 'urban', 'livelihood', 'signing', 'infrastructure'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  industry: '产业项目',
  urban: '城建项目',
  livelihood: '民生项目',
  signing: '招商签约',
  infrastructure: '基础设施',
};

/** 节点: the milestones every project is planned on, in the order they happen. */
export const MILESTONES = ['signing', 'land', 'start', 'structure', 'completion', 'operation', 'stats'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  signing: '签约',
  land: '供地',
  start: '开工',
  structure: '主体完工',
  completion: '竣工',
  operation: '投产/运营',
  stats: '入库纳统',
};

/**
 * A project's stage is not typed: it is the furthest of its build milestones reached (入库 is a
 * status of its own, shown beside the stage), so the register never disagrees with the milestones.
 */
export const PROJECT_STAGES = ['prep', 'signed', 'land', 'building', 'structure', 'completed', 'operating'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  prep: '前期',
  signed: '已签约',
  land: '已供地',
  building: '在建',
  structure: '主体完工',
  completed: '已竣工',
  operating: '投产运营',
};
const STAGE_OF: Record<Exclude<Milestone, 'stats'>, ProjectStage> = {
  signing: 'signed',
  land: 'land',
  start: 'building',
  structure: 'structure',
  completion: 'completed',
  operation: 'operating',
};

/** The stage from the milestones reached: the furthest build milestone, or 前期 when none is. */
export function projectStage(reached: ReadonlySet<Milestone>): ProjectStage {
  let stage: ProjectStage = 'prep';
  for (const m of MILESTONES) if (m !== 'stats' && reached.has(m)) stage = STAGE_OF[m];
  return stage;
}

/** 黄牌/红牌: a project's colour for a month; overdue is a month whose report is missing past its deadline. */
export type ProjectCard = 'green' | 'yellow' | 'red' | 'overdue' | 'pending';
export const PROJECT_CARD_LABELS: Record<ProjectCard, string> = {
  green: '绿牌',
  yellow: '黄牌',
  red: '红牌',
  overdue: '逾期未报',
  pending: '待报',
};

/**
 * Indicators that are sums of the register (最多报一次): an indicator may name one, and its figure in the
 * monthly report is derived from the unit's projects, never typed again.
 */
export const DERIVED_FIGURES = ['projects.investment', 'projects.signed'] as const;
export type DerivedFigure = (typeof DERIVED_FIGURES)[number];
export const DERIVED_FIGURE_LABELS: Record<DerivedFigure, string> = {
  'projects.investment': '重点项目本年累计完成投资（万元）',
  'projects.signed': '本年签约亿元以上项目（个）',
};
/** 亿元以上: a signing counts when the project's total investment is at least this (万元). */
export const SIGNED_THRESHOLD = '10000';
