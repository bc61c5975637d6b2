import { DEFAULT_CRITERIA, type Role } from '@leitai/core';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { createArena, drawArena } from '../modules/arena/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { insertUnit, markOffice, reparentUnit } from '../modules/units/index.js';
import { localDate } from '../jobs/clock.js';
import { playThrough } from './arena.js';
import { secretaryCriteria, seedSecretaries } from './cadres.js';
import { DEMO_PASSWORD, demoActor, demoUnitIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * Offices at every level (issue 17, docs/levels.md): 城阳区 goes under a city, 青岛市, beside a second
 * district, 西海岸新区 (seed 002: its departments and streets); 流亭街道 becomes an office of its own with
 * ten communities and runs a monthly 书记擂台 (seed 000: "开展街道层级书记擂台9场次，142名社区党组织书记
 * ‘上台比武’"); the city ranks its two districts. It runs last, so every record of 城阳区 keeps its id,
 * and adds nothing to 城阳区's own lists but what its office now reads from 流亭街道 below it.
 */
const WEST: [code: string, name: string, kind: string][] = [
  ['xhkhb', '新区考核办', 'department'],
  ['xhfgj', '新区发展和改革局', 'department'],
  ['xhgxj', '新区工业和信息化局', 'department'],
  ['xhwjj', '新区卫生健康局', 'department'],
  ['huangdao', '黄岛街道', 'township'],
  ['hongshiya', '红石崖街道', 'township'],
  ['dacun', '大村镇', 'township'],
  ['jtswq', '西海岸交通商务区', 'zone'],
];

/** 流亭街道's communities (社区), each with its party secretary on the 书记擂台's stage. */
const COMMUNITIES: [code: string, name: string, secretary: string][] = [
  ['lt-shuangbu', '双埠社区', '刘书记'],
  ['lt-dongliuting', '东流亭社区', '王书记'],
  ['lt-xiliuting', '西流亭社区', '张书记'],
  ['lt-zhaohongbu', '赵红埠社区', '赵书记'],
  ['lt-nanqu', '南曲社区', '孙书记'],
  ['lt-beiqu', '北曲社区', '李书记'],
  ['lt-xianjiazhai', '仙家寨社区', '周书记'],
  ['lt-wali', '洼里社区', '吴书记'],
  ['lt-yangjiaqun', '杨家群社区', '郑书记'],
  ['lt-baishawan', '白沙湾社区', '冯书记'],
];

const ACCOUNTS: [username: string, displayName: string, unitCode: string, roles: Role[]][] = [
  ['organiser.city', '高市考', 'qdkhb', ['organiser']],
  ['organiser.xihai', '林新考', 'xhkhb', ['organiser']],
  ['organiser.liuting', '马街考', 'liuting', ['organiser']],
  // 双埠社区's party secretary: she fills the community's reports and reads her own 干部实绩档案.
  ['secretary.shuangbu', '刘志强', 'lt-shuangbu', ['reporter']],
];

const GROUPS = [
  { id: '领导评委', weight: '0.5' },
  { id: '专家评委', weight: '0.3' },
  { id: '群众代表', weight: '0.2' },
];
const JUDGES = [
  ['街道党工委书记', '领导评委'],
  ['街道办事处主任', '领导评委'],
  ['组织委员', '领导评委'],
  ['党校教师', '专家评委'],
  ['驻街律师', '专家评委'],
  ['居民代表一', '群众代表'],
  ['居民代表二', '群众代表'],
].map(([name, groupId]) => ({ name: name!, groupId: groupId!, unitId: null }));

const WHO = { id: null, name: '演示数据', address: null };
const criteria = () => DEFAULT_CRITERIA.map((c) => ({ ...c }));

/** The first of the month `back` months before today's, as a local date. */
function monthStart(today: Date, back: number): string {
  const [y, m] = localDate(today).split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 28));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-28`;
}

export const levelsSeeder: DemoSeeder = {
  name: '青岛市 above 城阳区, 西海岸新区 beside it, 流亭街道 an office with its 书记擂台',
  async seed(tx, ctx) {
    const before = await demoUnitIds(tx);
    const city = await insertUnit(tx, {
      code: 'qingdao',
      name: '青岛市',
      kind: 'other',
      parentId: null,
      categoryId: null,
    });
    await insertUnit(tx, { code: 'qdkhb', name: '市考核办', kind: 'department', parentId: city.id, categoryId: null });
    await reparentUnit(tx, before.get('chengyang')!, city.id);
    const west = await insertUnit(tx, {
      code: 'xihai',
      name: '西海岸新区',
      kind: 'district',
      parentId: city.id,
      categoryId: null,
      isOffice: true,
      sortOrder: 1,
    });
    for (const [i, [code, name, kind]] of WEST.entries())
      await insertUnit(tx, { code, name, kind, parentId: west.id, categoryId: null, sortOrder: i });
    const liuting = before.get('liuting')!;
    await markOffice(tx, liuting);
    // Communities sort after every unit 城阳区 had, so its unit lists begin as they did.
    for (const [i, [code, name]] of COMMUNITIES.entries())
      await insertUnit(tx, { code, name, kind: 'other', parentId: liuting, categoryId: null, sortOrder: 1000 + i });

    const ids = await demoUnitIds(tx);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await tx.insert(users).values(
      ACCOUNTS.map(([username, displayName, unitCode, roles]) => ({
        username,
        displayName,
        unitId: ids.get(unitCode)!,
        roles,
        overseenUnitIds: [],
        passwordHash,
        mustChangePassword: false,
      })),
    );

    await streetArenas(tx, ctx.today, ids, await seedSecretaries(tx, ids));
    await cityArena(tx, ctx.today, ids);
    ctx.log(`demo offices: 青岛市 (organiser.city), 西海岸新区 (organiser.xihai), 流亭街道 (organiser.liuting)`);
  },
};

/**
 * 流亭街道's monthly 书记擂台: three finished (the months before last: older than 城阳区's finished arena,
 * so the district's lists still start with its own), this month's drawn and ready to run.
 */
async function streetArenas(
  tx: Db,
  today: Date,
  ids: Map<string, number>,
  secretaries: Map<string, number>,
): Promise<void> {
  const { actor } = await demoActor(tx, 'organiser.liuting');
  for (const back of [5, 4, 3, 0]) {
    const heldOn = monthStart(today, back);
    const { id } = await createArena(tx, WHO, actor, {
      title: `流亭街道${Number(heldOn.slice(5, 7))}月社区书记擂台`,
      kind: 'secretary',
      heldOn,
      campaignId: null,
      speakingSeconds: 240,
      criteria: secretaryCriteria(),
      groups: GROUPS,
      // The secretaries stand in person (书记擂台), each for their community.
      contestants: COMMUNITIES.map(([code]) => ({ kind: 'person', cadreId: secretaries.get(code)!, presenter: '' })),
      judges: JUDGES,
      tieBreakers: [],
    });
    await drawArena(tx, WHO, id, `liuting-${heldOn}`);
    if (back > 0) await playThrough(tx, id);
  }
}

/** The city's 区（市）擂台: its two districts on stage, finished, so the city office sees them ranked. */
async function cityArena(tx: Db, today: Date, ids: Map<string, number>): Promise<void> {
  const { actor } = await demoActor(tx, 'organiser.city');
  const { id } = await createArena(tx, WHO, actor, {
    title: '全市“作风能力提升年”区（市）擂台赛',
    heldOn: monthStart(today, 3),
    campaignId: null,
    speakingSeconds: 600,
    criteria: criteria(),
    groups: GROUPS,
    contestants: [
      { unitId: ids.get('chengyang')!, presenter: '区委书记' },
      { unitId: ids.get('xihai')!, presenter: '区委书记' },
    ],
    judges: JUDGES.map((j) => ({ ...j, name: j.name.replace('街道', '市') })),
    tieBreakers: [],
  });
  await drawArena(tx, WHO, id, 'qingdao-districts');
  await playThrough(tx, id);
}
