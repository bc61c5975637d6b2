import { createHash } from 'node:crypto';
import { dayNumber, fromDayNumber, type IsoDate, type LedgerState } from '@leitai/core';
import { and, eq } from 'drizzle-orm';
import { arenas, fileBlobs, files, ledgerSteps } from '../db/schema/index.js';
import { emit } from '../events/emit.js';
import { shanghaiDate } from '../jobs/clock.js';
import { announceColours, insertEvent, insertItem, insertSteps, itemFacts } from '../modules/ledger/index.js';
import * as units from '../modules/units/index.js';
import { demoUnitIds, demoUserIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * The demo ledger: three dozen items across 城阳区 in every state, drawn from the seeds (老旧小区改造,
 * 包保企业诉求, 问题限期见底清零, 停车泊位, 群众差评整改). Deadlines are relative to "today", so some are
 * always overdue or near; a few were returned once or closed late.
 */
type Row = [
  lead: string,
  co: string[],
  source: string,
  title: string,
  deadline: number,
  state: LedgerState,
  extra?: { closed?: number; returned?: string; steps?: [string, number, boolean][] },
];

const ROWS: Row[] = [
  // 城建: 老旧小区改造, 停车泊位, 市政与公园城市项目
  [
    'zjj',
    ['chengyang-jd'],
    '会议决定',
    '老旧小区改造：东城花园小区雨污分流及管网改造',
    25,
    'in_progress',
    {
      steps: [
        ['方案设计', -20, true],
        ['施工改造', 10, false],
        ['竣工验收', 25, false],
      ],
    },
  ],
  [
    'chengyang-jd',
    ['zjj'],
    '会议决定',
    '老旧小区改造：14个小区外立面整治及回迁安置衔接',
    -9,
    'in_progress',
    {
      steps: [
        ['入户摸排', -40, true],
        ['外立面施工', -9, false],
      ],
    },
  ],
  [
    'liuting',
    ['cgj', 'jtj'],
    '领导批示',
    '新增停车泊位：流亭街道年内新增停车泊位800个',
    2,
    'in_progress',
    {
      steps: [
        ['选址规划', -30, true],
        ['施工建设', -3, true],
        ['验收交付', 2, false],
      ],
    },
  ],
  ['cgj', [], '会议决定', '公园城市项目：白沙河生态廊道绿化提升', 40, 'acknowledged'],
  ['jtj', ['zrzyj'], '会议决定', '市政类项目：正阳路拓宽工程按计划开工', -5, 'acknowledged'],
  ['xiazhuang', ['zjj'], '会议决定', '旧村改造：夏庄街道5个旧村社区回迁安置', 60, 'assigned'],
  [
    'gxzh',
    ['jtj', 'zrzyj'],
    '领导批示',
    '地铁9号线沿线征迁及TOD项目一期拆迁收尾',
    15,
    'close_requested',
    { returned: '拆迁补偿协议签订台账不完整，请补充后重新申请' },
  ],
  ['slj', [], '督查发现', '雨污合流排查整治：主城区12处混接点限期整改', -20, 'closed', { closed: -22 }],
  ['sthjj', ['cgj'], '督查发现', '扬尘污染督查问题整改：建筑工地裸土覆盖不到位', -3, 'closed', { closed: -1 }],
  ['zrzyj', ['tzcj'], '企业诉求', '包保企业诉求：先进制造业项目用地指标协调', 20, 'in_progress'],
  // 经济: 包保企业, 项目招引
  [
    'gxj',
    ['jrj'],
    '企业诉求',
    '包保企业诉求：高端装备企业用电增容问题限期见底清零',
    -12,
    'in_progress',
    { returned: '供电方案未落实到位，企业仍反映增容未完成' },
  ],
  ['gxj', [], '擂台承诺', '局长擂台赛表态：年内新增规上工业企业15家', 90, 'acknowledged'],
  ['gxj', ['kjj'], '查摆问题', '查摆问题：专精特新企业培育政策兑现慢', 1, 'assigned'],
  ['gxj', [], '企业诉求', '包保企业诉求：配套企业厂房租金补贴兑现', -30, 'closed', { closed: -33 }],
  ['fgj', ['tjj'], '领导批示', '重点项目：260个城市更新重点项目投资计划调度', 10, 'close_requested'],
  ['fgj', [], '擂台承诺', '局长擂台赛表态：上半年新开工项目不少于50个', -2, 'close_requested'],
  ['fgj', ['gxzh'], '会议决定', '重点项目：亿元以上在建项目入库纳统', -15, 'closed', { closed: -10 }],
  ['fgj', [], '督查发现', '督查发现：项目审批代办服务响应不及时', 3, 'assigned'],
  ['tzcj', ['fgj'], '领导批示', '产业链招商：招引落地投资50亿元以上产业大项目', 120, 'in_progress'],
  ['swj', [], '企业诉求', '包保企业诉求：外贸企业出口退税办理提速', -7, 'acknowledged'],
  ['jrj', ['gxj'], '企业诉求', '包保企业诉求：中小企业首贷续贷融资对接', -40, 'closed', { closed: -41 }],
  ['kjj', [], '会议决定', '科技型中小企业评价入库年内翻番', 45, 'in_progress'],
  ['whlyj', ['scjgj'], '会议决定', '夜间经济街区业态提升及消费券兑付', -25, 'closed', { closed: -18 }],
  // 综合: 群众差评整改, 作风问题
  ['rsj', [], '群众差评', '群众差评整改：社保窗口高峰时段排队时间长', 5, 'acknowledged'],
  ['xzspj', [], '群众差评', '群众差评整改：企业开办“一次办好”材料反复退回', -4, 'in_progress'],
  ['xzspj', ['dsj'], '查摆问题', '问题限期见底清零：工业项目审批超时限问题', -60, 'closed', { closed: -62 }],
  ['xzspj', [], '督查发现', '作风暗访发现问题整改：政务大厅窗口人员脱岗', -14, 'closed', { closed: -15 }],
  ['yjglj', ['jihongtan'], '督查发现', '安全生产隐患排查：危化品企业隐患限期销号', 7, 'in_progress'],
  ['jtyj', ['jtj'], '群众差评', '群众差评整改：学校周边上下学交通拥堵', 12, 'close_requested'],
  ['wjj', [], '会议决定', '基层医疗机构家庭医生签约服务提升', -10, 'closed', { closed: -11 }],
  ['mzj', ['xifu'], '领导批示', '养老服务设施：镇街综合养老服务中心建设', 30, 'assigned'],
  ['dsj', ['xzspj'], '查摆问题', '政务数据共享：高频事项数据回流不及时', -1, 'in_progress'],
  // 镇街与功能区
  ['liuting', [], '群众差评', '群众差评整改：12345热线反映小区路灯不亮', -6, 'acknowledged'],
  ['liuting', ['cgj'], '督查发现', '违法建设治理：存量违建限期见底清零', -45, 'closed', { closed: -47 }],
  ['jihongtan', ['zrzyj'], '督查发现', '违法建设治理：棘洪滩街道存量违建拆除', 18, 'in_progress'],
  ['hetao', [], '企业诉求', '包保企业诉求：河套工业园区道路破损修复', -8, 'assigned'],
  ['hongdao', ['sthjj'], '会议决定', '海岸线综合整治及生态修复', 75, 'acknowledged'],
  ['gaoxin', ['kjj'], '擂台承诺', '书记擂台表态：新增科创载体面积10万平方米', 100, 'in_progress'],
  ['guidao', ['tzcj'], '会议决定', '轨道交通配套产业项目签约落地', -3, 'close_requested'],
];

const LEADER_UNITS = new Set(['fgj', 'gxj', 'swj', 'jrj', 'gxzh', 'liuting', 'xiazhuang']);
const REPORTERS: Record<string, string> = { fgj: 'reporter.fgj', gxj: 'reporter.gxj', liuting: 'reporter.liuting' };

export const ledgerSeeder: DemoSeeder = {
  name: '督查督办 ledger items',
  async seed(tx, ctx) {
    const today = shanghaiDate(ctx.today);
    const day = (offset: number): IsoDate => fromDayNumber(dayNumber(today) + offset);
    const at = (offset: number, hour = 10) => new Date(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const unitIds = await demoUnitIds(tx);
    const users = await demoUserIds(tx, ['organiser', 'leader', ...Object.values(REPORTERS)]);
    const organiser = users.get('organiser')!;
    // What the department heads promised at the finished demo arena (seeded before the ledger) links back to it.
    const [heads] = await tx
      .select({ id: arenas.id })
      .from(arenas)
      .where(eq(arenas.title, '“当龙头作表率开新局”局长擂台赛'));
    const unitId = (code: string) => {
      const id = unitIds.get(code);
      if (id === undefined) throw new Error(`demo ledger: unknown unit ${code}`);
      return id;
    };
    for (const [lead, co, source, title, deadlineOffset, state, extra = {}] of ROWS) {
      const deadline = day(deadlineOffset);
      // Items were assigned 30–60 days before their deadline, and at least 20 days ago.
      const created = Math.min(-20, deadlineOffset - 30 - (title.length % 4) * 10);
      const reporter = users.get(REPORTERS[lead] ?? '') ?? organiser;
      const closedOn = state === 'closed' ? day(extra.closed ?? deadlineOffset) : null;
      const item = await insertItem(tx, {
        officeUnitId: unitId('chengyang'),
        title,
        content: `${title}。请牵头单位倒排工期、挂图作战，按期报送进展，完成后上传佐证材料申请销号。`,
        source,
        leadUnitId: unitId(lead),
        coUnitIds: co.map(unitId),
        leaderId: LEADER_UNITS.has(lead) ? (users.get('leader') ?? null) : null,
        deadline,
        originalDeadline: deadline,
        priority: deadlineOffset < 0 ? 'urgent' : source === '领导批示' ? 'important' : 'normal',
        tags: source === '企业诉求' ? ['包保企业'] : title.includes('老旧小区') ? ['城市更新'] : [],
        arenaId: title.startsWith('局长擂台赛表态') ? (heads?.id ?? null) : null,
        state,
        version: 1,
        createdBy: organiser,
        createdAt: at(created, 9),
        closedOn,
        closedBy: closedOn ? organiser : null,
      });
      if (extra.steps)
        await insertSteps(
          tx,
          item.id,
          extra.steps.map(([t, off]) => ({ title: t, deadline: day(off) })),
        );
      for (const [i, [, off, done]] of (extra.steps ?? []).entries()) {
        if (done)
          await tx
            .update(ledgerSteps)
            .set({ doneOn: day(off - 1) })
            .where(and(eq(ledgerSteps.itemId, item.id), eq(ledgerSteps.seq, i + 1)));
      }
      const ev = (
        kind: string,
        offset: number,
        text: string,
        actor: number,
        actorName: string,
        data?: Record<string, unknown>,
      ) =>
        insertEvent(tx, {
          itemId: item.id,
          kind,
          actorId: actor,
          actorName,
          unitId: null,
          at: at(Math.min(offset, 0), 15),
          text,
          data: data ?? null,
        });
      await ev('assign', created, '', organiser, '王考核(organiser)', { deadline, leadUnitId: unitId(lead) });
      if (state === 'assigned') {
        await emit(tx, { type: 'ledger.item.assigned', deadline, fromUnitName: null, ...itemFacts(item) });
        continue;
      }
      const leadName = (await units.nameOf(tx, unitId(lead)))!;
      const unitActor = REPORTERS[lead] ? `${leadName}(${REPORTERS[lead]})` : leadName;
      await ev('acknowledge', created + 1, '已签收', reporter, unitActor);
      if (state === 'acknowledged') continue;
      await ev('progress', created + 10, '已制定工作方案，明确责任人和时间节点，正按计划推进', reporter, unitActor);
      const evidence = async (offset: number, text: string) => {
        const e = await ev('request_close', offset, text, reporter, unitActor);
        const content = Buffer.from(`${title}\n${text}\n（演示佐证材料）`);
        const [f] = await tx
          .insert(files)
          .values({
            name: `${title.slice(0, 12)}佐证材料.txt`,
            mime: 'text/plain',
            size: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            uploadedBy: reporter,
            unitId: unitId(lead),
            ownerType: 'ledger_event',
            ownerId: String(e.id),
          })
          .returning({ id: files.id });
        await tx.insert(fileBlobs).values({ fileId: f!.id, content });
      };
      if (extra.returned) {
        await evidence(created + 15, '已基本完成，申请销号');
        await ev('return', created + 16, extra.returned, organiser, '王考核(organiser)');
        await emit(tx, { type: 'ledger.item.returned', reason: extra.returned, ...itemFacts(item) });
      }
      if (state === 'in_progress') continue;
      const requestOffset = closedOn ? dayNumber(closedOn) - dayNumber(today) - 1 : -1;
      await evidence(requestOffset, '已按要求完成整改，现场照片及验收材料见附件，申请销号');
      if (state === 'close_requested') continue;
      await ev('close', requestOffset + 1, '佐证材料齐全，经现场核查，予以销号', organiser, '王考核(organiser)', {
        closedOn,
      });
    }
    const summary = await announceColours(tx, today);
    ctx.log(`demo ledger: ${ROWS.length} items; ${summary}`);
  },
};
