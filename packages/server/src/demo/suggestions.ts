import {
  DEFAULT_REWARD_LEVELS,
  DEFAULT_SUGGESTION_CRITERIA,
  dayNumber,
  fromDayNumber,
  type IsoDate,
  type SuggestionStatus,
} from '@leitai/core';
import { and, eq, like } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { shanghaiDate } from '../jobs/clock.js';
import { insertEvent, insertItem } from '../modules/ledger/index.js';
import {
  insertReviews,
  insertRound,
  insertSuggestions,
  newPublicCode,
  updateSuggestion,
} from '../modules/suggestions/index.js';
import { demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * 金点子: 城阳区's 2026 round (open until a month from day 0, top 10), 80 ideas from the cadres and the public,
 * three reviewers, 10 adopted onto the ledger (led by units the other demo flows do not use, written as history,
 * so no notice reaches another demo account) with their rewards, 10 not adopted, 20 still being reviewed.
 */
const THEMES: [theme: string, ideas: string][] = [
  [
    '营商环境',
    '推行“拿地即开工”审批 设立企业服务“首席代办员” 涉企检查“综合查一次” 惠企政策“免申即享” 开办企业“一日办结” 建立企业诉求“直通车” 工程建设项目联合验收 中小企业融资“白名单” 涉企收费清单公示 营商环境体验官制度',
  ],
  [
    '城市更新',
    '老旧小区加装电梯“一梯一策” 闲置厂房改造创新空间 背街小巷“微更新” 口袋公园见缝插绿 城中村改造群众议事会 停车泊位错时共享 既有建筑屋顶光伏 地下管网数字化普查 街区夜间照明提升 建筑垃圾就地资源化',
  ],
  [
    '招商引资',
    '以商招商“链主”带动 驻外招商联络站 产业地图线上发布 重点项目“一项目一专班” 招商线索“红黄绿”管理 校友经济“城阳行” 闲置载体“房东联盟” 外资企业服务包 招商成效“季度擂台” 产业基金“投招联动”',
  ],
  [
    '基层治理',
    '网格员“一岗多责” 社区事务准入清单 “红色物业”示范小区 矛盾纠纷“一站式”化解 老年人助餐“社区食堂” 志愿服务积分兑换 村居“小微权力”清单 社区工作者减负 12345热线“接诉即办”回访 居民议事“板凳会”',
  ],
  [
    '民生服务',
    '“15分钟”便民生活圈 婴幼儿托育“嵌入式”服务 家门口就业驿站 医保“刷脸”结算 中小学课后服务“菜单式” 残疾人“一证通办” 公交线路微循环 政务服务“周末不打烊” 独居老人智能监护 社区医院夜间门诊',
  ],
  [
    '数字政府',
    '“一网统管”城市运行 政务数据“一数一源” 电子证照“亮证即用” 基层报表“一表通” 视频会议“不见面审批” 公共数据授权运营 AI辅助公文校对 跨部门“一件事”联办 政务外网安全值守 数字孪生园区',
  ],
  [
    '生态环保',
    '河长制“民间河长” 工地扬尘智能监测 垃圾分类“积分超市” 餐厨废弃物统一收运 园区污水“一企一管” 绿色出行“碳积分” 农膜回收网点 海岸带生态修复 噪声地图公开 重污染天气“差异化”管控',
  ],
  [
    '干部作风',
    '“擂台赛”晒成绩比实绩 年轻干部“墩苗”计划 容错免责典型案例发布 会议文件“瘦身”清单 “四下基层”调研台账 干部实绩“月评季比” 督查检查“统筹合并” 服务企业“白+黑”制度 “一线工作法”案例库 干部“走流程”体验',
  ],
];

const ADOPTED_LEADS = ['dsj', 'mzj', 'wjj', 'jtyj', 'whlyj', 'slj', 'sthjj', 'xzspj', 'cgj', 'tjj'];
const PUBLIC_NAMES = [
  '刘女士',
  '赵先生',
  '孙先生',
  '李女士',
  '周先生',
  '吴女士',
  '郑先生',
  '王女士',
  '冯先生',
  '陈女士',
];

export const suggestionsSeeder: DemoSeeder = {
  name: '金点子 round, ideas, reviews and rewards',
  async seed(tx, ctx) {
    const today = shanghaiDate(ctx.today);
    const day = (offset: number): IsoDate => fromDayNumber(dayNumber(today) + offset);
    const unitIds = await demoUnitIds(tx);
    const people = await demoUserIds(tx, ['organiser', 'leader', 'organiser2', 'head.rsj']);
    const cadres = await tx
      .select({ id: users.id, name: users.displayName, unitId: users.unitId })
      .from(users)
      .where(and(like(users.username, 'cadre%'), eq(users.active, true)))
      .orderBy(users.username);
    const reviewers = [people.get('leader')!, people.get('organiser2')!, people.get('head.rsj')!];
    const round = await insertRound(tx, {
      officeUnitId: unitIds.get('chengyang')!,
      title: '2026年度城阳区“金点子”征集',
      opensOn: day(-150),
      closesOn: day(30),
      topN: 10,
      criteria: [...DEFAULT_SUGGESTION_CRITERIA],
      rewardLevels: [...DEFAULT_REWARD_LEVELS],
      publicCode: newPublicCode(),
      createdBy: people.get('organiser')!,
    });

    const titles = THEMES.flatMap(([theme, list]) => list.split(' ').map((t) => [theme, t] as const));
    // The ten best-scored ideas are the ones adopted: ideas 0, 8, 16 … spread over the themes.
    const adopted = new Set(Array.from({ length: 10 }, (_, i) => i * 8));
    const rows = titles.map(([theme, title], n) => {
      const cadre = cadres[(n * 7) % cadres.length]!;
      const fromPublic = n % 8 === 5;
      return {
        roundId: round.id,
        title,
        body: `【${theme}】建议${title}。现状：群众和企业反映较多，现行做法环节多、周期长。做法：由牵头部门制定方案，先选一个街道试点，三个月后总结推广。预期：办理时间明显缩短，满意度提升。`,
        channel: fromPublic ? ('public' as const) : ('account' as const),
        proposerId: fromPublic ? null : cadre.id,
        proposerUnitId: fromPublic ? null : cadre.unitId,
        proposerName: fromPublic ? PUBLIC_NAMES[n % PUBLIC_NAMES.length]! : cadre.name,
        proposerContact: fromPublic ? `1390000${String(1000 + n)}` : '',
        submittedAt: new Date(`${day(-145 + Math.floor((n * 140) / 80))}T10:00:00+08:00`),
      };
    });
    const ideas = await insertSuggestions(tx, rows);

    // Scores: the adopted ideas 85–94, the others 55–84; the newest 20 are not (fully) scored yet.
    let rewarded = 0;
    const levels = DEFAULT_REWARD_LEVELS.flatMap((l) => Array.from({ length: l.count }, () => l));
    for (const [n, idea] of ideas.entries()) {
      const status: SuggestionStatus = adopted.has(n)
        ? 'adopted'
        : n >= 70
          ? 'submitted'
          : n >= 60
            ? 'reviewing'
            : n % 6 === 1
              ? 'rejected'
              : 'reviewing';
      if (status === 'submitted') continue;
      const base = adopted.has(n) ? 94 - n / 8 : 55 + ((n * 13) % 30);
      const scored = n >= 60 ? 1 : 3;
      await insertReviews(
        tx,
        reviewers.map((reviewerId, r) => {
          const total = base - r;
          const innovation = Math.min(30, Math.round(total * 0.3));
          const benefit = Math.min(30, Math.round(total * 0.3));
          const feasibility = total - innovation - benefit;
          const done = r < scored;
          return {
            suggestionId: idea.id,
            reviewerId,
            scores: done
              ? { innovation: String(innovation), feasibility: String(feasibility), benefit: String(benefit) }
              : null,
            total: done ? String(total) : null,
            assignedAt: new Date(`${day(-100 + n)}T09:00:00+08:00`),
            scoredAt: done ? new Date(`${day(-98 + n)}T16:00:00+08:00`) : null,
          };
        }),
      );
      if (status === 'reviewing') {
        await updateSuggestion(tx, idea.id, { status });
        continue;
      }
      const decidedAt = new Date(`${day(-20)}T15:00:00+08:00`);
      if (status === 'rejected') {
        await updateSuggestion(tx, idea.id, { status, decidedAt, decisionNote: '已有同类做法，纳入相关部门参考' });
        continue;
      }
      const lead = unitIds.get(ADOPTED_LEADS[rewarded]!)!;
      const item = await insertItem(tx, {
        officeUnitId: unitIds.get('chengyang')!,
        title: `【金点子】${idea.title}`,
        content: `${idea.body}\n（建议人：${idea.proposerName}；${round.title}采纳）`,
        source: '金点子',
        leadUnitId: lead,
        coUnitIds: [],
        deadline: day(90),
        originalDeadline: day(90),
        priority: 'important',
        tags: ['金点子', round.title],
        state: 'in_progress',
        createdBy: null,
        createdAt: decidedAt,
      });
      await insertEvent(tx, {
        itemId: item.id,
        kind: 'assign',
        actorId: null,
        actorName: '王考核(organiser)',
        unitId: null,
        at: decidedAt,
        text: '',
        data: null,
      });
      const level = levels[rewarded]!;
      rewarded += 1;
      await updateSuggestion(tx, idea.id, {
        status,
        decidedAt,
        ledgerItemId: item.id,
        decisionNote: '纳入年度重点改革事项',
        rewardLevel: level.key,
        rewardAmount: level.amount,
      });
    }
    ctx.log(`demo suggestions: ${ideas.length} ideas, ${rewarded} adopted with rewards`);
  },
};
