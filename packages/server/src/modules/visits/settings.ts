import { z } from 'zod';
import { REQUEST_DEADLINE_DEFAULTS, type RequestDeadlineSettings } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { AuditActor } from '../audit/index.js';

const days = (what: string) =>
  z
    .number({ error: `${what}须为整数` })
    .int(`${what}须为整数`)
    .min(0, `${what}不能为负`)
    .max(60, `${what}不能超过 60 个工作日`);

/** The office's 诉求 deadlines in working days ('visits' key); defaults from the district rule in core. */
export const ZVisitSettings = z
  .object({
    coUnitDays: days('配合单位反馈时限').min(1, '配合单位反馈时限至少 1 个工作日'),
    leadDays: days('牵头单位答复时限').min(1, '牵头单位答复时限至少 1 个工作日'),
    extensionNoticeDays: days('申请延期提前天数'),
  })
  .refine((s) => s.coUnitDays <= s.leadDays, {
    error: '配合单位反馈时限不能晚于牵头单位答复时限',
    path: ['coUnitDays'],
  });

export async function visitSettings(db: Db): Promise<RequestDeadlineSettings> {
  const parsed = ZVisitSettings.safeParse((await readSetting(db, 'visits')) ?? REQUEST_DEADLINE_DEFAULTS);
  return parsed.success ? parsed.data : REQUEST_DEADLINE_DEFAULTS;
}

export async function saveVisitSettings(
  db: Db,
  who: AuditActor,
  value: RequestDeadlineSettings,
): Promise<RequestDeadlineSettings> {
  await writeSetting(db, who, 'visits', value, visitSettings);
  return value;
}
