import { z } from 'zod';
import { ARENA_KINDS, DEFAULT_CRITERIA } from '@leitai/core';
import { ZDate as ZCalendarDate } from '../../http/schemas.js';

const decimal = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/, '须为数字')]);

export const ZArenaCreate = z.object({
  title: z.string().trim().min(1, '请填写擂台赛名称').max(100),
  heldOn: ZCalendarDate(),
  campaignId: z.number().int().positive().nullable().default(null),
  speakingSeconds: z.number().int().min(30, '陈述时间至少 30 秒').max(3600, '陈述时间最多 60 分钟').default(300),
  criteria: z
    .array(z.object({ id: z.string().trim().min(1).max(20), max: decimal }))
    .min(1)
    .default(() => DEFAULT_CRITERIA.map((c) => ({ ...c }))),
  groups: z.array(z.object({ id: z.string().trim().min(1).max(20), weight: decimal })).min(1, '至少需要一个评委组'),
  /** 擂台类型: the template the criteria started from (the office may have edited them). */
  kind: z.enum(ARENA_KINDS, '擂台类型不在可选范围内').nullable().optional(),
  // A unit (optionally presented by a cadre of the register), or a person from the register standing for
  // their unit (书记擂台, 中层干部擂台). Optional fields, so callers from before issue 17 stay valid.
  contestants: z
    .array(
      z
        .object({
          kind: z.enum(['unit', 'person']).optional(),
          unitId: z.number().int().positive().optional(),
          cadreId: z.number().int().positive().nullable().optional(),
          presenter: z.string().trim().max(40).default(''),
        })
        .refine((c) => (c.kind === 'person' ? c.cadreId != null : c.unitId !== undefined), {
          error: (issue) =>
            (issue.input as { kind?: string }).kind === 'person' ? '个人选手须从干部名册中选择' : '请选择选手单位',
        }),
    )
    .min(1, '至少需要一位选手')
    .max(200),
  // An outside judge by name (scores with a one-time code), or an account of the office's subtree (scores
  // signed in; its name and unit are the account's).
  judges: z
    .array(
      z
        .object({
          name: z.string().trim().max(40).default(''),
          groupId: z.string().trim().min(1),
          unitId: z.number().int().positive().nullable().default(null),
          userId: z.number().int().positive().nullable().optional(),
        })
        .refine((j) => j.userId != null || j.name !== '', { error: '请填写评委姓名或选择评委账号' }),
    )
    .min(1, '至少需要一位评委')
    .max(1000),
  tieBreakers: z.array(z.string()).default([]),
});
export type ArenaCreate = z.infer<typeof ZArenaCreate>;

export const ZArenaId = z.object({ id: z.coerce.number().int().positive() });
export const ZDraw = z.object({ seed: z.string().trim().min(1).max(64).optional() });
export const ZRecusal = z.object({
  judgeId: z.number().int().positive(),
  contestantId: z.number().int().positive(),
  reason: z.string().trim().min(1, '请填写回避理由').max(200),
});
export const ZCodes = z.object({ judgeId: z.number().int().positive().optional() });
export const ZCommitment = z.object({
  contestantId: z.number().int().positive(),
  title: z.string().trim().min(4, '表态内容至少 4 个字').max(100, '表态内容不超过 100 个字'),
  deadline: ZCalendarDate('完成期限'),
});

export const ZHostAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('call'), contestantId: z.number().int().positive().optional() }),
  z.object({ type: z.literal('timerStart') }),
  z.object({ type: z.literal('timerStop') }),
  z.object({ type: z.literal('timerReset') }),
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('reveal') }),
  z.object({
    type: z.literal('reopen'),
    contestantId: z.number().int().positive(),
    reason: z.string().trim().min(1, '重新开放评分须填写理由').max(200),
  }),
  z.object({ type: z.literal('finish') }),
  // 缺席: for one contestant, or the whole arena without contestantId; `present` undoes the mark.
  z.object({
    type: z.literal('absent'),
    judgeId: z.number().int().positive(),
    contestantId: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('present'),
    judgeId: z.number().int().positive(),
    contestantId: z.number().int().positive().optional(),
  }),
]);
export type HostActionInput = z.infer<typeof ZHostAction>;

export const ZJoin = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{6,12}$/, '评委码为 8 位字母或数字'),
});
export const ZScore = z.object({
  criteria: z.record(z.string(), decimal),
  reason: z.string().trim().max(200).nullable().default(null),
});
export const ZContestantParam = z.object({ contestantId: z.coerce.number().int().positive() });
export const ZJudgingScoreParams = z.object({
  id: z.coerce.number().int().positive(),
  contestantId: z.coerce.number().int().positive(),
});
export const ZScreenToken = z.object({ token: z.string().min(16).max(64) });
