import { z } from 'zod';
import { EXEMPTION_DECISIONS } from '@leitai/core';
import { ZDate, ZPatch, ZRequired } from '../../http/schemas.js';

const ZName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最长 40 个字');
const ZPost = z.string().trim().min(1, '请填写职务').max(60, '职务最长 60 个字');
/** The account a cadre signs in with, by its username; null unlinks it. */
const ZAccount = z.string().trim().max(64).nullable();

export const ZNewCadre = z.object({
  name: ZName,
  post: ZPost,
  unitId: z.number().int().positive(),
  since: ZDate('任职时间'),
  account: ZAccount.default(null),
});
export type NewCadre = z.infer<typeof ZNewCadre>;

export const ZCadrePatch = ZPatch({
  name: ZName,
  post: ZPost,
  unitId: z.number().int().positive(),
  since: ZDate('任职时间'),
  account: ZAccount,
});
export type CadrePatch = z.infer<typeof ZCadrePatch>;

export const ZCadreQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(40).optional(),
});
export const ZCadreId = z.object({ id: z.coerce.number().int().positive() });

export const ZExemption = z.object({
  matter: ZRequired('事项', 200),
  decision: z.enum(EXEMPTION_DECISIONS, { error: '请选择决定：予以容错免责、从轻减轻处理或不予容错' }),
  basis: ZRequired('依据', 200),
  decidedBy: ZRequired('决定机关', 60),
  decidedOn: ZDate('决定日期'),
  itemId: z.number().int().positive().nullable().default(null),
});
export type NewExemption = z.infer<typeof ZExemption>;
