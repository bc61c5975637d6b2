import {
  closeOutEvidenceProblem,
  dayNumber,
  extendSteps,
  extensionProblem,
  LEDGER_ACTION_LABELS,
  LEDGER_REASON_MIN,
  LEDGER_STATE_LABELS,
  ledgerTransition,
  unfinishedStepsProblem,
  type Actor,
  type IsoDate,
  type LedgerState,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalidState, notFound } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { claimFiles } from '../files/index.js';
import { actingParty, asAppError, itemParties, partiesOf, partyUnitIds } from './access.js';
import { emit } from '../../events/emit.js';
import { itemFacts } from './facts.js';
import {
  decideExtension,
  getItem,
  insertEvent,
  insertExtension,
  lockItem,
  markStepDone,
  moveSteps,
  pendingExtension,
  stepsOf,
  subItemCounts,
  unitsByIds,
  updateItem,
  type ItemRow,
} from './repository.js';
import { ledgerSettings, loadCalendar } from './settings.js';

/** As ZAction parsed it: the reasons of a return, an extension request and a transfer are already long enough. */
export type ActionInput =
  | { action: 'acknowledge' }
  | { action: 'progress'; text: string; fileIds: number[] }
  | { action: 'complete_step'; stepId: number }
  | { action: 'request_close'; text: string; fileIds: number[] }
  | { action: 'confirm_close'; text: string }
  | { action: 'comment'; text: string }
  | { action: 'close'; text: string }
  | { action: 'return'; reason: string }
  | { action: 'request_extension'; deadline: IsoDate; reason: string }
  | { action: 'decide_extension'; approve: boolean; reason: string }
  | { action: 'reassign'; leadUnitId: number; reason: string };

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);
const snapshot = (i: ItemRow) => ({
  state: i.state,
  deadline: i.deadline,
  leadUnitId: i.leadUnitId,
  coUnitIds: i.coUnitIds,
  version: i.version,
  closedOn: i.closedOn,
});

/**
 * One step of an item's life, all or nothing: the item row is locked, the version the person saw is
 * checked (two people closing at once: the second gets a 409), the state machine in core decides,
 * then the change, its history entry, evidence files, audit entry and notices commit together.
 */
