import {
  ENTERPRISE_SCALES,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
  creditCodeCheckChar,
  dayNumber,
  fromDayNumber,
  requestDeadlines,
  REQUEST_DEADLINE_DEFAULTS,
  type EnterpriseScale,
  type IsoDate,
  type LedgerState,
  type RequestCategory,
  type VisitForm,
  type VisitPurpose,
} from '@leitai/core';
import { users } from '../db/schema/index.js';
import { shanghaiDate } from '../jobs/clock.js';
import { hashPassword } from '../modules/auth/index.js';
import { loadCalendar } from '../modules/calendar/index.js';
import { insertEvent, insertItem } from '../modules/ledger/index.js';
import {
  insertAssignments,
  insertEnterprises,
  insertRequests,
  insertVisit,
  newRateCode,
  updateRequest,
} from '../modules/visits/index.js';
import { DEMO_PASSWORD, demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * 万企走访: 2,000 enterprises of 城阳区, 60 cadres with their 包保 (some reassigned), 800 visits over the past
 * year and 150 诉求 in every stage, some merged with a 12345 hotline copy, some overdue. The 诉求 are led by
 * units the other demo flows do not use, written as history (no notices), and overdue by days only, so the
 * existing accounts' bells and the ledger's first pages stay as they were.
 */
const PREFIXES =
  '海川 瑞丰 华宇 恒信 鑫源 德盛 金桥 东方 鼎泰 宏达 博远 泰和 嘉禾 众诚 天润 晨光 启航 汇通 盛世 新锐 中科 青云 万象 安泰 久益 卓越 信达 广源 联创 奥特 凯瑞 明远 佳和 润华 福瑞 永昌 隆兴 兴业 海纳 鲁信 蓝海 银河 春晖 国泰 和润 金鼎 锦程 华美 瀚海 致远'.split(
    ' ',
  );
const INDUSTRIES: [industry: string, word: string][] = [
  ['装备制造', '精密机械'],
  ['食品加工', '食品'],
  ['电子信息', '电子科技'],
  ['新材料', '新材料科技'],
  ['生物医药', '生物医药'],
  ['纺织服装', '服饰'],
  ['现代物流', '物流'],
  ['商贸零售', '商贸'],
  ['软件信息服务', '软件'],
  ['建筑建材', '建材'],
];
const PLACES = ['青岛', '青岛城阳', '山东', '城阳区'];
const STREETS = [
  'chengyang-jd',
  'liuting',
  'xiazhuang',
  'xifu',
  'jihongtan',
  'shangma',
  'hetao',
  'hongdao',
  'gaoxin',
  'guidao',
];
const SURNAMES = '张 王 李 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗'.split(' ');
const GIVEN =
  '建国 海燕 志强 丽娜 文博 晓东 玉兰 国栋 春梅 振华 雪峰 静怡 立新 红霞 宏伟 明轩 淑芬 子涵 德胜 秀英'.split(' ');
/**
 * Cadres come from the streets and zones listed last (after every other demo account's unit, so the account
 * list's first page is as it was) and that the other demo flows leave alone.
 */
const CADRE_UNITS = ['xifu', 'jihongtan', 'shangma', 'hetao', 'hongdao', 'gaoxin', 'guidao'];
/** Lead units by category: none is a unit the other demo flows' accounts or the demo leader work in. */
const LEADS: Record<RequestCategory, [lead: string, co: string[]]> = {
  finance: ['czj', ['scjgj']],
  land: ['zrzyj', ['tzcj']],
  labour: ['rsj', []],
  approval: ['xzspj', ['dsj']],
  policy: ['czj', ['tjj']],
  infrastructure: ['slj', ['cgj']],
  market: ['scjgj', []],
  other: ['xzspj', []],
};
const CONTENT: Record<RequestCategory, string[]> = {
  finance: ['流动资金紧张，希望对接首贷续贷', '设备更新贷款贴息申请进度慢', '希望纳入“白名单”获得信用贷款'],
  land: ['扩产需新增工业用地约20亩', '厂房租赁到期，希望协调标准厂房', '土地证办理遇历史遗留问题'],
  labour: ['急需数控技工30名', '一线普工招工难，流失率高', '希望组织高校毕业生专场招聘'],
  approval: ['技改项目环评审批时限长', '消防验收排期等待时间长', '施工许可材料反复补正'],
  policy: ['规上企业培育奖励未兑现', '研发费用加计扣除政策不清楚', '稳岗返还资金未到账'],
  infrastructure: ['园区道路破损影响货车通行', '用电增容申请迟迟未落地', '雨季厂区周边排水不畅'],
  market: ['希望参加区里组织的产销对接会', '外贸订单下滑，希望对接展会资源', '产品进入政府采购目录的渠道'],
  other: ['企业门前公交站点设置不合理', '周边餐饮油烟扰民投诉', '希望协调解决员工子女入学'],
};

/** A small deterministic generator: the demo is the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A valid 统一社会信用代码 for the n-th demo enterprise (城阳区 370214, a 9-character organisation code). */
export function demoCreditCode(n: number): string {
  const body = `91370214MA${String(n).padStart(7, '0')}`;
  return body + creditCodeCheckChar(body)!;
}

export const visitsSeeder: DemoSeeder = {
  name: '万企走访 enterprises, 包保, visits and 诉求',
  async seed(tx, ctx) {
    const today = shanghaiDate(ctx.today);
    const day = (offset: number): IsoDate => fromDayNumber(dayNumber(today) + offset);
    const rnd = random(16);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const unitIds = await demoUnitIds(tx);
    const unit = (code: string) => unitIds.get(code)!;
    const cal = await loadCalendar(tx);

    // 60 cadres (包保干部), reporters of their own units, and the head of 区人社局 who answers 用工 诉求.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const cadreNames = Array.from(
      { length: 60 },
      (_, i) => `${SURNAMES[i % 20]}${GIVEN[(i + Math.floor(i / 20) * 3) % 20]}`,
    );
    await tx.insert(users).values([
      ...cadreNames.map((displayName, i) => ({
        username: `cadre${String(i + 1).padStart(2, '0')}`,
        displayName,
        unitId: unit(CADRE_UNITS[i % CADRE_UNITS.length]!),
        roles: ['reporter'],
        passwordHash,
        mustChangePassword: false,
      })),
      {
        username: 'head.rsj',
        displayName: '韩局长',
        unitId: unit('rsj'),
        roles: ['unit_head'],
        passwordHash,
        mustChangePassword: false,
      },
    ]);
    const people = await demoUserIds(tx, [
      'organiser',
      'leader',
      'head.rsj',
      ...cadreNames.map((_, i) => `cadre${String(i + 1).padStart(2, '0')}`),
    ]);
    const cadre = (i: number) => people.get(`cadre${String(i + 1).padStart(2, '0')}`)!;

    // 2,000 enterprises: 10 % 规上, 10 % 准规上, 65 % 中小微, 15 % 个体工商户.
    const scaleOf = (i: number): EnterpriseScale =>
      i % 10 === 0 ? 'above' : i % 10 === 1 ? 'near' : i % 20 < 15 ? 'small' : ENTERPRISE_SCALES[3];
    const list = Array.from({ length: 2000 }, (_, i) => {
      const [industry, word] = INDUSTRIES[i % 10]!;
      const name = `${PLACES[Math.floor(i / 500)]}${PREFIXES[Math.floor(i / 10) % 50]}${word}有限公司`;
      return {
        name: scaleOf(i) === 'individual' ? `城阳区${PREFIXES[Math.floor(i / 10) % 50]}${word}经营部` : name,
        creditCode: demoCreditCode(i + 1),
        industry,
        scale: scaleOf(i),
        streetUnitId: unit(STREETS[i % STREETS.length]!),
        address: `城阳区${['春阳路', '长城路', '正阳路', '黑龙江路', '铁骑山路'][i % 5]}${(i % 300) + 1}号`,
        contactName: `${SURNAMES[i % 20]}经理`,
        contactPhone: `1390532${String(i).padStart(4, '0')}`,
      };
    });
    const ids = await insertEnterprises(tx, list);

    // 包保: 1,980 enterprises to the 60 cadres (33 each), 20 left for the office to assign; the first 30 were
    // another cadre's until 100 days ago; the demo leader is 包保领导 of 20 规上 enterprises.
    // Each cadre holds a block of 33 neighbours: mixed industries, sizes and streets, as a real 包保 list.
    const assignedTo = (i: number) => Math.floor(i / 33);
    await insertAssignments(tx, [
      ...ids.slice(0, 30).map((enterpriseId, i) => ({
        enterpriseId,
        userId: cadre((assignedTo(i) + 1) % 60),
        role: 'cadre' as const,
        startedOn: day(-330),
        endedOn: day(-100),
        reason: '',
      })),
      ...ids.slice(0, 1980).map((enterpriseId, i) => ({
        enterpriseId,
        userId: cadre(assignedTo(i)),
        role: 'cadre' as const,
        startedOn: i < 30 ? day(-100) : day(-330),
        reason: i < 30 ? '岗位调整' : '',
      })),
      ...ids
        .filter((_, i) => scaleOf(i) === 'above')
        .slice(0, 20)
        .map((enterpriseId) => ({
          enterpriseId,
          userId: people.get('leader')!,
          role: 'leader' as const,
          startedOn: day(-330),
          reason: '',
        })),
    ]);

    // 800 visits over the past 330 days; some cadres visit far more than others (weights 1–5).
    const weights = Array.from({ length: 60 }, (_, c) => (c % 5) + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const visitsMade: { id: number; enterprise: number; on: IsoDate; by: number }[] = [];
    for (let n = 0; n < 800; n += 1) {
      let w = rnd() * total;
      let c = 0;
      while (w >= weights[c]!) w -= weights[c++]!;
      const own = Math.floor(rnd() * 33);
      const index = c * 33 + own; // assignedTo(index) === c
      const on = day(-Math.floor(rnd() * 330) - 1);
      const forms: VisitForm[] = [pick(['policy', 'service', 'factor'] as const)];
      const purposes: VisitPurpose[] = [pick(['needs', 'advice', 'effect'] as const)];
      const v = await insertVisit(tx, {
        enterpriseId: ids[index]!,
        visitorId: cadre(c),
        visitedOn: on,
        forms,
        purposes,
        notes: '了解企业生产经营情况，宣讲惠企政策',
      });
      visitsMade.push({ id: v.id, enterprise: ids[index]!, on, by: cadre(c) });
    }

    // 150 诉求: 140 raised on visits (oldest answered and rated, newest still being registered), and 10 copies
    // from the 12345 hotline merged into them.
    const sorted = [...visitsMade].sort((a, b) => a.on.localeCompare(b.on));
    const organiser = people.get('organiser')!;
    // Newest visits: 15 still to dispatch, 30 being handled (dispatched these last days), 10 overdue by a few
    // days (dispatched two weeks ago); older ones answered, most rated.
    const newest = sorted.slice(-55).reverse();
    const older = sorted.filter((v) => v.on < day(-40));
    type Plan = { visit: (typeof sorted)[number]; state: LedgerState | null; rated: boolean; dispatchOn?: IsoDate };
    const open = ['assigned', 'acknowledged', 'in_progress', 'close_requested'] as const;
    const plan: Plan[] = [
      ...newest.slice(0, 15).map((visit) => ({ visit, state: null, rated: false })),
      ...newest
        .slice(15, 45)
        .map((visit, i) => ({ visit, state: open[i % 4]!, rated: false, dispatchOn: day(-2 - (i % 4)) })),
      ...newest.slice(45, 55).map((visit, i) => ({
        visit,
        state: i % 2 ? ('in_progress' as const) : ('acknowledged' as const),
        rated: false,
        dispatchOn: day(-12 - (i % 3)),
      })),
      // Spread over the months before.
      ...older
        .filter((_, i) => i % Math.max(1, Math.floor(older.length / 85)) === 0)
        .slice(0, 85)
        .map((visit, i) => ({ visit, state: 'closed' as const, rated: i % 9 !== 0 })),
    ];
    let hotline = 0;
    for (const [n, p] of plan.entries()) {
      const category = REQUEST_CATEGORIES[n % REQUEST_CATEGORIES.length]!;
      const content = CONTENT[category][n % 3]!;
      const [request] = await insertRequests(tx, [
        {
          enterpriseId: p.visit.enterprise,
          visitId: p.visit.id,
          category,
          content,
          raisedOn: p.visit.on,
          raisedBy: p.visit.by,
          rateCode: newRateCode(),
        },
      ]);
      if (p.state !== null) {
        const first = cal.addWorkingDays(p.visit.on, 1);
        const dispatchedOn = p.dispatchOn && p.dispatchOn > first ? p.dispatchOn : first;
        const deadlines = requestDeadlines(cal, dispatchedOn, REQUEST_DEADLINE_DEFAULTS);
        const [lead, co] = LEADS[category];
        const closedOn = p.state === 'closed' ? fromDayNumber(dayNumber(deadlines.lead) - (n % 4)) : null;
        const item = await insertItem(tx, {
          officeUnitId: unitIds.get('chengyang')!,
          title: `【企业诉求】${list[ids.indexOf(p.visit.enterprise)]!.name}：${REQUEST_CATEGORY_LABELS[category]}`,
          content: `${content}\n（配合单位请于 ${deadlines.coUnits} 前向牵头单位反馈；牵头单位请于 ${deadlines.lead} 前答复企业）`,
          source: '企业诉求',
          leadUnitId: unit(lead),
          coUnitIds: co.map(unit),
          deadline: deadlines.lead,
          originalDeadline: deadlines.lead,
          priority: 'important',
          tags: ['万企走访', REQUEST_CATEGORY_LABELS[category]],
          state: p.state,
          createdBy: null,
          createdAt: new Date(`${dispatchedOn}T09:00:00+08:00`),
          closedOn,
          closedBy: closedOn ? organiser : null,
        });
        const ev = (kind: string, on: IsoDate, text: string) =>
          insertEvent(tx, {
            itemId: item.id,
            kind,
            actorId: null,
            actorName: kind === 'assign' ? '王考核(organiser)' : lead,
            unitId: null,
            at: new Date(`${on}T15:00:00+08:00`),
            text,
            data: null,
          });
        await ev('assign', dispatchedOn, '');
        if (p.state !== 'assigned') await ev('acknowledge', cal.addWorkingDays(dispatchedOn, 1), '已签收');
        if (p.state === 'close_requested' || p.state === 'closed')
          await ev(
            'request_close',
            closedOn ?? cal.addWorkingDays(dispatchedOn, 4),
            `已与企业对接：${content}一事已协调解决，详见答复。`,
          );
        if (p.rated) await ev('rater_satisfied', closedOn!, '评价人追评满意');
        // The request was written before its item existed: link them, with the co-units' deadline and the rating.
        await updateRequest(tx, request!.id, {
          ledgerItemId: item.id,
          coDeadline: deadlines.coUnits,
          rating: p.rated ? 'satisfied' : null,
          ratedAt: p.rated ? new Date(`${closedOn}T18:00:00+08:00`) : null,
        });
      }
      // Ten of them came in again through the 12345 hotline and were merged, keeping both sources.
      if (n % 14 === 3 && hotline < 10) {
        hotline += 1;
        await insertRequests(tx, [
          {
            enterpriseId: p.visit.enterprise,
            channel: 'hotline',
            category,
            content: `12345 热线转办：${content}`,
            raisedOn: fromDayNumber(dayNumber(p.visit.on) + 1),
            raisedBy: null,
            mergedIntoId: request!.id,
            rateCode: newRateCode(),
          },
        ]);
      }
    }
    ctx.log(
      `demo visits: ${ids.length} enterprises, 60 cadres (cadre01…cadre60), ${visitsMade.length} visits, ${plan.length + hotline} 诉求`,
    );
  },
};
