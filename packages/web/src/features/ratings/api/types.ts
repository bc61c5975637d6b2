import type { BadRatingState, Rate, RatingAction, RatingCounts, RatingPointKind, RatingState } from '@leitai/core';

export interface Standing {
  unit: { id: number; name: string; category: string | null };
  counts: RatingCounts;
  figures: Record<
    'goodRate' | 'badRate' | 'rectifiedRate' | 'callbackRate' | 'realNameRectifiedRate' | 'averagePoints',
    Rate
  >;
  satisfaction: { value: string | null; shown: string };
  rank: number | null;
}

export interface Overview {
  from: string;
  to: string;
  totals: { counts: RatingCounts; figures: Standing['figures'] };
  standings: Standing[];
  trend: { month: string; total: number; bad: number; goodRate: Rate; badRate: Rate }[];
  reasons: { reason: string; n: number }[];
  states: { state: BadRatingState; label: string; count: number }[];
}

export interface RatingView {
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
  createdAt: string;
  realName: boolean;
  phone: string | null;
  review: 'none' | 'held' | 'released' | 'rejected';
  reviewReason: string | null;
  state: RatingState;
  stateLabel: string;
  ledgerItemId: number | null;
  callbackDue: string | null;
  callback: { at: string; caller: string; outcome: string } | null;
  followUp: 'none' | 'satisfied' | 'unsatisfied';
  followUpComment: string | null;
  appeal: { state: string; reason: string; decision: string | null } | null;
  actions: RatingAction[];
}

export interface PointView {
  id: number;
  unit: { id: number; name: string };
  name: string;
  kind: RatingPointKind;
  kindLabel: string;
  code: string;
  path: string;
  active: boolean;
  canManage: boolean;
}
