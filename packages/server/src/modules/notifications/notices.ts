import { REPORT_STATE_LABELS, splitPeriod, unfinishedStepsFlag } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { EventConsumer } from '../../events/consumer.js';
import type { DomainEvent, LedgerItemFacts } from '../../events/types.js';
import { enqueueDeliveries } from './delivery.js';
import { holdersOfKey } from './repository.js';
import {
  notify,
  officeRecipients,
  recipientsByUnit,
  unitHeadRecipients,
  unitRecipients,
  type NotificationInput,
} from './service.js';

/**
 * The bell: which domain events tell whom what. One place for every notice's words; the use cases
 * only say what happened (events/types.ts). Dedupe keys make a notice once-only per user, so a job
 * that runs again, or an event delivered again after a crash, tells nobody twice.
 */

/** One notice and the accounts it goes to. */
interface Notice extends NotificationInput {
  to: number[];
}

const itemLink = (e: LedgerItemFacts) => `/ledger/items/${e.itemId}`;

/** The lead unit's accounts and the responsible leader. */
async function leadUnit(tx: Db, e: LedgerItemFacts, n: Omit<NotificationInput, 'link'>): Promise<Notice[]> {
  const to = await unitRecipients(tx, [e.leadUnitId]);
  if (e.leaderId) to.push(e.leaderId);
  return [{ ...n, link: itemLink(e), to }];
}

/** The organiser who created the item (a close-out or an extension waits for them); the office for a system item. */
const organiser = async (tx: Db, e: LedgerItemFacts, n: Omit<NotificationInput, 'link'>): Promise<Notice[]> => [
  { ...n, link: itemLink(e), to: e.createdBy === null ? await officeRecipients(tx) : [e.createdBy] },
];

