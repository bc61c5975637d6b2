import { z } from 'zod';
import { DEFAULT_POINTS_RULE, DERIVED_FIGURES } from '@leitai/core';
import { ZDate as ZCalendarDate } from '../../http/schemas.js';

const ZId = z.coerce.number().int().positive();
const ZYear = z.coerce.number().int().min(2000, '年份须在 2000 至 2100 之间').max(2100, '年份须在 2000 至 2100 之间');
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式须为 YYYY-MM，例如 2026-05');
const ZDate = ZCalendarDate();
const ZNumberText = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((s) => /^-?\d+(\.\d{1,6})?$/.test(s.trim()), `${what}须为数字（最多 6 位小数）`);
const ZText = (max: number, what: string) => z.string().max(max, `${what}不能超过 ${max} 个字`);

export const ZIdParams = z.object({ id: ZId });
export const ZUnitParams = z.object({ id: ZId, unitId: ZId });

export const ZPhase = z
  .object({ name: ZText(30, '阶段名称').min(1, '阶段名称不能为空'), from: ZMonth, to: ZMonth })
  .refine((p) => p.from <= p.to, '阶段的开始月份不能晚于结束月份');
export const ZCadence = z.object({
  dispatch: z.literal('monthly'),
  arena: z.enum(['quarterly', 'none']).default('quarterly'),
  review: z.enum(['half-year', 'none']).default('half-year'),
  summary: z.enum(['annual']).default('annual'),
});

export const ZNewCampaign = z
  .object({
    name: ZText(100, '活动名称').min(2, '活动名称至少 2 个字'),
    startYear: ZYear,
    endYear: ZYear,
    phases: z.array(ZPhase).max(12, '阶段最多 12 个').default([]),
    cadence: ZCadence.default({ dispatch: 'monthly', arena: 'quarterly', review: 'half-year', summary: 'annual' }),
    /** Copy the indicator list (and assignments) of an earlier campaign, shifting the year. */
    copyFromId: ZId.optional(),
  })
  .refine((c) => c.endYear >= c.startYear, { message: '结束年份不能早于开始年份', path: ['endYear'] });
export type NewCampaign = z.infer<typeof ZNewCampaign>;

export const ZIndicatorKind = z.enum(['cumulative', 'rate', 'growth']);
export const ZWarningRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pointsBehind'),
    yellowFromPoints: ZNumberText('黄灯阈值'),
    redFromPoints: ZNumberText('红灯阈值'),
  }),
  z.object({ kind: z.literal('ratio'), redBelowRatio: ZNumberText('红灯比例') }),
]);
export const ZProfile = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear') }),
  z.object({
    kind: z.literal('seasonal'),
    cumulative: z.array(ZNumberText('累计比例')).length(12, '季节性序时进度须给出 12 个月'),
  }),
]);

export const ZNewIndicator = z.object({
  name: ZText(60, '指标名称').min(2, '指标名称至少 2 个字'),
  measure: z.string().min(1, '计量单位不能为空').max(10, '计量单位不能超过 10 个字'),
  kind: ZIndicatorKind,
  lowerIsBetter: z.boolean().default(false),
  allowNegative: z.boolean().optional(),
  profile: ZProfile.default({ kind: 'linear' }),
  rule: ZWarningRule.default({ ...DEFAULT_POINTS_RULE }),
  weight: ZNumberText('权重').default('0'),
  /** Derived from the project register instead of typed (core DERIVED_FIGURES). */
  derivedFrom: z.enum(DERIVED_FIGURES, { error: '汇总来源不在清单中' }).nullable().default(null),
  unitIds: z.array(ZId).default([]),
  categoryIds: z.array(ZId).default([]),
});
export type NewIndicator = z.infer<typeof ZNewIndicator>;
/** An edit replaces everything but the kind: figures already reported were entered as that kind. */
export const ZIndicatorEdit = ZNewIndicator.omit({ kind: true, allowNegative: true });
export type IndicatorEdit = z.infer<typeof ZIndicatorEdit>;

export const ZRetire = z.object({ retiredFrom: ZMonth.nullable() });

export const ZTarget = z.object({
  indicatorId: ZId,
  unitId: ZId,
  base: ZNumberText('基本目标'),
  stretch: ZNumberText('冲刺目标').nullable().default(null),
  fromPeriod: ZMonth.nullable().default(null),
});
export const ZSetTargets = z.object({ year: ZYear, targets: z.array(ZTarget).min(1, '至少填写一个目标').max(5000) });
export type TargetInput = z.infer<typeof ZTarget>;

export const ZTargetChange = z.object({
  base: ZNumberText('基本目标'),
  stretch: ZNumberText('冲刺目标').nullable().default(null),
  reason: z.string().trim().min(4, '请说明调整原因（至少 4 个字）').max(500),
});
export const ZDecision = z.object({ approve: z.boolean(), comment: z.string().max(500).default('') });
export const ZYearQuery = z.object({ year: ZYear.optional() });

export const ZOpenPeriod = z.object({ period: ZMonth, deadline: ZDate });
export const ZPeriodQuery = z.object({ period: ZMonth });

export const ZReportForm = z.object({
  /** indicatorId → what was typed; blank leaves it unfilled. */
  values: z.record(z.string().regex(/^\d+$/), z.union([z.string().max(40), z.number(), z.null()])),
  progress: ZText(2000, '工作进展').default(''),
  problems: ZText(2000, '存在问题').default(''),
  plans: ZText(2000, '下步打算').default(''),
  fileIds: z.array(ZId).max(20, '附件最多 20 个').default([]),
  /** Evidence taken off before 报送 (kept for the versions that listed it). */
  removeFileIds: z.array(ZId).max(20, '附件最多 20 个').default([]),
  /** Other modules' parts of the report (the projects' month), each checked by its own schema. */
  sections: z.record(z.string().max(40), z.unknown()).default({}),
  /** The version the form was loaded at: a stale save is refused instead of overwriting. */
  version: z.number().int().nonnegative(),
});
export type ReportForm = z.infer<typeof ZReportForm>;

/** 提交负责人 or 报送: the version seen and, optionally, the form as on screen (written and sent as one version). */
export const ZSendReport = z.object({
  action: z.enum(['handoff', 'submit']).default('submit'),
  version: z.number().int().nonnegative(),
  form: ZReportForm.omit({ version: true }).optional(),
});
export type SendReport = z.infer<typeof ZSendReport>;

export const ZReview = z
  .object({
    action: z.enum(['accept', 'return']),
    reason: z.string().trim().max(500).default(''),
    /** The indicators the return points at (退回指出); only with a return. */
    fields: z.array(ZId).max(100).default([]),
    version: z.number().int().positive(),
  })
  .refine((r) => r.action === 'accept' || r.reason.length >= 4, {
    message: '退回时须写明原因（至少 4 个字）',
    path: ['reason'],
  });

export const ZBoardQuery = z.object({
  period: ZMonth,
  categoryId: ZId.optional(),
  indicatorId: ZId.optional(),
  /** Only the rows waiting for review, or missing past the deadline (the home page's to-dos link them). */
  report: z.enum(['submitted', 'missing']).optional(),
});
export const ZTrendQuery = z.object({ year: ZYear });
export const ZFormat = z.object({ period: ZMonth, format: z.enum(['docx', 'xlsx', 'json']).default('docx') });
