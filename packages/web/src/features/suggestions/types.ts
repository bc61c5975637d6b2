import type { RewardLevel, SuggestionAction, SuggestionCriterion, SuggestionStatus } from '@leitai/core';

/** What the suggestions API answers (server: modules/suggestions). */
export interface Round {
  id: number;
  title: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
  topN: number;
  criteria: SuggestionCriterion[];
  maxTotal: string;
  rewardLevels: (RewardLevel & { given: number })[];
  total: number;
  adopted: number;
  publicCode: string | null;
  manages: boolean;
}

export interface Idea {
  id: number;
  roundId: number;
  title: string;
  body: string;
  channel: 'account' | 'public';
  proposerName: string;
  proposerUnitName: string | null;
  proposerContact: string;
  fileIds: number[];
  status: SuggestionStatus;
  submittedAt: string;
  score: string | null;
  scoredBy: number;
  rank: number | null;
  chosen: boolean;
  reviewers: { id: number; name: string; total: string | null; scored: boolean }[];
  myReview: { scores: Record<string, string> | null; comment: string; scored: boolean } | null;
  decisionNote: string;
  ledgerItemId: number | null;
  reward: { level: string; label: string; amount: string } | null;
  actions: SuggestionAction[];
}

export interface RoundDetail {
  round: Round;
  suggestions: Idea[];
}

export interface IdeaDetail {
  round: { id: number; title: string; criteria: SuggestionCriterion[]; rewardLevels: RewardLevel[] };
  suggestion: Idea;
}

export interface MyIdeas {
  mine: (Idea & { roundTitle: string })[];
  toReview: (Idea & { roundTitle: string })[];
}

export interface RoundStats {
  byUnit: { unitId: number | null; unitName: string | null; submitted: number; adopted: number }[];
  byMonth: { month: string; submitted: number; adopted: number }[];
}

export interface Choices {
  units: { id: number; name: string }[];
  people: { id: number; name: string; username: string; unitName: string }[];
}

export interface PublicRound {
  title: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
}
