import { eq, inArray } from 'drizzle-orm';
import type { Actor, Role } from '@leitai/core';
import type { Db } from '../db/client.js';
import { categories, units, users } from '../db/schema/index.js';
import type { AuditActor } from '../modules/audit/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { insertUnit, officeOf } from '../modules/units/index.js';
import type { DemoSeeder } from './index.js';

/** 城阳区 as seed 000 describes it; see docs/demo.md. Later seeders find units and users by these codes. */
export const DEMO_PASSWORD = 'Leitai@2026';

const CATEGORIES = [
  ['econ', '经济部门'],
  ['urban', '城建部门'],
  ['general', '综合部门'],
  ['township', '镇街'],
  ['zone', '功能区'],
] as const;

const UNITS: Record<(typeof CATEGORIES)[number][0], [code: string, name: string][]> = {
  econ: [
    ['fgj', '区发改局'],
    ['gxj', '区工信局'],
    ['swj', '区商务局'],
    ['jrj', '区金融监管局'],
    ['czj', '区财政局'],
    ['kjj', '区科技局'],
    ['scjgj', '区市场监管局'],
    ['nyj', '区农业农村局'],
    ['whlyj', '区文旅局'],
    ['tzcj', '区投资促进中心'],
    ['gzj', '区国资局'],
  ],
  urban: [
    ['gxzh', '区城市更新和城市建设指挥部办公室'],
    ['zjj', '区住建局'],
    ['zrzyj', '区自然资源局'],
    ['cgj', '区城管局'],
    ['jtj', '区交通运输局'],
    ['slj', '区水务局'],
    ['sthjj', '区生态环境分局'],
  ],
  general: [
    ['tjj', '区统计局'],
    ['xzspj', '区行政审批局'],
    ['yjglj', '区应急局'],
    ['rsj', '区人社局'],
    ['jtyj', '区教体局'],
    ['wjj', '区卫健局'],
    ['mzj', '区民政局'],
    ['sfj', '区司法局'],
    ['dsj', '区大数据局'],
  ],
  township: [
    ['chengyang-jd', '城阳街道'],
    ['liuting', '流亭街道'],
    ['xiazhuang', '夏庄街道'],
    ['xifu', '惜福镇街道'],
    ['jihongtan', '棘洪滩街道'],
    ['shangma', '上马街道'],
    ['hetao', '河套街道'],
    ['hongdao', '红岛街道'],
  ],
  zone: [
    ['gaoxin', '青岛高新区'],
    ['guidao', '青岛轨道交通产业示范区'],
  ],
};

const KIND = {
  econ: 'department',
  urban: 'department',
  general: 'department',
  township: 'township',
  zone: 'zone',
} as const;

type DemoAccount = [username: string, displayName: string, unitCode: string, roles: Role[], overseen?: string[]];
const ACCOUNTS: DemoAccount[] = [
  ['organiser', '王考核', 'khb', ['organiser']],
  // A second pair of hands at the office: appeals are decided by one organiser and approved by another (两人经手).
  ['organiser2', '陈复核', 'khb', ['organiser']],
  ['leader', '李区长', 'chengyang', ['leader'], ['fgj', 'gxj', 'swj', 'jrj', 'gxzh', 'liuting', 'xiazhuang']],
  ['sysadmin', '系统管理员', 'chengyang', ['sysadmin']],
  ['secadmin', '安全管理员', 'chengyang', ['secadmin']],
  ['auditor', '审计管理员', 'chengyang', ['auditor']],
  ['head.fgj', '赵局长', 'fgj', ['unit_head']],
  ['reporter.fgj', '钱填报', 'fgj', ['reporter']],
  ['head.gxj', '孙局长', 'gxj', ['unit_head']],
  ['reporter.gxj', '周填报', 'gxj', ['reporter']],
  ['head.liuting', '吴书记', 'liuting', ['unit_head']],
  ['reporter.liuting', '郑填报', 'liuting', ['reporter']],
  ['judge1', '评委一', 'chengyang', ['judge']],
  ['judge2', '评委二', 'chengyang', ['judge']],
  ['judge3', '评委三', 'chengyang', ['judge']],
];

export const districtSeeder: DemoSeeder = {
  name: '城阳区 units and accounts',
  async seed(tx, ctx) {
    const categoryIds = new Map<string, number>();
    for (const [i, [code, name]] of CATEGORIES.entries()) {
      const [row] = await tx.insert(categories).values({ code, name, sortOrder: i }).returning({ id: categories.id });
      categoryIds.set(code, row!.id);
    }
    const root = await insertUnit(tx, {
      code: 'chengyang',
      name: '城阳区',
      kind: 'district',
      parentId: null,
      categoryId: null,
    });
    await insertUnit(tx, {
      code: 'khb',
      name: '区考核办',
      kind: 'department',
      parentId: root.id,
      categoryId: null,
      sortOrder: 0,
    });
    let order = 1;
    for (const [category, list] of Object.entries(UNITS) as [keyof typeof UNITS, [string, string][]][]) {
      for (const [code, name] of list) {
        await insertUnit(tx, {
          code,
          name,
          kind: KIND[category],
          parentId: root.id,
          categoryId: categoryIds.get(category)!,
          sortOrder: order++,
        });
      }
    }
    const ids = await demoUnitIds(tx);
    // One hash for every demo account: they share the published demo password anyway.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await tx.insert(users).values(
      ACCOUNTS.map(([username, displayName, unitCode, roles, overseen]) => ({
        username,
        displayName,
        unitId: ids.get(unitCode)!,
        roles,
        overseenUnitIds: (overseen ?? []).map((c) => ids.get(c)!),
        passwordHash,
        mustChangePassword: false,
      })),
    );
    ctx.log(`demo accounts (password ${DEMO_PASSWORD}): ${ACCOUNTS.map((a) => a[0]).join(', ')}`);
  },
};

/** Unit id by code, for later seeders. */
export async function demoUnitIds(tx: Db): Promise<Map<string, number>> {
  const rows = await tx.select({ id: units.id, code: units.code }).from(units);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** User id by username, for later seeders. */
export async function demoUserIds(tx: Db, usernames: string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  return new Map(rows.map((r) => [r.username, r.id]));
}

/**
 * A demo account as the services take it (what a signed-in request would pass): the access actor and
 * the audit trail's name. Overseen units are left out: no seeder acts as the leader.
 */
export async function demoActor(tx: Db, username: string): Promise<{ actor: Actor; who: AuditActor }> {
  const [u] = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      unitId: users.unitId,
      roles: users.roles,
      path: units.path,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!u) throw new Error(`demo account ${username} missing`);
  return {
    actor: {
      userId: u.id,
      unitId: u.unitId,
      unitPath: u.path,
      roles: u.roles as Role[],
      overseenUnitPaths: [],
      office: await officeOf(tx, u.path),
    },
    who: { id: u.id, name: `${u.displayName}(${username})`, address: null },
  };
}
