/**
 * 金点子 / 建言献策: the words of suggestions once. Keys are what the API and the web catalogues use; the
 * Chinese text is for Excel files and documents.
 */
export const SUGGESTION_STATUSES = ['submitted', 'reviewing', 'adopted', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  submitted: '待评审',
  reviewing: '评审中',
  adopted: '已采纳',
  rejected: '未采纳',
};

/** One idea per submission, short enough to read on a phone: the limits the forms and the API share. */
export const SUGGESTION_TITLE_MAX = 60;
export const SUGGESTION_BODY_MAX = 500;

/** A scoring criterion of a round (评分项), with its maximum, a decimal text such as '40'. */
export interface SuggestionCriterion {
  key: string;
  label: string;
  max: string;
}

/** A reward level of a round (奖励等级): how many ideas may get it and the amount in 元 each. */
export interface RewardLevel {
  key: string;
  label: string;
  count: number;
  amount: string;
}

/** The criteria a new round starts from (an office changes them per round). */
export const DEFAULT_SUGGESTION_CRITERIA: readonly SuggestionCriterion[] = [
  { key: 'innovation', label: '创新性', max: '30' },
  { key: 'feasibility', label: '可行性', max: '40' },
  { key: 'benefit', label: '效益性', max: '30' },
];

/** The reward table a new round starts from, as district 建言献策 notices publish it. */
export const DEFAULT_REWARD_LEVELS: readonly RewardLevel[] = [
  { key: 'special', label: '特等奖', count: 1, amount: '5000' },
  { key: 'first', label: '一等奖', count: 2, amount: '2000' },
  { key: 'second', label: '二等奖', count: 3, amount: '1000' },
  { key: 'third', label: '三等奖', count: 4, amount: '500' },
  { key: 'souvenir', label: '纪念奖', count: 10, amount: '100' },
];

/** What the office or a reviewer may do next with a suggestion, served with it (the web renders buttons). */
export const SUGGESTION_ACTIONS = ['assign', 'score', 'adopt', 'reject', 'reward'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];
