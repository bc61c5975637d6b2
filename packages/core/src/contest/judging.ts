import type { ArenaStatus, HostState } from './host.js';

/** What a signed-in judge may do next with an arena on their home. */
export type JudgingAction = 'score' | 'wait' | 'done';

/** 去评分 while the arena is live, 未开始 before (the scoring page shows it waiting), 已结束 after. */
export function judgingAction(state: Pick<HostState, 'status'>): JudgingAction {
  const byStatus: Record<ArenaStatus, JudgingAction> = { draft: 'wait', live: 'score', finished: 'done' };
  return byStatus[state.status];
}

/**
 * A judge's arenas in the order their home lists them: today's first, then the coming ones soonest first,
 * then the past ones latest first. Dates are calendar dates (YYYY-MM-DD), so text order is date order.
 */
export function judgingOrder<T extends { heldOn: string; id: number }>(arenas: readonly T[], today: string): T[] {
  const rank = (a: T) => (a.heldOn === today ? 0 : a.heldOn > today ? 1 : 2);
  return [...arenas].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    if (a.heldOn !== b.heldOn) return rank(a) === 2 ? (a.heldOn < b.heldOn ? 1 : -1) : a.heldOn < b.heldOn ? -1 : 1;
    return a.id - b.id;
  });
}
