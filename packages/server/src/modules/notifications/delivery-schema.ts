import { z } from 'zod';
import { ZQuietRules } from './delivery-settings.js';

/** Request bodies of the delivery routes (docs/notifications.md). */

const ZWebhook = z
  .string()
  .trim()
  .max(1000, '地址过长')
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), '请填写以 https:// 开头的机器人 Webhook 地址');

const ZKeywords = z
  .array(z.string().trim().min(1, '关键词不能为空').max(20, '关键词最多 20 个字'))
  .max(10, '最多 10 个关键词');

export const ZRobotCreate = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(['wecom', 'dingtalk'], { message: '机器人类型须为企业微信或钉钉' }),
  name: z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字'),
  webhook: ZWebhook,
  secret: z.string().trim().max(200, '密钥过长').nullish(),
  keywords: ZKeywords.default([]),
  enabled: z.boolean().default(true),
});
export type RobotCreate = z.infer<typeof ZRobotCreate>;

/** A change; an omitted webhook or secret stays as it is (the web never has them), null clears the secret. */
export const ZRobotPatch = z
  .object({
    name: z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字'),
    webhook: ZWebhook,
    secret: z.string().trim().max(200, '密钥过长').nullable(),
    keywords: ZKeywords,
    enabled: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容');
export type RobotPatch = z.infer<typeof ZRobotPatch>;

export const ZPrefs = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '请填写 11 位手机号')
      .nullable(),
    smsOn: z.boolean(),
    email: z.string().trim().max(200, '邮箱过长').email('邮箱格式不正确').nullable(),
    emailOn: z.boolean(),
  })
  .refine((p) => !p.smsOn || p.phone, { message: '开启短信须填写手机号', path: ['phone'] })
  .refine((p) => !p.emailOn || p.email, { message: '开启邮件须填写邮箱', path: ['email'] });
export type Prefs = z.infer<typeof ZPrefs>;

export const ZDeliverySettings = z.object({ quiet: ZQuietRules });

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });
