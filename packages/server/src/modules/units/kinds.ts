/** Unit kinds and their names in the interface and in Excel. */
export const UNIT_KINDS = {
  district: '区县',
  department: '部门',
  township: '镇街',
  zone: '功能区',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_CODES = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];
