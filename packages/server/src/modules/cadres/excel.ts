import { can, isCalendarDate, type Actor, type CadreView } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid } from '../../errors.js';
import { buildTemplate, byRow, exportSheet, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';
import { cadreOfUser, findCadre, insertCadre } from './repository.js';

const columns = [
  { header: '姓名', required: true, width: 12 },
  { header: '职务', required: true, width: 24 },
  { header: '单位编码', required: true, width: 16 },
  { header: '任职时间', required: true, width: 14 },
  { header: '账号', width: 16 },
] as const;

export function cadreTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: '干部',
    columns,
    examples: [['王建军', '社区党委书记', 'liuting.shuiting', '2021-01-15', '']],
    instructions: [
      '每行一名干部。单位编码填写系统中已有单位的编码（单位管理中可查），须在本部门管理范围内。',
      '任职时间写成 YYYY-MM-DD，例如 2021-01-15。',
      '账号可不填；填写时为该干部登录系统所用的账号，干部本人可凭此查看自己的实绩档案。一个账号只能关联一名干部。',
      '第 2 行是示例，导入前请删除或改成真实数据。',
    ],
  });
}

/** Every row checked against the file and the database; all cadres written in one transaction, or none. */
export async function importCadres(
  db: Db,
  actor: Actor,
  who: AuditActor,
  buffer: Buffer,
): Promise<{ created: number }> {
  const { rows, problems } = await readSheet(buffer, columns);
  const byCode = new Map((await units.all(db)).map((u) => [u.code.toLowerCase(), u]));
  const accounts = await users.activeIdsByUsername(
    db,
    rows.map((r) => r.cells['账号']).filter((a) => a !== ''),
  );
  const seenAccounts = new Map<number, number>();
  const planned: { row: number; name: string; post: string; unitId: number; since: string; userId: number | null }[] =
    [];
  const problem = (row: number, column: string, message: string) => problems.push({ row, column, message });
  for (const { row, cells } of rows) {
    if (cells['姓名'].length > 40) problem(row, '姓名', '姓名最长 40 个字');
    if (cells['职务'].length > 60) problem(row, '职务', '职务最长 60 个字');
    const unit = byCode.get(cells['单位编码'].toLowerCase());
    if (!unit) problem(row, '单位编码', `找不到编码为“${cells['单位编码']}”的单位`);
    else if (!unit.active) problem(row, '单位编码', `单位“${unit.name}”已停用`);
    else if (!can(actor, 'cadre.manage', unit.path)) problem(row, '单位编码', `“${unit.name}”不在本部门管理范围内`);
    const since = cells['任职时间'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !isCalendarDate(since))
      problem(row, '任职时间', `任职时间“${since}”须为 YYYY-MM-DD 格式的日期`);
    let userId: number | null = null;
    if (cells['账号'] !== '') {
      const id = accounts.get(cells['账号'].toLowerCase());
      if (id === undefined) problem(row, '账号', `找不到在用账号“${cells['账号']}”`);
      else if (seenAccounts.has(id)) problem(row, '账号', `账号“${cells['账号']}”与第 ${seenAccounts.get(id)} 行重复`);
      else {
        const holder = await cadreOfUser(db, id);
        if (holder) problem(row, '账号', `账号“${cells['账号']}”已关联干部“${holder.name}”`);
        seenAccounts.set(id, row);
        userId = id;
      }
    }
    if (unit) planned.push({ row, name: cells['姓名'], post: cells['职务'], unitId: unit.id, since, userId });
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));
  return db.transaction(async (tx) => {
    for (const p of planned) {
      const { id } = await insertCadre(tx, p);
      await recordAudit(tx, who, {
        action: 'cadre.import',
        targetType: 'cadre',
        targetId: id,
        unitId: p.unitId,
        after: await findCadre(tx, id),
      });
    }
    return { created: planned.length };
  });
}

export async function exportCadres(db: Db, rows: readonly CadreView[]): Promise<Buffer> {
  const codeOf = new Map((await units.all(db)).map((u) => [u.id, u.code]));
  return exportSheet(
    '干部',
    [
      { header: '姓名', width: 12, value: (c) => c.name },
      { header: '职务', width: 24, value: (c) => c.post },
      { header: '单位编码', width: 16, value: (c) => codeOf.get(c.unit.id) ?? '' },
      { header: '单位名称', width: 24, value: (c) => c.unit.name },
      { header: '任职时间', width: 14, value: (c) => c.since },
      { header: '账号', width: 16, value: (c) => c.account?.username ?? '' },
    ],
    rows,
  );
}
