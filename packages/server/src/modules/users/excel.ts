import { type Actor, can, needsSecondPerson, type Role, ROLE_LABELS, ROLES, type UnitFilter } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid, type ImportProblem } from '../../errors.js';
import { buildTemplate, byRow, exportSheet, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { hashPassword } from '../auth/index.js';
import * as units from '../units/index.js';
import { insertUsers, searchUsers, usernameTaken, type UserRow } from './repository.js';
import { ZUsername } from './schema.js';
import { rolesProblem, temporaryPassword } from './service.js';

const COLUMNS = [
  { header: '用户名', required: true, width: 16 },
  { header: '姓名', required: true, width: 12 },
  { header: '单位编码', required: true, width: 16 },
  { header: '角色', required: true, width: 24 },
  { header: '分管单位编码', width: 30 },
  { header: '手机', width: 14 },
] as const;

const ROLE_BY_LABEL = new Map(ROLES.map((r) => [ROLE_LABELS[r], r]));
const split = (text: string) => text.split(/[、,，;；\s]+/).filter(Boolean);

export const userTemplate = () =>
  buildTemplate({
    sheetName: '用户',
    columns: COLUMNS,
    examples: [['reporter.kjj', '张三', 'kjj', '单位填报员', '', '13800000000']],
    instructions: [
      '每行一个新账号；用户名不能与已有账号重复（不区分大小写）。',
      `角色填中文名称，多个用“、”分隔：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}。三员（系统、安全、审计管理员）只能单独担任，且只有系统管理员可以授予。`,
      '分管单位编码只对区领导有效，多个用“、”分隔。',
      '导入后会一次性显示每个账号的初始密码，请妥善转交；首次登录须修改密码。',
    ],
  });

interface Planned {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  overseenUnitIds: number[];
  phone: string | null;
}

/** 批量导入用户: all rows valid or nothing written; answers each new account's one-time password. */
export async function importUsers(
  db: Db,
  actor: Actor,
  who: AuditActor,
  buffer: Buffer,
): Promise<{ created: number; passwords: { username: string; displayName: string; temporaryPassword: string }[] }> {
  const { rows, problems } = await readSheet(buffer, COLUMNS);
  const allUnits = await units.all(db);
  const unitByCode = new Map(allUnits.filter((u) => u.active).map((u) => [u.code, u]));
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  const problem = (row: number, column: string, message: string) =>
    problems.push({ row, column, message } satisfies ImportProblem);
  for (const { row, cells } of rows) {
    const username = cells['用户名'];
    const parsed = ZUsername.safeParse(username);
    if (username && !parsed.success) problem(row, '用户名', parsed.error.issues[0]!.message);
    else if (username && seen.has(username.toLowerCase()))
      problem(row, '用户名', `与第 ${seen.get(username.toLowerCase())} 行重复`);
    else if (username && (await usernameTaken(db, username))) problem(row, '用户名', `“${username}”已被使用`);
    seen.set(username.toLowerCase(), row);
    const unit = unitByCode.get(cells['单位编码']);
    if (cells['单位编码'] && !unit) problem(row, '单位编码', `找不到在用单位“${cells['单位编码']}”`);
    else if (unit && !can(actor, 'user.manage', unit.path)) problem(row, '单位编码', '无权在该单位下建立账号');
    const roleLabels = split(cells['角色']);
    const unknown = roleLabels.filter((l) => !ROLE_BY_LABEL.has(l));
    const roles = roleLabels.map((l) => ROLE_BY_LABEL.get(l)).filter((r): r is Role => r !== undefined);
    if (unknown.length > 0) problem(row, '角色', `没有这些角色：${unknown.join('、')}`);
    else if (roles.length > 0) {
      const rp = rolesProblem(actor, roles);
      if (rp) problem(row, '角色', rp);
      else if (needsSecondPerson(null, roles))
        problem(row, '角色', '管理员账号须逐个新建，并经安全管理员审批（三员分立）');
    }
    const overseenCodes = split(cells['分管单位编码']);
    const overseen = overseenCodes.map((c) => unitByCode.get(c)?.id);
    const missing = overseenCodes.filter((_, i) => overseen[i] === undefined);
    if (missing.length > 0) problem(row, '分管单位编码', `找不到单位：${missing.join('、')}`);
    else if (overseenCodes.length > 0 && !roles.includes('leader'))
      problem(row, '分管单位编码', '只有区领导可以设置分管单位');
    if (cells['手机'] && !/^[0-9+\- ]{5,20}$/.test(cells['手机'])) problem(row, '手机', '电话号码格式不正确');
    planned.push({
      username,
      displayName: cells['姓名'].slice(0, 50),
      unitId: unit?.id ?? 0,
      roles,
      overseenUnitIds: overseen.filter((x): x is number => x !== undefined),
      phone: cells['手机'] || null,
    });
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow));

  const passwords = planned.map((p) => ({
    username: p.username,
    displayName: p.displayName,
    temporaryPassword: temporaryPassword(),
  }));
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p.temporaryPassword)));
  await db.transaction(async (tx) => {
    const inserted = await insertUsers(
      tx,
      planned.map((p, i) => ({ ...p, passwordHash: hashes[i]!, mustChangePassword: true })),
    );
    for (const u of inserted) {
      await recordAudit(tx, who, {
        action: 'user.create',
        targetType: 'user',
        targetId: u.id,
        unitId: u.unitId,
        after: { username: u.username, roles: u.roles, via: 'excel' },
      });
    }
  });
  return { created: planned.length, passwords };
}

export async function exportUsers(db: Db, scope: UnitFilter): Promise<Buffer> {
  const { items } = await searchUsers(db, { page: 1, pageSize: 100_000 }, scope);
  return exportSheet<UserRow>(
    '用户',
    [
      { header: '用户名', value: (u) => u.username },
      { header: '姓名', value: (u) => u.displayName },
      { header: '单位', width: 28, value: (u) => u.unitName },
      { header: '角色', width: 24, value: (u) => u.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、') },
      { header: '手机', value: (u) => u.phone },
      { header: '状态', width: 8, value: (u) => (u.active ? '在用' : '停用') },
      { header: '首次登录改密', width: 12, value: (u) => (u.mustChangePassword ? '待修改' : '已修改') },
    ],
    items,
  );
}
