import type {
  BadRatingState,
  Rate,
  RatingAction,
  RatingCounts,
  RatingFigures,
  RatingPointKind,
  RatingState,
} from '../rating/rules.js';
import type { FileInfo } from './ledger.js';

/** 群众评价: the office's figures, a rating as the office and the rated unit see it, a rating point. */
export interface RatingStanding {
  unit: { id: number; name: string; category: string | null };
  counts: RatingCounts;
  figures: RatingFigures;
  /** Bayesian satisfaction 0–100 (DESIGN §3.4), exact to 6 places, and as shown. */
  satisfaction: { value: string | null; shown: string };
  /** Rank among every unit rated in the period (a district fact, whatever the viewer sees). */
  rank: number | null;
}

export interface RatingsOverview {
  from: string;
  to: string;
  totals: { counts: RatingCounts; figures: RatingFigures };
  standings: RatingStanding[];
  trend: { month: string; total: number; bad: number; goodRate: Rate; badRate: Rate }[];
  reasons: { reason: string; n: number }[];
  states: { state: BadRatingState; label: string; count: number }[];
}

export interface RatingView<T = string> {
  id: number;
  unit: { id: number; name: string };
  pointName: string;
  stars: number;
  level: string;
  bad: boolean;
  tags: string[];
  comment: string;
  reason: string | null;
  caseNo: string | null;
  ratedOn: string;
  createdAt: T;
  realName: boolean;
  phone: string | null;
  review: 'none' | 'held' | 'released' | 'rejected';
  reviewReason: string | null;
  state: RatingState;
  stateLabel: string;
  ledgerItemId: number | null;
  callbackDue: string | null;
  callback: { at: T; caller: string; outcome: string } | null;
  followUp: 'none' | 'satisfied' | 'unsatisfied';
  followUpComment: string | null;
  /** The appeal with its evidence (申诉材料), each file readable at /api/files/<id>. */
  appeal: { state: string; reason: string; decision: string | null; files: FileInfo<T>[] } | null;
  actions: RatingAction[];
}

export interface RatingPointView {
  id: number;
  unit: { id: number; name: string };
  name: string;
  kind: RatingPointKind;
  kindLabel: string;
  code: string;
  path: string;
  active: boolean;
  /** The office (考核办) whose point it is (docs/levels.md). */
  office: { id: number; name: string };
  canManage: boolean;
}

/** One unit's line of a published ranking (媒体问效): frozen as shown when it was published. */
export interface PublishedRankingRow {
  category: string;
  /** Rank within the category on the exact satisfaction; null without ratings. */
  categoryRank: number | null;
  rank: number | null;
  unit: string;
  ratings: number;
  /** Satisfaction 0–100 at two places, or —. */
  satisfaction: string;
  /** 好评率 and 差评整改率 as shown ("66.67%", or — when there is nothing to divide by). */
  goodRate: string;
  bad: number;
  rectifiedRate: string;
}

/** A published ranking: one version, never edited; republishing makes the next version. */
export interface PublishedRanking<T = string> {
  id: number;
  office: string;
  version: number;
  title: string;
  from: string;
  to: string;
  publishedAt: T;
  rows: PublishedRankingRow[];
}
