import { z } from 'zod';
import {
  DEFAULT_CARD_RULES,
  DEFAULT_LADDER_RUNGS,
  DEFAULT_THRESHOLDS,
  INTERVIEW_RUNGS,
  MILESTONES,
  cardRulesProblem,
  type LadderRung,
  type ProjectCardRules,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { AuditActor } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

const ZDecimalText = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,6})?$/, '阈值须为数字');
const months = (what: string) =>
  z
    .number({ error: `${what}须为整数` })
    .int(`${what}须为整数`)
    .min(1, `${what}至少 1 个月`)
    .max(24);

export const ZCardRules = z.object({
  watched: z.array(z.enum(MILESTONES)).max(MILESTONES.length),
  milestoneRedAfterMonths: months('节点逾期转红月数'),
  investment: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pointsBehind'), yellowFromPoints: ZDecimalText, redFromPoints: ZDecimalText }),
    z.object({ kind: z.literal('ratio'), redBelowRatio: ZDecimalText }),
  ]),
  statsYellowAfterMonths: months('开工后未入库转黄月数'),
  statsRedAfterMonths: months('开工后未入库转红月数'),
});

export const ZLadder = z
  .array(
    z.object({
      rung: z.enum(INTERVIEW_RUNGS),
      interviewer: z.enum(['leader', 'deputy']),
      interviewee: z.string().trim().min(2, '被约谈人至少 2 个字').max(40),
      workingDays: z.number().int().min(1, '约谈期限至少 1 个工作日').max(60),
    }),
  )
  .refine((l) => INTERVIEW_RUNGS.every((r) => l.filter((x) => x.rung === r).length === 1), '每个约谈层级须设置一次');

export const ZProjectSettingsInput = z.object({ rules: ZCardRules, ladder: ZLadder });

/** The jurisdiction's project rules: versioned, so a settled card names the rules it was judged by. */
export interface ProjectSettings {
  version: number;
  rules: ProjectCardRules;
  ladder: LadderRung[];
}

const DEFAULTS: ProjectSettings = { version: 1, rules: DEFAULT_CARD_RULES, ladder: [...DEFAULT_LADDER_RUNGS] };
const ZStored = ZProjectSettingsInput.extend({ version: z.number().int().positive() });

export async function projectSettings(db: Db): Promise<ProjectSettings> {
  const parsed = ZStored.safeParse(await readSetting(db, 'projects'));
  return parsed.success ? parsed.data : DEFAULTS;
}

/** Saves new rules as the next version (audited as a settings change); settled cards keep theirs. */
export async function saveProjectSettings(
  db: Db,
  who: AuditActor,
  input: z.infer<typeof ZProjectSettingsInput>,
): Promise<ProjectSettings> {
  const problem = cardRulesProblem(input.rules);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const next = { version: (await projectSettings(db)).version + 1, ...input };
  await writeSetting(db, who, 'projects', next, projectSettings);
  return next;
}

export { DEFAULT_THRESHOLDS };
