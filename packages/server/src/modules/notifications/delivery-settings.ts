import { z } from 'zod';
import { DEFAULT_QUIET_RULES, type QuietRules } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

const KEY = 'delivery.quiet';

export const ZQuietRules = z.object({
  start: z.number().int().min(0, '时间须在 00:00–23:59').max(1439, '时间须在 00:00–23:59'),
  end: z.number().int().min(0, '时间须在 00:00–23:59').max(1439, '时间须在 00:00–23:59'),
  holdOnDaysOff: z.boolean(),
});

/** The office's quiet hours (default 20:00–08:00, days off held). */
export async function quietRules(db: Db): Promise<QuietRules> {
  const parsed = ZQuietRules.safeParse(await readSetting(db, KEY));
  return parsed.success ? parsed.data : DEFAULT_QUIET_RULES;
}

/** Stores the quiet hours; audited with before and after (settings.update). */
export async function saveQuietRules(db: Db, who: AuditActor, rules: QuietRules): Promise<QuietRules> {
  await writeSetting(db, who, KEY, rules, quietRules);
  return rules;
}
