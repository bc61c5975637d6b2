import { z } from 'zod';
import { MILESTONES, PROJECT_KINDS } from '@leitai/core';
import { ZDate } from '../../http/schemas.js';

const ZId = z.coerce.number().int().positive();
const ZYear = z.coerce.number().int().min(2000, '年份须在 2000 至 2100 之间').max(2100, '年份须在 2000 至 2100 之间');
const ZAmount = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, `${what}须为不小于 0 的数字（万元，最多 4 位小数）`);
const ZCoordinate = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d{1,7})?$/, '坐标须为数字')
  .nullable()
  .default(null);

export const ZIdParams = z.object({ id: ZId });

export const ZPlan = z.object({
  yearPlan: ZAmount('年度计划投资'),
  monthly: z.array(ZAmount('月度计划')).length(12, '月度计划须为 12 个月').nullable().default(null),
  milestones: z.partialRecord(z.enum(MILESTONES), ZDate('节点计划日期')).default({}),
});

const facts = {
  name: z.string().trim().min(4, '项目名称至少 4 个字').max(100, '项目名称最多 100 字'),
  kind: z.enum(PROJECT_KINDS, { error: '项目类别不在清单中' }),
  totalInvestment: ZAmount('总投资'),
  unitId: ZId,
  coUnitIds: z.array(ZId).max(20).default([]),
  leaderId: ZId.nullable().default(null),
  deputyLeaderId: ZId.nullable().default(null),
  owner: z.string().trim().max(100).default(''),
  manager: z.string().trim().max(40).default(''),
  location: z.string().trim().max(100).default(''),
  lng: ZCoordinate,
  lat: ZCoordinate,
};

export const ZNewProject = z.object({
  code: z.string().trim().min(2).max(30),
  ...facts,
  year: ZYear,
  plan: ZPlan,
});

export const ZProjectEdit = z.object({ ...facts, version: z.number().int().positive() });

export const ZListQuery = z.object({
  year: ZYear,
  unitId: ZId.optional(),
  leaderId: ZId.optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  card: z.enum(['green', 'yellow', 'red', 'overdue', 'pending']).optional(),
  q: z.string().trim().max(50).optional(),
});

export const ZYearQuery = z.object({ year: ZYear });

/** 推进情况通报: a month of a year ("2026-06"; by default the month the year is judged at), as Word, Excel or JSON. */
export const ZBulletinQuery = z
  .object({
    year: ZYear,
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间须为 YYYY-MM')
      .optional(),
    format: z.enum(['docx', 'xlsx', 'json']).default('docx'),
  })
  .refine((q) => q.period === undefined || q.period.startsWith(`${q.year}-`), {
    message: '期间须在所选年度内',
    path: ['period'],
  });

export const ZChangeRequest = z.object({
  year: ZYear,
  plan: ZPlan,
  reason: z.string().trim().min(4, '调整理由至少 4 个字').max(500, '调整理由最多 500 字'),
});

export const ZChangeDecision = z
  .object({ action: z.enum(['approve', 'refuse']), decision: z.string().trim().max(500).default('') })
  .refine((d) => d.action === 'approve' || d.decision.length >= 4, {
    message: '不批准时须写明理由（至少 4 个字）',
    path: ['decision'],
  });

export const ZInterviewRecord = z.object({
  heldOn: ZDate('约谈日期'),
  record: z.string().trim().min(10, '约谈记录至少 10 个字（时间、地点、参加人、议定事项）').max(2000),
});

export const ZSteps = z.object({
  milestone: z.enum(MILESTONES),
  steps: z
    .array(
      z.object({
        title: z.string().trim().min(2, '步骤名称至少 2 个字').max(60),
        workingDays: z.number().int().min(1, '工期至少 1 个工作日').max(365, '工期最多 365 个工作日'),
      }),
    )
    .max(12, '最多 12 个步骤'),
});
