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

/** Text of at most `max` characters, trimmed, named in the message. */
export const ZText = (what: string, max: number) => z.string().trim().max(max, `${what}不能超过 ${max} 个字`);
/** The same, and not empty. */
export const ZRequired = (what: string, max: number) => ZText(what, max).min(1, `${what}不能为空`);
/** A record's id, in a path or query (text coerced) or a body. */
export const ZId = (what: string) =>
  z.coerce
    .number({ error: `${what}无效` })
    .int(`${what}无效`)
    .positive(`${what}无效`);
