import { check } from '../number/index.js';
import type { WarningState } from './warning.js';

/**
 * A rung of the escalation ladder (三亚's 约谈 ladder: one yellow card → talk with the project head;
 * two yellows → the deputy leader in charge; a red → the leader in charge). A rung is reached when
 * the cards counted reach either of its numbers. Rungs are listed mildest first.
 */
export interface LadderStep {
  id: string;
  yellows?: number;
  reds?: number;
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { id: '约谈项目负责人', yellows: 1 },
  { id: '约谈分管副职', yellows: 2 },
  { id: '约谈分管领导', reds: 1 },
];

/**
 * The highest rung reached by a run of warnings (e.g. the months of the current year, oldest first);
 * null when none is. Overdue reports count as yellow cards: a missing report is never better than a late one.
 */
export function escalation(
  states: readonly WarningState[],
  ladder: readonly LadderStep[] = DEFAULT_LADDER,
): { step: LadderStep | null; yellows: number; reds: number } {
  ladder.forEach((s, i) =>
    check((s.yellows ?? 0) > 0 || (s.reds ?? 0) > 0, `ladder[${i}]`, `约谈层级“${s.id}”须设黄牌数或红牌数`),
  );
  const yellows = states.filter((s) => s === 'yellow' || s === 'overdue').length;
  const reds = states.filter((s) => s === 'red').length;
  let step: LadderStep | null = null;
  for (const s of ladder)
    if ((s.yellows !== undefined && yellows >= s.yellows) || (s.reds !== undefined && reds >= s.reds)) step = s;
  return { step, yellows, reds };
}
