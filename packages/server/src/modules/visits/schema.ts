import { z } from 'zod';
import {
  ASSIGNMENT_ROLES,
  ENTERPRISE_SCALES,
  REQUEST_CATEGORIES,
  REQUEST_RATINGS,
  REQUEST_STAGES,
  VISIT_FORMS,
  VISIT_PURPOSES,
  creditCodeProblem,
} from '@leitai/core';
import { ZDate, ZId as id, ZRequired as required, ZText as text } from '../../http/schemas.js';

/** Request bodies and queries of 万企走访 (Zod, Chinese messages). */

export const ZCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ZNewEnterprise = z.object({
  name: required('企业名称', 100),
  creditCode: ZCreditCode,
  industry: text('所属行业', 50).default(''),
  scale: z.enum(ENTERPRISE_SCALES, { error: '企业规模须为 规上、准规上、中小微 或 个体工商户' }),
  streetUnitId: id('所属街道').nullable().default(null),
  address: text('地址', 200).default(''),
  contactName: text('联系人', 50).default(''),
  contactPhone: text('联系电话', 30).default(''),
});
export type NewEnterprise = z.infer<typeof ZNewEnterprise>;

export const ZEnterpriseQuery = z.object({
  q: text('关键词', 100).optional(),
  scale: z.enum(ENTERPRISE_SCALES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type EnterpriseQuery = z.infer<typeof ZEnterpriseQuery>;

export const ZIdParams = z.object({ id: id('编号') });

export const ZAssign = z.object({
  enterpriseId: id('企业'),
  userId: id('包保人'),
  role: z.enum(ASSIGNMENT_ROLES, { error: '包保角色须为 包保干部 或 包保领导' }),
  reason: text('调整原因', 200).default(''),
});
export type Assign = z.infer<typeof ZAssign>;

export const ZNewRequest = z.object({
  category: z.enum(REQUEST_CATEGORIES, { error: '请选择诉求类别' }),
  content: required('诉求内容', 1000).min(4, '诉求内容至少 4 个字'),
});

export const ZNewVisit = z.object({
  enterpriseId: id('企业'),
  visitedOn: ZDate('走访日期'),
  companions: text('同行人员', 200).default(''),
  forms: z.array(z.enum(VISIT_FORMS)).min(1, '请选择走访形式（送政策、送服务、送要素）').max(3),
  purposes: z.array(z.enum(VISIT_PURPOSES)).max(3).default([]),
  notes: text('走访情况', 2000).default(''),
  fileIds: z.array(id('照片')).max(9, '照片最多 9 张').default([]),
  requests: z.array(ZNewRequest).max(10, '一次走访最多登记 10 条诉求').default([]),
});
export type NewVisit = z.infer<typeof ZNewVisit>;

export const ZRequestQuery = z.object({
  stage: z.enum(REQUEST_STAGES).optional(),
  q: text('关键词', 100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RequestQuery = z.infer<typeof ZRequestQuery>;

export const ZDispatch = z
  .object({
    leadUnitId: id('牵头单位'),
    coUnitIds: z.array(id('配合单位')).max(10).default([]),
  })
  .refine((d) => !d.coUnitIds.includes(d.leadUnitId), { error: '配合单位不能包含牵头单位', path: ['coUnitIds'] });
export type Dispatch = z.infer<typeof ZDispatch>;

export const ZMerge = z.object({ intoId: id('目标诉求') });

export const ZCoverageQuery = z.object({
  days: z.coerce.number().int('天数须为整数').min(1, '天数至少为 1').max(366, '天数不能超过 366').default(30),
  by: z.enum(['cadre', 'street', 'industry', 'scale']).default('cadre'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CoverageQuery = z.infer<typeof ZCoverageQuery>;

export const ZRateCode = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '评价链接无效') });
export const ZEnterpriseRating = z.object({
  rating: z.enum(REQUEST_RATINGS, { error: '请选择满意或不满意' }),
  text: text('评价意见', 500).default(''),
});
