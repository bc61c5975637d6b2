/** Where items come from (来源); the list the forms, the import and the filters share. */
export const LEDGER_SOURCES = [
  '领导批示',
  '会议决定',
  '查摆问题',
  '督查发现',
  '企业诉求',
  '群众差评',
  '擂台承诺',
  '项目约谈',
  '金点子',
  '其他',
] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

export const LEDGER_PRIORITIES = ['normal', 'important', 'urgent'] as const;
export type LedgerPriority = (typeof LEDGER_PRIORITIES)[number];
export const LEDGER_PRIORITY_LABELS: Record<LedgerPriority, string> = {
  normal: '一般',
  important: '重要',
  urgent: '紧急',
};
