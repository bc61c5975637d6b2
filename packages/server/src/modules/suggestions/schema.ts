import { z } from 'zod';
import {
  DEFAULT_REWARD_LEVELS,
  DEFAULT_SUGGESTION_CRITERIA,
  SUGGESTION_BODY_MAX,
  SUGGESTION_TITLE_MAX,
} from '@leitai/core';
import { ZDate, ZId as id, ZRequired as required, ZText as text } from '../../http/schemas.js';

/** Request bodies and queries of 金点子 (Zod, Chinese messages). */
const decimal = (what: string) =>
  z
    .string({ error: `${what}须为数值` })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, `${what}须为不超过两位小数的非负数`);
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,30}$/, '代码须为小写字母开头的字母、数字或下划线');

export const ZIdParams = z.object({ id: id('编号') });
export const ZCodeParams = z.object({ code: z.string().min(10, '链接无效').max(64, '链接无效') });

export const ZCriterion = z.object({ key, label: required('评分项名称', 20), max: decimal('满分') });
export const ZRewardLevel = z.object({
  key,
  label: required('奖励等级名称', 20),
  count: z.number({ error: '名额须为整数' }).int('名额须为整数').min(0, '名额不能为负').max(1000, '名额不能超过 1000'),
  amount: decimal('奖金'),
});
const distinctKeys = (list: { key: string }[]) => new Set(list.map((x) => x.key)).size === list.length;

export const ZNewRound = z
  .object({
    title: required('征集名称', 60),
    opensOn: ZDate('开始日期'),
    closesOn: ZDate('截止日期'),
    topN: z.number({ error: '评选名额须为整数' }).int('评选名额须为整数').min(1, '评选名额至少 1 名').max(500),
    criteria: z
      .array(ZCriterion)
      .min(1, '至少一个评分项')
      .max(10, '评分项不超过 10 个')
      .refine(distinctKeys, '评分项代码重复')
      .default([...DEFAULT_SUGGESTION_CRITERIA]),
    rewardLevels: z
      .array(ZRewardLevel)
      .max(10, '奖励等级不超过 10 个')
      .refine(distinctKeys, '奖励等级代码重复')
      .default([...DEFAULT_REWARD_LEVELS]),
  })
  .refine((r) => r.closesOn >= r.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });
export type NewRound = z.infer<typeof ZNewRound>;

const idea = {
  title: required('标题', SUGGESTION_TITLE_MAX),
  body: required('内容', SUGGESTION_BODY_MAX),
};
export const ZNewSuggestion = z.object({
  roundId: id('征集活动'),
  ...idea,
  fileIds: z.array(id('附件')).max(1, '每条建议至多一个附件').default([]),
});
export type NewSuggestion = z.infer<typeof ZNewSuggestion>;

export const ZPublicSuggestion = z.object({
  ...idea,
  name: required('姓名', 30),
  contact: text('联系方式', 50).default(''),
});
export type PublicSuggestion = z.infer<typeof ZPublicSuggestion>;

export const ZSuggestionQuery = z.object({ roundId: id('征集活动') });

export const ZReviewers = z.object({
  userIds: z.array(id('评审人')).min(1, '至少指定一名评审人').max(20, '评审人不超过 20 名'),
});
export const ZScore = z.object({
  scores: z.record(z.string(), z.string({ error: '分数须为数值' }).trim()),
  comment: text('评语', 200).default(''),
});
export type Score = z.infer<typeof ZScore>;

export const ZAdopt = z.object({
  leadUnitId: id('承办单位'),
  deadline: ZDate('完成时限'),
  note: text('采纳意见', 200).default(''),
});
export type Adopt = z.infer<typeof ZAdopt>;
export const ZReject = z.object({ note: required('不予采纳的理由', 200) });
export const ZReward = z.object({ level: key.nullable() });