export async function act(
  db: Db,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: ActionInput & { version?: number | undefined },
  today: IsoDate,
): Promise<ItemRow> {
  try {
    return await db.transaction(async (tx) => {
      const item = await lockItem(tx, id);
      if (!item) throw notFound('督办事项');
      const unitMap = await unitsByIds(tx, partyUnitIds(item));
      if (input.version !== undefined && input.version !== item.version) {
        throw conflict(
          `该事项刚被他人更新（当前状态：${stateLabel(item.state)}），你的“${LEDGER_ACTION_LABELS[input.action]}”未执行，请刷新后再操作`,
          { version: item.version, state: item.state },
        );
      }
      const party = actingParty(actor, itemParties(item, unitMap), item.state, input.action);
      // The lead unit's head: a close-out request of theirs needs no second signature (core's ledgerTransition).
      const policy = await ledgerSettings(tx);
      const parties = itemParties(item, unitMap);
      const isHead = partiesOf(actor, parties).includes('lead_head');
      const state = ledgerTransition(item.state, input.action, party, policy, isHead);
      const event = (kind: string, text: string, data?: Record<string, unknown>) =>
        insertEvent(tx, {
          itemId: item.id,
          kind,
          actorId: actor.userId,
          actorName: who.name,
          unitId: actor.unitId,
          text,
          data: data ?? null,
        });
      let updated: ItemRow;
      let movedSteps: { id: number; title: string; from: string; deadline: string }[] = [];

      switch (input.action) {
        case 'acknowledge':
          await event('acknowledge', '已签收');
          updated = await updateItem(tx, item, { state });
          break;
        case 'progress': {
          if (input.text.trim().length < 2) throw bad('进展情况至少填写 2 个字');
          const ev = await event('progress', input.text.trim());
          await claimFiles(tx, actor, input.fileIds, {
            ownerType: 'ledger_event',
            ownerId: ev.id,
            unitId: item.leadUnitId,
          });
          updated = await updateItem(tx, item, { state });
          break;
        }
        case 'complete_step': {
          const step = await markStepDone(tx, item.id, input.stepId, today);
          if (!step) throw invalidState('该节点不存在或已完成');
          await event('complete_step', `完成节点：${step.title}`, {
            stepId: step.id,
            deadline: step.deadline,
            doneOn: today,
          });
          updated = await updateItem(tx, item, { state });
          break;
        }
        case 'request_close': {
          const problem = closeOutEvidenceProblem({ text: input.text, fileCount: input.fileIds.length });
          if (problem) throw bad(problem);
          const unfinished = ((await stepsOf(tx, [item.id])).get(item.id) ?? []).filter((s) => s.doneOn === null);
          const refused = unfinishedStepsProblem(policy, unfinished.length);
          if (refused) throw invalidState(refused);
          const ev = await event(
            'request_close',
            input.text.trim(),
            unfinished.length > 0
              ? { unfinishedSteps: unfinished.map((s) => ({ id: s.id, title: s.title, deadline: s.deadline })) }
              : undefined,
          );
          await claimFiles(tx, actor, input.fileIds, {
            ownerType: 'ledger_event',
            ownerId: ev.id,
            unitId: item.leadUnitId,
          });
          updated = await updateItem(tx, item, { state });
          await emit(
            tx,
            state === 'close_confirming'
              ? { type: 'ledger.item.close_confirm_requested', byName: who.name, ...itemFacts(updated) }
              : {
                  type: 'ledger.item.close_requested',
                  byName: who.name,
                  unfinishedSteps: unfinished.length,
                  ...itemFacts(updated),
                },
          );
          break;
        }
        case 'confirm_close': {
          const unfinished = ((await stepsOf(tx, [item.id])).get(item.id) ?? []).filter((s) => s.doneOn === null);
          await event('confirm_close', input.text.trim() || '负责人已确认，报考核办审核销号');
          updated = await updateItem(tx, item, { state });
          await emit(tx, {
            type: 'ledger.item.close_requested',
            byName: who.name,
            unfinishedSteps: unfinished.length,
            ...itemFacts(updated),
          });
          break;
        }
        case 'comment':
          await event('comment', input.text.trim());
          updated = await updateItem(tx, item, {});
          break;
        case 'close':
          await event('close', input.text.trim() || '审核通过，予以销号', { closedOn: today });
          updated = await updateItem(tx, item, { state, closedOn: today, closedBy: actor.userId });
          await emit(tx, {
            type: 'ledger.item.closed',
            daysLate: Math.max(0, dayNumber(today) - dayNumber(item.deadline)),
            ...itemFacts(updated),
          });
          if (item.parentId !== null) await rollUp(tx, item.parentId);
          break;
        case 'return':
          await event('return', input.reason.trim());
          updated = await updateItem(tx, item, { state });
          await emit(tx, { type: 'ledger.item.returned', reason: input.reason.trim(), ...itemFacts(updated) });
          break;
        case 'request_extension': {
          if (dayNumber(input.deadline) <= dayNumber(item.deadline))
            throw bad(`延期后的期限须晚于现期限 ${item.deadline}`);
          const waiting = extensionProblem('request_extension', (await pendingExtension(tx, item.id)) !== undefined);
          if (waiting) throw invalidState(waiting);
          const ext = await insertExtension(tx, {
            itemId: item.id,
            requestedDeadline: input.deadline,
            reason: input.reason.trim(),
            requestedBy: actor.userId,
          });
          await event('request_extension', input.reason.trim(), {
            extensionId: ext.id,
            from: item.deadline,
            to: input.deadline,
          });
          updated = await updateItem(tx, item, {});
          await emit(tx, {
            type: 'ledger.item.extension_requested',
            deadline: input.deadline,
            reason: input.reason.trim(),
            ...itemFacts(updated),
          });
          break;
        }
        case 'decide_extension': {
          const ext = await pendingExtension(tx, item.id);
          if (!ext) throw invalidState(extensionProblem('decide_extension', false)!);
          // Only a refusal must say why, so the schema cannot: the same minimum, checked here.
          if (!input.approve && input.reason.trim().length < LEDGER_REASON_MIN) throw bad('不同意延期须说明理由');
          await decideExtension(tx, ext.id, {
            status: input.approve ? 'approved' : 'refused',
            decidedBy: actor.userId,
            decision: input.reason.trim(),
          });
          // The open steps move with the deadline (整体顺延); the event keeps where each one was.
          const steps = input.approve ? ((await stepsOf(tx, [item.id])).get(item.id) ?? []) : [];
          const to = extendSteps(await loadCalendar(tx), item.deadline, ext.requestedDeadline, steps);
          movedSteps = steps.flatMap((s, i) =>
            to[i] === s.deadline ? [] : [{ id: s.id, title: s.title, from: s.deadline, deadline: to[i]! }],
          );
          await moveSteps(tx, item.id, movedSteps);
          await event(input.approve ? 'extension_approved' : 'extension_refused', input.reason.trim(), {
            extensionId: ext.id,
            from: item.deadline,
            to: ext.requestedDeadline,
            ...(movedSteps.length ? { steps: movedSteps } : {}),
          });
          // A moved deadline starts its warnings afresh.
          updated = await updateItem(
            tx,
            item,
            input.approve ? { deadline: ext.requestedDeadline, notifiedColour: null } : {},
          );
          await emit(tx, {
            type: 'ledger.item.extension_decided',
            approved: input.approve,
            deadline: ext.requestedDeadline,
            movedSteps: movedSteps.length,
            reason: input.reason.trim(),
            ...itemFacts(updated),
          });
          break;
        }
        case 'reassign': {
          if (input.leadUnitId === item.leadUnitId) throw bad('转办的单位与现牵头单位相同');
          const target = (await unitsByIds(tx, [input.leadUnitId])).get(input.leadUnitId);
          if (!target?.active) throw bad('转办的单位不存在或已停用');
          await event('reassign', input.reason.trim(), {
            from: item.leadUnitId,
            fromName: unitMap.get(item.leadUnitId)?.name,
            to: target.id,
            toName: target.name,
          });
          updated = await updateItem(tx, item, {
            state,
            leadUnitId: target.id,
            coUnitIds: item.coUnitIds.filter((u) => u !== target.id),
            notifiedColour: null,
          });
          await emit(tx, {
            type: 'ledger.item.assigned',
            deadline: item.deadline,
            fromUnitName: unitMap.get(item.leadUnitId)?.name ?? '',
            ...itemFacts(updated),
          });
          break;
        }
      }
      await recordAudit(tx, who, {
        action: `ledger.${input.action}`,
        targetType: 'ledger_item',
        targetId: item.id,
        unitId: updated.leadUnitId,
        before: snapshot(item),
        after: { ...snapshot(updated), ...(movedSteps.length ? { steps: movedSteps } : {}) },
      });
      return updated;
    });
  } catch (e) {
    throw asAppError(e);
  }
}

/** The last sub-item closed: whoever created the parent hears that it can be reviewed for close-out. */
async function rollUp(tx: Db, parentId: number): Promise<void> {
  const parent = await getItem(tx, parentId);
  const counts = (await subItemCounts(tx, [parentId])).get(parentId);
  if (!parent || parent.state === 'closed' || !counts || counts.closed < counts.total) return;
  await emit(tx, { type: 'ledger.item.children_closed', children: counts.total, ...itemFacts(parent) });
}

const stateLabel = (s: LedgerState) => LEDGER_STATE_LABELS[s];
