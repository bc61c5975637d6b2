import { z } from 'zod';
import { ZPatch } from '../../http/schemas.js';
import { UNIT_KIND_CODES } from './kinds.js';

export const ZUnitCode = z
  .string()
  .trim()
  .min(1, '请填写编码')
  .max(40, '编码最长 40 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '编码只能由字母、数字、下划线、点和横线组成，且以字母或数字开头');

const unitFields = {
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称最长 100 个字'),
  kind: z.enum(UNIT_KIND_CODES, '单位类型须为 district、department、township、zone 或 other'),
  parentId: z.number().int().positive().nullable(),
  categoryId: z.number().int().positive().nullable(),
  sortOrder: z.number().int().min(0).max(100000),
  /** 考核办: the unit runs campaigns for its subtree (docs/levels.md). */
  isOffice: z.boolean(),
};

/** A new unit is an office when told so; a new root always is one (its tree needs an office). */
export const ZNewUnit = z.object({
  code: ZUnitCode,
  ...unitFields,
  sortOrder: unitFields.sortOrder.default(0),
  isOffice: unitFields.isOffice.optional(),
});
export type NewUnitInput = z.infer<typeof ZNewUnit>;

/** No defaults here: a field left out of a PATCH stays as it is. Moving is a new parentId; deactivating active=false. */
export const ZUnitPatch = ZPatch({ ...unitFields, active: z.boolean() });
export type UnitPatch = z.infer<typeof ZUnitPatch>;

const categoryFields = {
  code: ZUnitCode,
  name: z.string().trim().min(1, '请填写类别名称').max(50, '类别名称最长 50 个字'),
  sortOrder: z.number().int().min(0).max(1000),
};
export const ZCategory = z.object({ ...categoryFields, sortOrder: categoryFields.sortOrder.default(0) });
export type CategoryInput = z.infer<typeof ZCategory>;
export const ZCategoryPatch = ZPatch(categoryFields);
