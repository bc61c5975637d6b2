import type { Explanation } from '../explain/index.js';
import type {
  AdjustmentAction,
  AdjustmentKind,
  AdjustmentState,
  AppealAction,
  AppealState,
  EvaluationAction,
  EvaluationKind,
  EvaluationScheme,
  EvaluationState,
  LineChange,
  RankBand,
} from '../evaluation/index.js';
import type { RateOutcome } from '../ledger/index.js';
import type { FileInfo } from './ledger.js';

/** A record a component's value came from: each one a link to the stored record. */
export type EvaluationRecord =
  | {
      type: 'report';
      reportId: number | null;
      period: string | null;
      indicatorId: number;
      name: string;
      weight: string;
      base: string;
      stretch: string | null;
      actual: string | null;
      /** Exact points ("6" or "20/3"), null when not scored. */
      points: string | null;
    }
  | { type: 'arena'; arenaId: number; title: string; heldOn: string; scoreShown: string; exact: string; rank: number }
  | { type: 'ledger'; itemId: number; title: string; deadline: string; closedOn: string | null; outcome: RateOutcome }
  | { type: 'ratings'; from: string; to: string; satisfaction: string | null }
  /** 评议: each group's respondents and mean (percent, exact text), null below the minimum. */
  | {
      type: 'review';
      groups: { name: string; respondents: number; mean: string | null }[];
      minRespondents: number;
    }
  | { type: 'appeal'; appealId: number; correction: string; reason: string }
  /** 容错免责: the deduction this approved waiver removed. */
  | { type: 'waiver'; adjustmentId: number; reason: string; waived: string };

/** A close's frozen inputs: every value exactly (text), and the records behind it. */
export interface SnapshotInputs {
  asOf: string;
  schemeVersion: number;
  scheme: EvaluationScheme;
  categories: { id: string; name: string }[];
  units: { id: string; name: string; categoryId: string }[];
  values: { componentId: string; unitId: string; value: string | null }[];
  adjustments: { id: string; unitId: string; amount: string; label: string }[];
  previous: { unitId: string; rank: number }[];
  records: { componentId: string; unitId: string; records: EvaluationRecord[] }[];
}

export interface EvaluationSummary {
  id: number;
  campaignId: number;
  name: string;
  kind: EvaluationKind;
  kindLabel: string;
  periodFrom: string;
  periodTo: string;
  state: EvaluationState;
  stateLabel: string;
  commentUntil: string | null;
  appealDays: number;
  schemeVersion: number;
  /** Published versions so far. */
  versions: number;
}

export interface RankingRow {
  unitId: number;
  unitName: string;
  total: string;
  totalShown: string;
  rank: number;
  rankChange: number | null;
  grade: string;
  honour: boolean;
  warning: boolean;
  components: { componentId: string; scoreShown: string }[];
  /** The viewer may open this unit's explanation. */
  mayExplain: boolean;
  /** How stable the rank is (office only): best and worst rank under ±10 % weights or another method. */
  band: Pick<RankBand, 'best' | 'worst'> | null;
}

export interface RankingCategory {
  categoryId: string;
  categoryName: string;
  rows: RankingRow[];
  honourList: string[];
  warningList: string[];
}

export interface AppealView<T = string> {
  id: number;
  version: number;
  unitId: number;
  unitName: string;
  componentId: string;
  componentName: string;
  reason: string;
  /** The evidence attached (the files module's records, opened at /api/files/:id). */
  evidence: FileInfo<T>[];
  state: AppealState;
  stateLabel: string;
  uphold: 'uphold' | 'refuse' | null;
  correction: string | null;
  decision: string | null;
  filedAt: T;
  decidedBy: string | null;
  approvedBy: string | null;
  actions: { action: AppealAction; label: string }[];
}

export interface AdjustmentView<T = string> {
  id: number;
  unitId: number;
  unitName: string;
  kind: AdjustmentKind;
  kindLabel: string;
  amount: string;
  reason: string;
  evidence: FileInfo<T>[];
  state: AdjustmentState;
  stateLabel: string;
  decision: string | null;
  proposedAt: T;
  proposedBy: string | null;
  decidedBy: string | null;
  /** The procedure's steps as taken (容错免责: 受理, 核实, 认定, 报备), oldest first. */
  steps: { action: AdjustmentAction; label: string; by: string | null; at: string; text: string }[];
  actions: { action: AdjustmentAction; label: string }[];
}

export interface VersionView<T = string> {
  version: number;
  publishedAt: T;
  publishedBy: string | null;
  /** Who moved against the previous version, with the appeals that moved them. */
  changes: (LineChange & { unitName: string; appeals: number[]; reason: string })[];
}

export interface EvaluationDetail<T = string> {
  evaluation: EvaluationSummary;
  scheme: EvaluationScheme;
  categories: { id: string; name: string }[];
  actions: { action: EvaluationAction; label: string }[];
  /** Why the office may not finalise yet, in words. */
  finaliseBlocker: string | null;
  snapshot: { id: number; schemeVersion: number; inputHash: string; resultHash: string; createdAt: T } | null;
  /** What the viewer may see of the ranking: the office always; others once published. */
  ranking: RankingCategory[] | null;
  versions: VersionView<T>[];
  appeals: AppealView<T>[];
  /** Every settled appeal, for all readers once published: what a 通报 reports (no reasons, no people). */
  settledAppeals: {
    unitName: string;
    componentName: string;
    stateLabel: string;
    decision: string;
    correction: string | null;
  }[];
  /** The viewer's own unit may appeal one of these numbers, until the window closes. */
  appeal: { unitId: number; unitName: string; components: { id: string; name: string }[] } | null;
  /** 加减分 and 容错免责 the viewer may see, with the office's next steps. */
  adjustments: AdjustmentView<T>[];
  /** The units the viewer may propose an adjustment for (while a draft), or none. */
  adjustFor: { id: number; name: string }[];
  appealRefusal: string | null;
}

export interface ExplainedComponent {
  componentId: string;
  name: string;
  sourceLabel: string;
  methodLabel: string;
  weight: string;
  value: string | null;
  valueExact: string | null;
  /** How the unit scored without data (its value null), in words; null when it had data. */
  noDataLabel: string | null;
  scoreShown: string;
  records: EvaluationRecord[];
}

export interface UnitExplanation {
  unit: { id: number; name: string; categoryName: string };
  version: number | null;
  totalShown: string;
  total: string;
  rank: number;
  of: number;
  grade: string;
  rankChange: number | null;
  components: ExplainedComponent[];
  adjustments: { id: string; amount: string; label: string }[];
  tree: Explanation;
}

export interface RankHistoryPoint {
  evaluationId: number;
  name: string;
  periodTo: string;
  rank: number;
  of: number;
  totalShown: string;
}
