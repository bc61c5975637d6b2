import { applyHostAction, ContestStateError, type HostAction } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, invalidState } from '../../errors.js';
import { notifyTopic } from '../../realtime/notify.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { liveSnapshot, type LiveSnapshot } from './live.js';
import { getArena, judgesOf, saveState } from './repo.js';
import type { HostActionInput } from './schema.js';
import { arenaTopic } from './setup.js';

/** Core speaks string ids; the API numbers. */
function toCore(a: HostActionInput): HostAction {
  if (a.type === 'call')
    return a.contestantId === undefined ? { type: 'call' } : { type: 'call', contestantId: String(a.contestantId) };
  if (a.type === 'reopen') return { type: 'reopen', contestantId: String(a.contestantId), reason: a.reason };
  if (a.type === 'absent' || a.type === 'present')
    return a.contestantId === undefined
      ? { type: a.type, judgeId: String(a.judgeId) }
      : { type: a.type, judgeId: String(a.judgeId), contestantId: String(a.contestantId) };
  return a;
}

/** One host action (start, call, timer, open/close scoring, reveal, reopen, finish), audited and broadcast; returns the new live view. */
export async function hostAction(
  db: Db,
  audit: AuditActor,
  arenaId: number,
  action: HostActionInput,
  now = Date.now(),
): Promise<LiveSnapshot> {
  await db.transaction(async (tx) => {
    const arena = await getArena(tx, arenaId, true);
    if (action.type === 'absent' || action.type === 'present') {
      const judges = await judgesOf(tx, arenaId);
      if (!judges.some((j) => j.id === action.judgeId)) throw new AppError('NOT_FOUND', '该评委不在本场评委名单中');
    }
    let next;
    try {
      next = applyHostAction(arena.state, toCore(action), now);
    } catch (err) {
      if (err instanceof ContestStateError) throw invalidState(err.message);
      throw err;
    }
    await saveState(tx, arenaId, next, next.status === 'finished' ? { finishedAt: new Date(now) } : {});
    if (action.type === 'absent' || action.type === 'present') {
      await recordAudit(tx, audit, {
        action: `arena.host.${action.type}`,
        targetType: 'arena',
        targetId: arenaId,
        before: { absent: arena.state.absent ?? [] },
        after: { absent: next.absent ?? [], judgeId: action.judgeId, contestantId: action.contestantId ?? null },
      });
      await notifyTopic(tx, arenaTopic(arenaId));
      return;
    }
    const subject = action.type === 'reopen' ? String(action.contestantId) : (next.current ?? arena.state.current);
    await recordAudit(tx, audit, {
      action: `arena.host.${action.type}`,
      targetType: 'arena',
      targetId: arenaId,
      before: {
        status: arena.state.status,
        current: arena.state.current,
        phase: subject === null ? null : (arena.state.phases[subject] ?? null),
      },
      after: {
        status: next.status,
        current: next.current,
        phase: subject === null ? null : (next.phases[subject] ?? null),
        ...(action.type === 'reopen' ? { reason: action.reason } : {}),
      },
    });
    await notifyTopic(tx, arenaTopic(arenaId));
  });
  return liveSnapshot(db, arenaId);
}
