import { can, type Actor, type UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid } from '../../errors.js';
import { buildTemplate, byRow, exportSheet, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { UNIT_KINDS, type UnitKind } from './kinds.js';
import { findUnit, insertUnit, listUnits } from './repository.js';
import { ZUnitCode } from './schema.js';
import { listCategories } from './service.js';

const KIND_NAMES = Object.values(UNIT_KINDS);
const kindByName = new Map(Object.entries(UNIT_KINDS).map(([code, name]) => [name as string, code as UnitKind]));

const columns = (categoryNames: string[]) =>
  [
    { header: '单位编码', required: true, width: 16 },
    { header: '单位名称', required: true, width: 28 },
    { header: '单位类型', required: true, list: KIND_NAMES },
    { header: '上级单位编码', width: 16 },
    { header: '考核类别', list: categoryNames },
    { header: '排序', width: 8 },
  ] as const;

export async function unitTemplate(db: Db): Promise<Buffer> {
  const categoryNames = (await listCategories(db)).map((c) => c.name);
  return buildTemplate({
    sheetName: '单位',
    columns: columns(categoryNames),
    examples: [['jjj', '区经济发展局', '部门', 'chengyang', categoryNames[0] ?? '', 10]],
    instructions: [
      '每行一个新单位。单位编码全区唯一，只能用字母、数字、下划线、点和横线。',
      `单位类型从下拉列表选择：${KIND_NAMES.join('、')}。`,
      '上级单位编码填写已有单位的编码，或本文件中另一行的编码；不填则为顶级单位（仅全区管理员可建）。',
      '考核类别从下拉列表选择，可不填。排序填非负整数，可不填。',
      '第 2 行是示例，导入前请删除或改成真实数据。',
    ],
  });
}

interface Planned {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string;
  categoryId: number | null;
  sortOrder: number;
}

/** Every row checked against the file and the database; all units written in one transaction, or none. */
export async function importUnits(db: Db, actor: Actor, who: AuditActor, buffer: Buffer): Promise<{ created: number }> {
  const categories = await listCategories(db);
  const cols = columns(categories.map((c) => c.name));
  const { rows, problems } = await readSheet(buffer, cols);
  const existing = new Map((await listUnits(db, { kind: 'all' })).map((u) => [u.code.toLowerCase(), u]));
  const inFile = new Map<string, Planned>();
  const planned: Planned[] = [];
  const problem = (row: number, column: string, message: string) => problems.push({ row, column, message });

  for (const { row, cells } of rows) {
    const code = ZUnitCode.safeParse(cells['单位编码']);
    if (cells['单位编码'] && !code.success) problem(row, '单位编码', code.error.issues[0]!.message);
    const key = cells['单位编码'].toLowerCase();
    if (code.success && existing.has(key))
      problem(row, '单位编码', `编码“${cells['单位编码']}”已被“${existing.get(key)!.name}”使用`);
    else if (code.success && inFile.has(key))
      problem(row, '单位编码', `编码“${cells['单位编码']}”与第 ${inFile.get(key)!.row} 行重复`);
    if (cells['单位名称'].length > 100) problem(row, '单位名称', '单位名称最长 100 个字');
    const sort = cells['排序'] === '' ? 0 : Number(cells['排序']);
    if (!Number.isInteger(sort) || sort < 0 || sort > 100000) problem(row, '排序', '排序须为 0 到 100000 的整数');
    const category = categories.find((c) => c.name === cells['考核类别']);
    const p: Planned = {
      row,
      code: cells['单位编码'],
      name: cells['单位名称'],
      kind: kindByName.get(cells['单位类型']) ?? 'other',
      parentCode: cells['上级单位编码'],
      categoryId: category?.id ?? null,
      sortOrder: sort,
    };
    if (code.success && !inFile.has(key)) inFile.set(key, p);
    planned.push(p);
  }

  // Parents: an existing active unit the actor may manage, or a row of this file without a cycle.
  for (const p of planned) {
    if (p.parentCode === '') {
      if (!can(actor, 'unit.manage', '/'))
        problem(p.row, '上级单位编码', '只有全区范围的管理员可以建立顶级单位，请填写上级单位编码');
      continue;
    }
    const inDb = existing.get(p.parentCode.toLowerCase());
    if (inDb) {
      if (!inDb.active) problem(p.row, '上级单位编码', `上级单位“${inDb.name}”已停用`);
      else if (!can(actor, 'unit.manage', inDb.path)) problem(p.row, '上级单位编码', `无权在“${inDb.name}”下建立单位`);
      continue;
    }
    const seen = new Set<string>([p.code.toLowerCase()]);
    let parent = inFile.get(p.parentCode.toLowerCase());
    if (!parent) problem(p.row, '上级单位编码', `找不到编码为“${p.parentCode}”的单位（系统中和本文件中都没有）`);
    while (parent) {
      const k = parent.code.toLowerCase();
      if (seen.has(k)) {
        problem(p.row, '上级单位编码', '上级单位关系形成了循环');
        break;
      }
      seen.add(k);
      parent = parent.parentCode === '' ? undefined : inFile.get(parent.parentCode.toLowerCase());
    }
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));

  return db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    const pending = [...planned];
    // Parents first: each pass writes the rows whose parent now exists; the cycle check above ends it.
    while (pending.length > 0) {
      const ready = pending.filter(
        (p) => p.parentCode === '' || existing.has(p.parentCode.toLowerCase()) || ids.has(p.parentCode.toLowerCase()),
      );
      for (const p of ready) {
        const parentKey = p.parentCode.toLowerCase();
        const parentId = p.parentCode === '' ? null : (existing.get(parentKey)?.id ?? ids.get(parentKey)!);
        const { id } = await insertUnit(tx, {
          code: p.code,
          name: p.name,
          kind: p.kind,
          parentId,
          categoryId: p.categoryId,
          sortOrder: p.sortOrder,
        });
        ids.set(p.code.toLowerCase(), id);
        await recordAudit(tx, who, {
          action: 'unit.import',
          targetType: 'unit',
          targetId: id,
          unitId: id,
          after: await findUnit(tx, id),
        });
        pending.splice(pending.indexOf(p), 1);
      }
      if (ready.length === 0) throw new Error('unit import: unresolved parents after validation');
    }
    return { created: planned.length };
  });
}

export async function exportUnits(db: Db, filter: UnitFilter): Promise<Buffer> {
  const rows = await listUnits(db, filter);
  const codeOf = new Map((await listUnits(db, { kind: 'all' })).map((u) => [u.id, u.code]));
  return exportSheet(
    '单位',
    [
      { header: '单位编码', value: (u) => u.code },
      { header: '单位名称', width: 28, value: (u) => u.name },
      { header: '单位类型', value: (u) => UNIT_KINDS[u.kind as UnitKind] ?? u.kind },
      { header: '上级单位编码', value: (u) => (u.parentId === null ? '' : (codeOf.get(u.parentId) ?? '')) },
      { header: '考核类别', value: (u) => u.categoryName ?? '' },
      { header: '排序', width: 8, value: (u) => u.sortOrder },
      { header: '状态', width: 8, value: (u) => (u.active ? '在用' : '停用') },
    ],
    rows,
  );
}
