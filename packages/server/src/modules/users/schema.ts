import { z } from 'zod';
import { ZPatch } from '../../http/schemas.js';
import { ROLES } from '@leitai/core';

export const ZUsername = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(40, '用户名最长 40 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '用户名只能由字母、数字、点、下划线和横线组成');

const userFields = {
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  unitId: z.number().int().positive(),
  roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  overseenUnitIds: z.array(z.number().int().positive()),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{0,20}$/, '电话号码格式不正确')
    .nullable(),
};

export const ZNewUser = z.object({
  ...userFields,
  username: ZUsername,
  overseenUnitIds: userFields.overseenUnitIds.default([]),
  phone: userFields.phone.optional(),
});
export type NewUserInput = z.infer<typeof ZNewUser>;

export const ZUserPatch = ZPatch({ ...userFields, active: z.boolean() });
export type UserPatch = z.infer<typeof ZUserPatch>;

export const ZUserQuery = z.object({
  q: z.string().trim().max(50).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type UserQuery = z.infer<typeof ZUserQuery>;
