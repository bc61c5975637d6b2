import { z } from 'zod';

export const ZAuditQuery = z.object({
  actor: z.string().trim().max(64).optional().describe('part of the actor’s name or username'),
  action: z.string().trim().max(64).optional().describe('an action or its prefix, e.g. "user." or "auth.login_failed"'),
  targetType: z.string().trim().max(32).optional(),
  targetId: z.string().trim().max(64).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;
