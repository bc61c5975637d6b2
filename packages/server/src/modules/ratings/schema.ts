import { z } from 'zod';
import { MOBILE_PHONE_PATTERN, RATING_COMMENT_MAX, RATING_POINT_KINDS } from '@leitai/core';
import { ZDate as ZCalendarDate } from '../../http/schemas.js';

const ZDate = ZCalendarDate();
const ZId = z.coerce.number().int().positive();
const ZText = (max: number, what: string) => z.string().max(max, `${what}不能超过 ${max} 个字`);

export const ZCode = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '评价点二维码无效，请重新扫码') });
export const ZLookup = z.object({ lookup: z.string().regex(/^[0-9A-Za-z]{10}$/, '查询码为 10 位字母和数字') });
export const ZIdParams = z.object({ id: ZId });

export const ZSubmission = z.object({
  stars: z.number({ message: '请选择评价等级' }).int().min(1, '评价等级须为 1 到 5').max(5, '评价等级须为 1 到 5'),
  tags: z.array(ZText(20, '评价维度')).max(10).default([]),
  comment: ZText(RATING_COMMENT_MAX, '评价意见').default(''),
  reason: ZText(20, '原因').optional(),
  phone: z.string().regex(MOBILE_PHONE_PATTERN, '请填写 11 位手机号码').optional(),
  caseNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,40}$/, '办件编号为 4 到 40 位字母、数字或连字符')
    .optional(),
  phoneCode: z
    .string()
    .regex(/^\d{6}$/, '验证码为 6 位数字')
    .optional(),
});
export const ZPhone = z.object({ phone: z.string().regex(MOBILE_PHONE_PATTERN, '请填写 11 位手机号码') });

export const ZFollowUp = z.object({ satisfied: z.boolean(), comment: ZText(RATING_COMMENT_MAX, '追评').default('') });

const ZKind = z.enum(RATING_POINT_KINDS);
export const ZNewPoints = z.object({
  unitId: z.number().int().positive(),
  points: z
    .array(
      z.object({
        name: z.string().trim().min(2, '评价点名称至少 2 个字').max(40, '评价点名称不超过 40 个字'),
        kind: ZKind,
      }),
    )
    .min(1)
    .max(100),
});
export const ZPointPatch = z
  .object({
    name: z.string().trim().min(2, '评价点名称至少 2 个字').max(40, '评价点名称不超过 40 个字').optional(),
    kind: ZKind.optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容');

export const ZPointsQuery = z.object({ unitId: ZId.optional() });
export const ZPosterQuery = z.object({
  unitId: ZId.optional(),
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '评价点编号以逗号分隔')
    .optional(),
  size: z.enum(['A4', 'A5']).default('A4'),
});

export const ZRange = z.object({ from: ZDate, to: ZDate });
export const ZBulletinQuery = ZRange.extend({ format: z.enum(['docx', 'xlsx', 'json']).default('docx') }).refine(
  (q) => q.from <= q.to,
  { message: '统计期间的开始日期不能晚于结束日期', path: ['to'] },
);
export const ZListQuery = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
  unitId: ZId.optional(),
  pointId: ZId.optional(),
  bad: z.enum(['1', '0']).optional(),
  review: z.enum(['none', 'held', 'released', 'rejected']).optional(),
  appeal: z.enum(['none', 'pending', 'upheld', 'refused']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZReview = z.object({ release: z.boolean(), reason: ZText(500, '审核意见').default('') });
export const ZCallback = z.object({
  caller: z.string().trim().min(2, '请填写回访人').max(20),
  at: z.coerce.date({ message: '回访时间无效' }),
  outcome: z.string().trim().min(2, '请填写回访情况（至少 2 个字）').max(500, '回访情况不超过 500 个字'),
});
export const ZAppeal = z.object({
  reason: z.string().trim().min(5, '请写明申诉理由（至少 5 个字）').max(1000, '申诉理由不超过 1000 个字'),
  fileIds: z.array(z.number().int().positive()).max(10).default([]),
});
export const ZDecide = z.object({ uphold: z.boolean(), reason: ZText(500, '审核理由') });

const fromBeforeTo = { message: '统计期间的开始日期不能晚于结束日期', path: ['to'] };
export const ZPublishRanking = ZRange.extend({
  title: z.string().trim().max(60, '标题不超过 60 个字').optional(),
}).refine((q) => q.from <= q.to, fromBeforeTo);
