import { z } from 'zod';
import { ZDate as ZCalendarDate } from '../../http/schemas.js';
import {
  LEDGER_ACTIONS,
  LEDGER_PRIORITIES,
  LEDGER_REASON_MIN,
  LEDGER_SOURCES,
  LEDGER_STATES,
  type LedgerItem,
  type LedgerItemDetail,
} from '@leitai/core';

const ZDate = ZCalendarDate();
const ZId = z.coerce.number().int().positive();
const ZText = (max: number, what: string) => z.string().max(max, `${what}不能超过 ${max} 个字`);
/** A reason the rules demand: trimmed, then at least core's minimum (so the API document states it too). */
const ZReason = (what: string, short: string) =>
  z.string().trim().max(500, `${what}不能超过 500 个字`).min(LEDGER_REASON_MIN, short);

export const ZIdParams = z.object({ id: ZId });

export const ZNewItem = z.object({
  title: ZText(200, '事项标题').min(2, '事项标题至少 2 个字'),
  content: ZText(5000, '具体内容').default(''),
  source: z.enum(LEDGER_SOURCES, { message: `来源须为：${LEDGER_SOURCES.join('、')}` }),
  leadUnitId: z.number().int().positive({ message: '请选择牵头单位' }),
  coUnitIds: z.array(z.number().int().positive()).max(50).default([]),
  leaderId: z.number().int().positive().nullable().default(null),
  deadline: ZDate,
  priority: z.enum(LEDGER_PRIORITIES).default('normal'),
  tags: z.array(ZText(20, '标签').min(1)).max(10).default([]),
  steps: z
    .array(z.object({ title: ZText(100, '节点名称').min(1, '节点名称不能为空'), deadline: ZDate }))
    .max(30)
    .default([]),
});

export const ZSchedule = z.object({
  finalDeadline: ZDate,
  steps: z
    .array(
      z.object({
        title: ZText(100, '节点名称').min(1, '节点名称不能为空'),
        workingDays: z.number().int().min(1, '工期至少 1 个工作日').max(365),
      }),
    )
    .min(1, '至少填写一个节点')
    .max(30),
});

export const ZSplit = z.object({
  parts: z
    .array(z.object({ unitId: z.number().int().positive(), deadline: ZDate.optional() }))
    .min(1, '请至少选择一个单位')
    .max(100),
});

const ZFiles = z.array(z.number().int().positive()).max(20).default([]);
export const ZAction = z.intersection(
  z.object({ version: z.number().int().positive().optional() }),
  z.discriminatedUnion('action', [
    z.object({ action: z.literal('acknowledge') }),
    z.object({ action: z.literal('progress'), text: ZText(2000, '进展情况'), fileIds: ZFiles }),
    z.object({ action: z.literal('complete_step'), stepId: z.number().int().positive() }),
    z.object({ action: z.literal('request_close'), text: ZText(2000, '办理情况'), fileIds: ZFiles }),
    z.object({ action: z.literal('confirm_close'), text: ZText(500, '确认意见').default('') }),
    z.object({
      action: z.literal('comment'),
      text: ZReason('核查意见', `核查意见至少 ${LEDGER_REASON_MIN} 个字`),
    }),
    z.object({ action: z.literal('close'), text: ZText(500, '审核意见').default('') }),
    z.object({
      action: z.literal('return'),
      reason: ZReason('退回理由', `退回须说明理由（至少 ${LEDGER_REASON_MIN} 个字）`),
    }),
    z.object({
      action: z.literal('request_extension'),
      deadline: ZDate,
      reason: ZReason('延期理由', '申请延期须说明理由'),
    }),
    z.object({
      action: z.literal('decide_extension'),
      approve: z.boolean(),
      reason: ZText(500, '审批意见').default(''),
    }),
    z.object({
      action: z.literal('reassign'),
      leadUnitId: z.number().int().positive(),
      reason: ZReason('转办理由', '转办须说明理由'),
    }),
  ]),
);

export const ZListQuery = z.object({
  state: z.enum(LEDGER_STATES).optional(),
  source: z.string().max(20).optional(),
  unitId: ZId.optional(),
  leaderId: ZId.optional(),
  colour: z.enum(['green', 'yellow', 'red', 'closed']).optional(),
  extension: z.enum(['pending']).optional(),
  q: z.string().max(100).optional(),
});

export const ZPeriod = z.object({
  period: z.string().regex(/^\d{4}(-(\d{2}|Q[1-4]|H[12]))?$/, '期间格式须为 YYYY-MM、YYYY-Q1…Q4、YYYY-H1/H2 或 YYYY'),
});

const ZUnitRef = z.object({ id: z.number(), name: z.string() });
const ZColour = z.enum(['green', 'yellow', 'red', 'closed']);
export const ZItemView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  title: z.string(),
  content: z.string(),
  source: z.string(),
  priority: z.enum(LEDGER_PRIORITIES),
  tags: z.array(z.string()),
  leadUnit: ZUnitRef,
  coUnits: z.array(ZUnitRef),
  leader: ZUnitRef.nullable(),
  deadline: z.string(),
  originalDeadline: z.string(),
  state: z.enum(LEDGER_STATES),
  version: z.number(),
  createdAt: z.date(),
  closedOn: z.string().nullable(),
  colour: ZColour,
  daysLeft: z.number().nullable(),
  daysOverdue: z.number(),
  steps: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      title: z.string(),
      deadline: z.string(),
      doneOn: z.string().nullable(),
      colour: ZColour,
      daysOverdue: z.number(),
    }),
  ),
  subItemCount: z.number(),
  subItemsClosed: z.number(),
  arena: ZUnitRef.nullable(),
});

const ZFile = z.object({ id: z.number(), name: z.string(), size: z.number(), mime: z.string(), createdAt: z.date() });
const ZSupervision = z.object({
  urgeCount: z.number(),
  urges: z.array(z.object({ id: z.number(), byName: z.string(), at: z.date(), message: z.string() })),
  instructions: z.array(
    z.object({
      id: z.number(),
      byName: z.string(),
      at: z.date(),
      text: z.string(),
      answer: z.string().nullable(),
      answeredByName: z.string().nullable(),
      answeredAt: z.date().nullable(),
      canAnswer: z.boolean(),
    }),
  ),
  actions: z.array(z.enum(['urge', 'instruct'])),
});

export const ZItemDetail = ZItemView.extend({
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      actorName: z.string(),
      at: z.date(),
      text: z.string(),
      data: z.record(z.string(), z.unknown()).nullable(),
      files: z.array(ZFile),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      requestedDeadline: z.string(),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'refused']),
      requestedAt: z.date(),
      decision: z.string().nullable(),
      decidedAt: z.date().nullable(),
    }),
  ),
  subItems: z.array(ZItemView),
  parties: z.array(z.enum(['organiser', 'lead', 'lead_head', 'co'])),
  actions: z.array(z.enum(LEDGER_ACTIONS)),
  closeOutFlag: z.string().nullable(),
  supervision: ZSupervision,
});

// The response schemas serialise core's contracts: these lines stop compiling if the two drift apart.
export const ZItemViewContract: z.ZodType<LedgerItem<Date>> = ZItemView;
export const ZItemDetailContract: z.ZodType<LedgerItemDetail<Date>> = ZItemDetail;
