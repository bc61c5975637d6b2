import type { UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid } from '../../errors.js';
import { buildTemplate, byRow, readSheet } from '../../excel/index.js';
import * as units from '../units/index.js';
import * as users from '../users/index.js';

/**
 * A hall's judges from Excel into the set-up form: every row checked (the account in the office's subtree,
 * the unit by its code), nothing written. The form then sends them with the rest of the arena, checked again.
 */
const columns = [
  { header: '姓名', width: 12 },
  { header: '评委组', required: true, width: 14 },
  { header: '账号', width: 16 },
  { header: '所在单位编码', width: 18 },
] as const;

export function judgeTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: '评委',
    columns,
    examples: [
      ['张明', '领导评委', '', 'xqfgj'],
      ['', '专家评委', 'judge1', ''],
    ],
    instructions: [
      '每行一名评委。评委组写本场设置的评委组名称（如 领导评委、专家评委、群众评委），表中出现的新评委组会加入本场，请再设置其权重。',
      '系统账号评委：填写账号，登录后在“我的评分”中评分，姓名和单位取自账号，可不填。账号须在本考核办管理范围内。',
      '外请评委：不填账号，填写姓名，凭评分码评分；所在单位编码可不填，填写时用于回避本单位选手。',
      '第 2、3 行是示例，导入前请删除或改成真实数据。',
    ],
  });
}

export interface ImportedJudge {
  name: string;
  groupId: string;
  unitId: number | null;
  userId: number | null;
}

export async function readJudgeSheet(db: Db, scope: UnitFilter, buffer: Buffer): Promise<{ judges: ImportedJudge[] }> {
  const { rows, problems } = await readSheet(buffer, columns);
  const unitByCode = new Map(
    (await units.inScope(db, scope)).filter((u) => u.active).map((u) => [u.code.toLowerCase(), u]),
  );
  const accountByName = new Map((await users.accountsInScope(db, scope)).map((a) => [a.username.toLowerCase(), a]));
  const problem = (row: number, column: string, message: string) => problems.push({ row, column, message });
  const seen = new Map<string, number>();
  const judges: ImportedJudge[] = [];
  for (const { row, cells } of rows) {
    const name = cells['姓名'];
    const groupId = cells['评委组'];
    if (groupId.length > 20) problem(row, '评委组', '评委组名称最长 20 个字');
    if (cells['账号'] !== '') {
      const account = accountByName.get(cells['账号'].toLowerCase());
      if (!account) {
        problem(row, '账号', `找不到本考核办管理范围内的在用账号“${cells['账号']}”`);
        continue;
      }
      const key = `u${account.id}`;
      if (seen.has(key)) problem(row, '账号', `账号“${cells['账号']}”与第 ${seen.get(key)} 行重复`);
      seen.set(key, row);
      judges.push({ name: account.name, groupId, unitId: account.unitId, userId: account.id });
      continue;
    }
    if (name === '') {
      problem(row, '姓名', '请填写评委姓名，或填写系统账号');
      continue;
    }
    if (name.length > 40) problem(row, '姓名', '姓名最长 40 个字');
    let unitId: number | null = null;
    if (cells['所在单位编码'] !== '') {
      const unit = unitByCode.get(cells['所在单位编码'].toLowerCase());
      if (!unit) problem(row, '所在单位编码', `本考核办管理范围内没有编码为“${cells['所在单位编码']}”的在用单位`);
      else unitId = unit.id;
    }
    judges.push({ name, groupId, unitId, userId: null });
  }
  if (rows.length === 0 && problems.length === 0) problem(2, '姓名', '表中没有评委');
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));
  return { judges };
}