/** What an event tells, and whom; none for the events that are nobody's bell. */
async function noticesOf(tx: Db, e: DomainEvent): Promise<Notice[]> {
  switch (e.type) {
    case 'report.submitted':
      return [
        {
          to: await officeRecipients(tx),
          kind: 'dispatch.submitted',
          title: `${REPORT_STATE_LABELS.submitted}：${e.unitName} ${splitPeriod(e.period).month} 月调度`,
          body: e.resubmitted ? '退回后已重新报送' : '',
          link: `/dispatch/report/${e.unitId}/${e.period}`,
          dedupeKey: `dispatch:${e.reportId}:submitted:${e.version}`,
        },
      ];
    case 'report.handed_off':
      return [
        {
          to: await unitHeadRecipients(tx, [e.unitId]),
          kind: 'dispatch.handed_off',
          title: `${REPORT_STATE_LABELS.handed_off}：${e.unitName} ${splitPeriod(e.period).month} 月调度`,
          body: `${e.by} 已填报完成并提交，请核对后报送考核办`,
          link: `/dispatch/report/${e.unitId}/${e.period}`,
          dedupeKey: `dispatch:${e.reportId}:handed_off:${e.version}`,
        },
      ];
    case 'report.reviewed': {
      const returned = e.verdict === 'return';
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: returned ? 'dispatch.returned' : 'dispatch.accepted',
          title: `${e.period} 月度调度${returned ? '被退回' : '已审核通过'}`,
          body: returned ? `退回原因：${e.reason}` : '',
          link: `/dispatch/report/${e.unitId}/${e.period}`,
        },
      ];
    }
    case 'report.reminder': {
      const m = splitPeriod(e.period).month;
      const r = e.reminder;
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: `dispatch.${r.kind}`,
          title: r.kind === 'overdue' ? `逾期未报：${m} 月调度` : `催报：${m} 月调度将于 ${e.deadline} 截止`,
          body:
            r.kind === 'overdue'
              ? `${m} 月调度已过截止日期 ${e.deadline} ${r.daysOverdue} 天，尚未报送，请尽快填报并报送`
              : r.workingDaysLeft === 0
                ? '今天是截止日，请及时报送'
                : `还剩 ${r.workingDaysLeft} 个工作日，请及时填报并报送`,
          link: `/dispatch/report/${e.unitId}/${e.period}`,
          dedupeKey: `dispatch:${e.periodId}:${e.unitId}:${r.kind}:${e.deadline}`,
        },
      ];
    }
    case 'dispatch.period.opened': {
      const m = splitPeriod(e.period).month;
      const recipients = await recipientsByUnit(tx, e.unitIds);
      return e.unitIds.map((unitId) => ({
        to: recipients.get(unitId) ?? [],
        kind: 'dispatch.opened',
        title: `${m} 月调度${e.reopened ? '重新开放' : '已开启'}，请于 ${e.deadline} 前报送`,
        link: `/dispatch/report/${unitId}/${e.period}`,
        dedupeKey: `dispatch:${e.periodId}:opened:${e.deadline}`,
      }));
    }
    case 'target.change.requested':
      return [
        {
          to: await officeRecipients(tx),
          kind: 'target.change_requested',
          title: `目标调整待审批：${e.unitName} · ${e.indicatorName}`,
          body: `申请由 ${e.from} 调整为 ${e.to}：${e.reason}`,
          link: '/dispatch/setup',
        },
      ];
    case 'target.change.decided':
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: e.approved ? 'target.change_approved' : 'target.change_refused',
          title: `目标调整${e.approved ? '已批准' : '未批准'}：${e.indicatorName}`,
          body: e.approved ? `目标调整为 ${e.to}` : e.comment ? `意见：${e.comment}` : '维持原目标',
          link: '/dispatch/unit',
        },
      ];
    case 'ledger.item.assigned':
      return leadUnit(tx, e, {
        kind: 'ledger.assigned',
        title: `${e.fromUnitName === null ? '新督办事项' : '转办督办事项'}：${e.title}`,
        body:
          e.fromUnitName === null
            ? `完成期限 ${e.deadline}，请及时签收办理`
            : `由${e.fromUnitName}转至你单位办理，完成期限 ${e.deadline}`,
      });
    case 'ledger.item.co_assigned':
      if (e.coUnitIds.length === 0) return [];
      return [
        {
          to: await unitRecipients(tx, e.coUnitIds),
          kind: 'ledger.co_assigned',
          title: `配合督办事项：${e.title}`,
          body: `牵头单位：${e.leadUnitName}，完成期限 ${e.deadline}，请配合办理`,
          link: itemLink(e),
        },
      ];
    case 'ledger.item.close_requested':
      return organiser(tx, e, {
        kind: 'ledger.close_requested',
        title: `申请销号：${e.title}`,
        body:
          unfinishedStepsFlag(e.unfinishedSteps) === null
            ? `${e.byName} 提交了销号申请，请审核佐证材料`
            : `${e.byName} 提交了销号申请；${unfinishedStepsFlag(e.unfinishedSteps)}`,
      });
    case 'ledger.item.close_confirm_requested':
      return [
        {
          to: await unitHeadRecipients(tx, [e.leadUnitId]),
          kind: 'ledger.close_confirm_requested',
          title: `待负责人确认销号：${e.title}`,
          body: `${e.byName} 提交了销号申请，请确认后报考核办审核`,
          link: itemLink(e),
        },
      ];
    case 'ledger.item.closed':
      return leadUnit(tx, e, {
        kind: 'ledger.closed',
        title: `已销号：${e.title}`,
        body: e.daysLate > 0 ? `逾期 ${e.daysLate} 天办结` : '按期办结',
      });
    case 'supervision.urged':
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: 'supervision.urged',
          title: `催办（第 ${e.count} 次）：${e.what}`,
          body: e.message ? `${e.byName}：${e.message}` : `${e.byName}催办，请尽快办理`,
          link: e.link,
          dedupeKey: `urge:${e.urgeId}`,
        },
      ];
    case 'supervision.instructed':
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: 'supervision.instructed',
          title: `领导批示：${e.what}`,
          body: `${e.byName}批示：${e.text}`,
          link: e.link,
          dedupeKey: `instruction:${e.instructionId}`,
        },
      ];
    case 'supervision.answered':
      return [
        {
          to: [e.leaderId],
          kind: 'supervision.answered',
          title: `批示已回复：${e.what}`,
          body: `${e.byName}回复：${e.answer}`,
          link: e.link,
          dedupeKey: `instruction-answer:${e.instructionId}`,
        },
      ];
    case 'ledger.item.returned':
      return leadUnit(tx, e, {
        kind: 'ledger.returned',
        title: `销号申请被退回：${e.title}`,
        body: `退回理由：${e.reason}`,
      });
    case 'ledger.item.extension_requested':
      return organiser(tx, e, {
        kind: 'ledger.extension_requested',
        title: `申请延期：${e.title}`,
        body: `申请延至 ${e.deadline}：${e.reason}`,
      });
    case 'ledger.item.extension_decided':
      return leadUnit(tx, e, {
        kind: 'ledger.extension_decided',
        title: `延期申请${e.approved ? '已同意' : '未同意'}：${e.title}`,
        body: e.approved
          ? `期限调整为 ${e.deadline}${e.movedSteps > 0 ? `，${e.movedSteps} 个未完成节点相应顺延` : ''}`
          : `理由：${e.reason}`,
      });
    case 'ledger.item.children_closed':
      return organiser(tx, e, {
        kind: 'ledger.children_closed',
        title: `子事项已全部销号：${e.title}`,
        body: `${e.children} 个子事项均已销号，请审核主事项是否销号`,
      });
    case 'ledger.item.overdue': {
      const what = e.step === null ? '事项' : `节点“${e.step}”`;
      return leadUnit(tx, e, {
        kind: `ledger.${e.colour}`,
        title: `${e.colour === 'red' ? '逾期' : '临期'}提醒：${e.title}`,
        body:
          e.colour === 'red'
            ? `${what}已逾期 ${e.daysOverdue} 天（期限 ${e.deadline}），请尽快办结`
            : `${what}将于 ${e.deadline} 到期（还剩 ${e.daysLeft} 天）`,
        dedupeKey: `ledger:${e.itemId}:${e.colour}:${e.deadline}`,
      });
    }
    case 'ledger.item.rater_verdict':
      // The citizen who raised it judged the answer (追评): the unit hears either way, the office when unsatisfied.
      return [
        ...(await leadUnit(tx, e, {
          kind: e.satisfied ? 'ledger.rater_satisfied' : 'ledger.returned',
          title: e.satisfied ? `群众追评满意：${e.title}` : `群众追评不满意，已退回：${e.title}`,
          body: e.satisfied ? (e.closed ? '事项已办结' : '') : e.text ? `追评：${e.text}` : '请重新办理',
        })),
        ...(e.satisfied
          ? []
          : await organiser(tx, e, {
              kind: 'ledger.rater_unsatisfied',
              title: `群众追评不满意：${e.title}`,
              body: '事项已退回牵头单位重新办理',
            })),
      ];
    case 'rating.held':
      // One notice a point a day: a burst is one thing to look at, however many ratings it holds.
      return [
        {
          to: await officeRecipients(tx),
          kind: 'rating.held',
          title: '有评价等待审核（异常集中提交）',
          body: e.reason,
          link: '/ratings?tab=review',
          dedupeKey: `rating:held:${e.pointId}:${e.day}`,
        },
      ];
    case 'rating.appealed':
      return [
        {
          to: await officeRecipients(tx),
          kind: 'rating.appealed',
          title: `差评申诉：${e.unitName}`,
          body: e.reason,
          link: '/ratings?tab=appeals',
          dedupeKey: `rating:appeal:${e.ratingId}`,
        },
      ];
    case 'evaluation.published':
      return [
        {
          to: await unitRecipients(tx, e.unitIds),
          kind: `evaluation.${e.stage}`,
          title: e.stage === 'comment' ? `${e.name}结果公示` : `${e.name}结果正式发布（第 ${e.version} 版）`,
          body:
            e.stage === 'comment'
              ? `公示期至 ${e.commentUntil ?? ''}；对本单位分项得分有异议的，请在公示期内提出申诉`
              : '结果已定，不再受理申诉',
          link: `/evaluations/${e.evaluationId}`,
          dedupeKey: `evaluation:${e.evaluationId}:${e.stage}:${e.version}`,
        },
      ];
    case 'evaluation.appeal.filed':
      return [
        {
          to: await officeRecipients(tx),
          kind: 'evaluation.appeal',
          title: `考核申诉：${e.unitName}（${e.componentName}）`,
          body: '',
          link: `/evaluations/${e.evaluationId}?tab=appeals`,
          dedupeKey: `evaluation:appeal:${e.appealId}`,
        },
      ];
    case 'evaluation.appeal.settled':
      return [
        {
          to: await unitRecipients(tx, [e.unitId]),
          kind: 'evaluation.appeal.settled',
          title: `考核申诉${e.upheld ? '成立' : '不予支持'}：${e.componentName}`,
          body: e.decision,
          link: `/evaluations/${e.evaluationId}?tab=appeals`,
          dedupeKey: `evaluation:appeal:${e.appealId}:settled`,
        },
      ];
    case 'arena.drawn':
    case 'arena.recusal.added':
    case 'arena.host.acted':
    case 'arena.contestant.revealed':
    case 'arena.score.submitted':
      return []; // the live view's business (realtime), nobody's bell
    default: {
      const unhandled: never = e;
      throw new Error(`notices: unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * How many notices delivering the event would add now: its recipients, less those already holding
 * its dedupe key. A daily job asks before it emits, so its summary counts the accounts it tells and
 * a reminder told already is not emitted again.
 */
export async function newNotices(tx: Db, e: DomainEvent): Promise<number> {
  let n = 0;
  for (const notice of await noticesOf(tx, e)) {
    const to = new Set(notice.to);
    if (notice.dedupeKey) for (const held of await holdersOfKey(tx, notice.dedupeKey, [...to])) to.delete(held);
    n += to.size;
  }
  return n;
}

/** The outbox consumer that writes the bell's rows, and queues their outside deliveries (delivery.ts) in the same transaction. */
export const noticeConsumer: EventConsumer = {
  name: 'notifications',
  topics: 'all',
  handle: async (tx, e) => {
    for (const { to, ...notice } of await noticesOf(tx, e)) {
      const created = await notify(tx, to, notice);
      await enqueueDeliveries(tx, notice, created);
    }
  },
};
