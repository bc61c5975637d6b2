import { ARENA_KIND_TEMPLATES, type Role } from '@leitai/core';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { contestantsOf, listArenas, recordCommitment } from '../modules/arena/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { insertCadre } from '../modules/cadres/index.js';
import { all as allUnits, insertUnit } from '../modules/units/index.js';
import { localDate } from '../jobs/clock.js';
import { DEMO_PASSWORD, demoActor, demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * 干部名册 (issue 17): a head for every unit of both districts and the city, a party secretary for each of
 * 流亭街道's ten communities (the 书记擂台's people on stage, seed 000: "142名社区党组织书记‘上台比武’"), and
 * the organisation departments that keep them. Names are made up; posts and dates are plausible.
 */

/** 流亭街道's community secretaries, by community code (surnames as the arenas' presenters had them). */
export const SECRETARIES: Record<string, string> = {
  'lt-shuangbu': '刘志强',
  'lt-dongliuting': '王海燕',
  'lt-xiliuting': '张建国',
  'lt-zhaohongbu': '赵明远',
  'lt-nanqu': '孙丽华',
  'lt-beiqu': '李卫东',
  'lt-xianjiazhai': '周海涛',
  'lt-wali': '吴静',
  'lt-yangjiaqun': '郑军',
  'lt-baishawan': '冯磊',
};

/** The community secretaries, written before 流亭街道's arenas are set up (levels.ts); their ids by community code. */
export async function seedSecretaries(tx: Db, ids: Map<string, number>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // 双埠社区's secretary signs in (levels.ts makes the account) and reads her own record.
  const own = await demoUserIds(tx, ['secretary.shuangbu']);
  for (const [i, [code, name]] of Object.entries(SECRETARIES).entries()) {
    const { id } = await insertCadre(tx, {
      name,
      post: '社区党委书记',
      unitId: ids.get(code)!,
      since: `${2018 + (i % 4)}-0${1 + (i % 9)}-15`,
      userId: code === 'lt-shuangbu' ? (own.get('secretary.shuangbu') ?? null) : null,
    });
    out.set(code, id);
  }
  return out;
}

/** The 书记擂台's template criteria (抓党建 30, 促发展 30, 惠民生 25, 现场表现 15), as the office set them. */
export const secretaryCriteria = () => ARENA_KIND_TEMPLATES.secretary.criteria.map((c) => ({ ...c }));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = [
  '建华',
  '志刚',
  '晓东',
  '海波',
  '立新',
  '文静',
  '国庆',
  '红梅',
  '振宇',
  '雪峰',
  '卫国',
  '秀英',
  '明辉',
  '春燕',
];
const postOf = (kind: string, name: string) =>
  kind === 'township' || kind === 'zone'
    ? '党工委书记'
    : kind === 'district'
      ? '区委书记'
      : /中心|办公室|指挥部|考核办/.test(name)
        ? '主任'
        : '局长';

const ACCOUNTS: [username: string, displayName: string, unitCode: string, roles: Role[]][] = [
  ['orgdept', '黄组织', 'cyzzb', ['org_dept']],
  ['orgdept.xihai', '林组织', 'xhzzb', ['org_dept']],
];

export const cadresSeeder: DemoSeeder = {
  name: '干部名册: heads of every unit, community secretaries, the organisation departments; a promise on stage',
  async seed(tx, ctx) {
    const before = await demoUnitIds(tx);
    // The departments sort after every unit the districts had, so their unit lists begin as they did.
    await insertUnit(tx, {
      code: 'cyzzb',
      name: '区委组织部',
      kind: 'department',
      parentId: before.get('chengyang')!,
      categoryId: null,
      sortOrder: 2000,
    });
    await insertUnit(tx, {
      code: 'xhzzb',
      name: '新区组织部',
      kind: 'department',
      parentId: before.get('xihai')!,
      categoryId: null,
      sortOrder: 2000,
    });
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
    const accounts = await demoUserIds(tx, ['leader', 'head.liuting', 'head.fgj']);

    // The district's 区长 (the ledger's responsible leader) and two heads are linked to their accounts.
    const secretaries = new Set(Object.keys(SECRETARIES));
    const linked = new Map([
      ['liuting', { name: '吴振华', userId: accounts.get('head.liuting')! }],
      ['fgj', { name: '赵立新', userId: accounts.get('head.fgj')! }],
    ]);
    let n = 0;
    for (const u of await allUnits(tx)) {
      if (secretaries.has(u.code) || u.code === 'qingdao' || u.code.endsWith('zzb')) continue;
      n += 1;
      const own = linked.get(u.code);
      await insertCadre(tx, {
        name: own?.name ?? `${SURNAMES[n % SURNAMES.length]}${GIVEN[n % GIVEN.length]}`,
        post: postOf(u.kind, u.name),
        unitId: u.id,
        since: `${2019 + (n % 6)}-${String(1 + (n % 12)).padStart(2, '0')}-01`,
        userId: own?.userId ?? null,
      });
    }
    await insertCadre(tx, {
      name: '李国栋',
      post: '区长',
      unitId: ids.get('chengyang')!,
      since: '2022-01-20',
      userId: accounts.get('leader')!,
    });

    // At the last finished 书记擂台, 双埠社区's secretary promised something: it is now a ledger item.
    const { actor, who } = await demoActor(tx, 'organiser.liuting');
    const liuting = (await listArenas(tx, { offices: { kind: 'all' }, units: { kind: 'none' } })).filter(
      (a) => a.officeUnitId === ids.get('liuting') && a.state.status === 'finished',
    );
    const last = liuting.at(0);
    if (last) {
      const c = (await contestantsOf(tx, last.id)).find((x) => x.unitId === ids.get('lt-shuangbu'));
      const today = localDate(ctx.today);
      const deadline = `${Number(today.slice(0, 4)) + 1}-03-31`;
      if (c)
        await recordCommitment(
          tx,
          actor,
          who,
          last.id,
          { contestantId: c.id, title: '一季度前完成双埠社区老旧小区雨污分流改造', deadline },
          today,
        );
    }
    ctx.log('demo cadres: orgdept (城阳区), orgdept.xihai (西海岸新区), secretary.shuangbu (her own record)');
  },
};
