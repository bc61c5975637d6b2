import { z } from 'zod';
import { isCalendarDate } from '@leitai/core';

/**
 * Input pieces every module's schemas share, so a date or a text field is checked the same way everywhere.
 * (NUL and lone surrogates are refused for every field before validation: see text-guard.ts.)
 */

/** A date that exists on the calendar, as YYYY-MM-DD. */
export const ZDate = (what = '日期') =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式须为 YYYY-MM-DD`)
    .refine(isCalendarDate, { error: (issue) => `${what}“${String(issue.input)}”不存在` });

/** A PATCH body: the given fields, all optional, but at least one of them (an empty change is a mistake). */
export const ZPatch = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .object(shape)
    .partial()
    .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: '没有要修改的内容' });
