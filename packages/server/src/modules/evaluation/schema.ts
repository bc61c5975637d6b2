import { z } from 'zod';
import { ZDate } from '../../http/schemas.js';

const ZNum = z.union([z.string().max(30), z.number()], { error: '请填写数值' });
const ZId = z.coerce.number().int().positive();

const ZMethod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct') }),
  z.object({
    kind: z.literal('curve'),
    points: z
      .array(z.object({ label: z.string().max(20).optional(), value: ZNum, share: ZNum }))
      .min(2, '曲线至少需要 2 个点')
      .max(20),
    lowerIsBetter: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('proportional'), lowerIsBetter: z.boolean().optional() }),
  z.object({
    kind: z.literal('rankTable'),
    points: z.array(ZNum).min(1, '名次得分表不能为空').max(200),
    otherwise: ZNum.optional(),
    lowerIsBetter: z.boolean().optional(),
  }),
]);

const ZSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('indicators') }),
  z.object({ kind: z.literal('arenas'), combine: z.enum(['mean', 'best', 'last']) }),
  z.object({ kind: z.literal('ledger'), overduePenalty: ZNum, overdueCap: ZNum }),
  z.object({ kind: z.literal('ratings') }),
  z.object({
    kind: z.literal('review'),
    questionnaire: z.object({
      items: z
        .array(
          z.object({
            id: z.string().regex(/^[a-z][a-z0-9_-]{0,20}$/),
            text: z.string().trim().min(1).max(40),
            points: ZNum,
          }),
        )
        .min(1, '评议问卷至少需要一个评议项')
        .max(20),
      groups: z
        .array(
          z.object({
            id: z.string().regex(/^[a-z][a-z0-9_-]{0,20}$/),
            name: z.string().trim().min(1).max(30),
            weight: ZNum,
          }),
        )
        .min(1, '至少需要一个评议组')
        .max(10),
      minRespondents: z.number().int().min(1).max(1000),
    }),
  }),
]);

export const ZScheme = z.object({
  components: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/, '分项代码为小写字母开头的字母、数字'),
        name: z.string().trim().min(1, '请填写分项名称').max(30, '分项名称不能超过 30 个字'),
        source: ZSource,
        method: ZMethod,
        weights: z.record(z.string().max(20), ZNum),
        noData: z.enum(['zero', 'average', 'full']).optional(),
      }),
    )
    .min(1, '至少需要一个考核分项')
    .max(12, '考核分项不能超过 12 个'),
  totalWeight: ZNum.optional(),
  adjustmentCap: z.object({ bonus: ZNum, penalty: ZNum }).optional(),
  grades: z
    .array(z.object({ grade: z.string().trim().min(1).max(10), minScore: ZNum.optional(), maxShare: ZNum.optional() }))
    .min(1)
    .max(8)
    .optional(),
  honourCount: z.number().int().min(0).max(50).optional(),
  warningCount: z.number().int().min(0).max(50).optional(),
  tieBreakers: z.array(z.string().max(31)).max(12).optional(),
});

export const ZNewEvaluation = z.object({
  campaignId: z.number().int().positive(),
  name: z.string().trim().min(2, '请填写考核名称（至少 2 个字）').max(60, '考核名称不能超过 60 个字'),
  kind: z.enum(['half', 'year', 'range']),
  periodFrom: ZDate('考核期起始日'),
  periodTo: ZDate('考核期截止日'),
  appealDays: z.number().int().min(1, '公示期至少 1 个工作日').max(30, '公示期不超过 30 个工作日').default(5),
  previousId: z.number().int().positive().optional(),
  scheme: ZScheme.optional(),
});

export const ZPreview = z.object({ scheme: ZScheme.optional() });
export const ZIdParams = z.object({ id: ZId });
export const ZUnitParams = z.object({ id: ZId, unitId: ZId });

export const ZAppeal = z.object({
  unitId: z.number().int().positive(),
  componentId: z.string().min(1).max(31),
  reason: z.string().trim().min(5, '请写明申诉理由（至少 5 个字）').max(1000, '申诉理由不能超过 1000 个字'),
  fileIds: z.array(z.number().int().positive()).max(10, '证明材料最多 10 个').default([]),
});

export const ZDecision = z.object({
  uphold: z.boolean(),
  correction: z
    .string()
    .regex(/^-?\d{1,9}(\.\d{1,6})?$/, '更正数值须为最多 6 位小数的数字')
    .optional(),
  reason: z.string().trim().min(2, '请写明审核意见（至少 2 个字）').max(1000, '审核意见不能超过 1000 个字'),
});

export const ZAdjustment = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(['bonus', 'penalty', 'waiver']),
  amount: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,6})?$/, '分值须为最多 6 位小数的正数')
    .optional(),
  reason: z.string().trim().min(5, '请写明理由和依据（至少 5 个字）').max(1000, '理由不能超过 1000 个字'),
  fileIds: z.array(z.number().int().positive()).max(10, '证明材料最多 10 个').default([]),
});

export const ZAdjustmentDecision = z.object({
  approve: z.boolean(),
  reason: z.string().trim().min(2, '请写明审定意见（至少 2 个字）').max(1000, '审定意见不能超过 1000 个字'),
});

/** One step of an adjustment's procedure (容错免责: 受理 → 核实 → 认定 → 报备), with what was written and its documents. */
export const ZAdjustmentStep = z.object({
  action: z.enum(['accept', 'verify', 'approve', 'refuse', 'file']),
  text: z.string().trim().min(2, '请写明意见（至少 2 个字）').max(1000, '意见不能超过 1000 个字'),
  fileIds: z.array(z.number().int().positive()).max(10, '附件最多 10 个').default([]),
});

export const ZInvites = z.object({
  groupId: z.string().min(1).max(21),
  count: z.number().int().min(1, '至少发放 1 个邀请码').max(2000, '一次最多发放 2000 个邀请码'),
});

export const ZReviewCode = z.object({ code: z.string().regex(/^[2-9A-Za-z]{12}$/, '邀请码为 12 位字母和数字') });

export const ZReviewSubmission = z.object({
  answers: z
    .array(
      z.object({
        unitId: z.number().int().positive(),
        scores: z.record(z.string().max(21), z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, '得分须为数字')),
      }),
    )
    .min(1)
    .max(2000),
});
