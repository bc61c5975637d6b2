import {
  LEDGER_COLOUR_LABELS,
  LEDGER_PRIORITIES,
  LEDGER_PRIORITY_LABELS,
  LEDGER_SOURCES,
  LEDGER_STATE_LABELS,
  type IsoDate,
} from '@leitai/core';
import type { ImportProblem } from '../../errors.js';
import { buildTemplate, exportSheet, readSheet } from '../../excel/index.js';
import type { NewItem } from './create.js';
import type { ItemView } from './views.js';

const COLUMNS = [
  { header: '事项标题', required: true, width: 36 },
  { header: '具体内容', width: 40 },
  { header: '来源', required: true, list: LEDGER_SOURCES },
  { header: '牵头单位', required: true, width: 22 },
  { header: '配合单位', width: 28 },
  { header: '责任领导' },
  { header: '完成期限', required: true },
  { header: '优先级', list: LEDGER_PRIORITIES.map((p) => LEDGER_PRIORITY_LABELS[p]) },
  { header: '标签' },
] as const;

/** The import template: drop-down lists for source and priority, and how to fill it in. */
export function importTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: '督办事项',
    columns: COLUMNS,
    instructions: [
      '每行一个督办事项。',
      '牵头单位、配合单位填写单位全称或编码，多个配合单位用“、”分隔。',
      '责任领导填写区领导的用户名或姓名，可不填。',
      '完成期限格式 2026-06-30，不能早于导入当天。',
    ],
  });
}

export interface ImportLookups {
  unitByKey: (key: string) => number | undefined;
  leaderByKey: (key: string) => number | undefined;
}

/** Reads the filled template: items with their Excel row numbers, or every problem by row and column. */
export async function readImport(
  buffer: Buffer,
  look: ImportLookups,
): Promise<{ items: NewItem[]; rows: number[]; problems: ImportProblem[] }> {
  const sheet = await readSheet(buffer, COLUMNS);
  const problems: ImportProblem[] = [...sheet.problems];
  const priorityOf = new Map(LEDGER_PRIORITIES.map((p) => [LEDGER_PRIORITY_LABELS[p] as string, p]));
  const items = sheet.rows.map(({ row, cells: c }) => {
    const problem = (column: (typeof COLUMNS)[number]['header'], message: string) => {
      if (!problems.some((p) => p.row === row && p.column === column)) problems.push({ row, column, message });
    };
    const leadUnitId = c.牵头单位 ? look.unitByKey(c.牵头单位) : undefined;
    if (c.牵头单位 && leadUnitId === undefined) problem('牵头单位', `找不到单位“${c.牵头单位}”`);
    const coUnitIds: number[] = [];
    for (const k of c.配合单位
      .split(/[、,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const id = look.unitByKey(k);
      if (id === undefined) problem('配合单位', `找不到单位“${k}”`);
      else coUnitIds.push(id);
    }
    const leaderId = c.责任领导 ? look.leaderByKey(c.责任领导) : null;
    if (leaderId === undefined) problem('责任领导', `找不到区领导“${c.责任领导}”`);
    if (c.完成期限 && !/^\d{4}-\d{2}-\d{2}$/.test(c.完成期限))
      problem('完成期限', `“${c.完成期限}”不是日期，格式须为 2026-06-30`);
    return {
      title: c.事项标题,
      content: c.具体内容,
      source: c.来源,
      leadUnitId: leadUnitId ?? 0,
      coUnitIds,
      leaderId: leaderId ?? null,
      deadline: c.完成期限 as IsoDate,
      priority: priorityOf.get(c.优先级) ?? 'normal',
      tags: c.标签.split(/[、,，\s]+/).filter(Boolean),
      steps: [],
    } satisfies NewItem;
  });
  return { items, rows: sheet.rows.map((r) => r.row), problems };
}

/** The ledger as a sheet, as filtered on screen. */
export function exportLedger(items: ItemView[]): Promise<Buffer> {
  return exportSheet<ItemView>(
    '督办台账',
    [
      { header: '编号', width: 8, value: (i) => i.id },
      { header: '事项标题', width: 40, value: (i) => i.title },
      { header: '来源', width: 12, value: (i) => i.source },
      { header: '牵头单位', width: 22, value: (i) => i.leadUnit.name },
      { header: '配合单位', width: 28, value: (i) => i.coUnits.map((u) => u.name).join('、') },
      { header: '责任领导', width: 10, value: (i) => i.leader?.name ?? '' },
      { header: '完成期限', width: 12, value: (i) => i.deadline },
      { header: '状态', width: 10, value: (i) => LEDGER_STATE_LABELS[i.state] },
      { header: '亮灯', width: 8, value: (i) => LEDGER_COLOUR_LABELS[i.colour] },
      { header: '逾期天数', width: 10, value: (i) => i.daysOverdue || null },
      { header: '销号日期', width: 12, value: (i) => i.closedOn },
    ],
    items,
  );
}
