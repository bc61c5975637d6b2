import type {
  Milestone,
  PlanChangeAction,
  PlanChangeState,
  ProjectCard,
  ProjectKind,
  ProjectStage,
} from '@leitai/core';

/** The server's project views (modules/projects/views.ts), as the pages read them. */
export interface Ref {
  id: number;
  name: string;
}

export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  kind: ProjectKind;
  totalInvestment: string;
  unit: Ref;
  leader: Ref | null;
  stage: ProjectStage;
  card: ProjectCard | null;
  cardPeriod: string | null;
  yearPlan: string;
  planToDate: string;
  completed: string;
  completedPercent: string | null;
  planVersion: number | null;
}

export interface ProjectList {
  year: number;
  period: string | null;
  rows: ProjectRow[];
}

export type Dates = Partial<Record<Milestone, string>>;

export interface GanttRow extends ProjectRow {
  baseline: Dates;
  current: Dates;
  reached: Dates;
  steps: { milestone: Milestone; title: string; deadline: string; doneOn: string | null }[];
  changes: number;
}

export interface Gantt {
  year: number;
  today: string;
  period: string | null;
  rows: GanttRow[];
}

export interface Plan {
  version: number;
  yearPlan: string;
  monthly: string[] | null;
  milestones: Dates;
}

export interface DiffLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface ProjectDetail extends ProjectRow {
  coUnits: Ref[];
  deputyLeader: Ref | null;
  owner: string;
  manager: string;
  location: string;
  lng: string | null;
  lat: string | null;
  version: number;
  year: number;
  actions: { edit: boolean; report: boolean; requestChange: boolean; decideChange: boolean; interview: boolean };
  baseline: Plan | null;
  current: Plan | null;
  versions: { version: number; reason: string; at: string; diff: DiffLine[] }[];
  milestones: {
    id: Milestone;
    baseline: string | null;
    planned: string | null;
    reachedOn: string | null;
    steps: { title: string; workingDays: number; deadline: string; doneOn: string | null }[];
  }[];
  months: {
    period: string;
    investment: string | null;
    completedToDate: string | null;
    planToDate: string | null;
    problem: string;
    card: ProjectCard | null;
    settled: boolean;
    reasons: string[];
  }[];
  changes: {
    id: number;
    state: PlanChangeState;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decision: string | null;
    diff: DiffLine[];
    actions: PlanChangeAction[];
  }[];
  interviews: {
    id: number;
    period: string;
    rung: 'yellow' | 'twoYellows' | 'red';
    interviewer: string | null;
    ledgerItemId: number;
    heldOn: string | null;
    record: string | null;
    canRecord: boolean;
  }[];
}

export interface Sum {
  key: string;
  label: string;
  count: number;
  yearPlan: string;
  planToDate: string;
  completed: string;
  percent: string | null;
  pacePercent: string | null;
}

export interface Dashboard {
  year: number;
  period: string;
  count: number;
  rates: {
    start: { done: number; due: number; percent: string | null };
    completion: { done: number; due: number; percent: string | null };
    investment: {
      yearPlan: string;
      planToDate: string;
      completed: string;
      percent: string | null;
      pacePercent: string | null;
    };
  };
  cards: Record<ProjectCard, number>;
  byUnit: Sum[];
  byKind: Sum[];
  /** Projects at each stage, and at it or beyond (the funnel). */
  stages: { stage: ProjectStage; count: number; atLeast: number }[];
  red: { id: number; code: string; name: string; unit: Ref; reasons: string[] }[];
}

/** The projects' part of a unit's monthly report, as the dispatch form receives it. */
export interface ReportSectionRow {
  projectId: number;
  code: string;
  name: string;
  yearPlan: string;
  planToDate: string;
  completedBefore: string;
  investment: string | null;
  problem: string;
  milestones: { id: Milestone; planned: string | null; reachedOn: string | null }[];
}
