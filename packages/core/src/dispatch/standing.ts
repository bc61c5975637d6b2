import { ONE, ratio } from '../number/index.js';
import { competitionRank } from '../ranking/index.js';
import type { ReportTiming } from './period.js';
import type { ReportState } from './report-state.js';

/**
 * A unit's true reporting state for one period, as the board and the bulletin print it. Only accepted
 * figures count (docs/dispatch.md), so only 按时 and 逾期 carry figures; the others carry none.
 */
export type ReportingState = 'on_time' | 'late' | 'returned' | 'submitted' | 'missing' | 'not_due';

export const REPORTING_STATE_LABELS: Record<ReportingState, string> = {
  on_time: '按时',
  late: '逾期',
  returned: '退回未改',
  submitted: '待审核',
  missing: '未报',
  not_due: '未到期',
};

export function reportingState(state: ReportState | 'none', timing: ReportTiming): ReportingState {
  if (state === 'accepted') return timing === 'late' ? 'late' : 'on_time';
  if (state === 'returned') return 'returned';
  if (state === 'submitted') return 'submitted';
  return timing === 'missing' ? 'missing' : 'not_due';
}

export const carriesFigures = (s: ReportingState): boolean => s === 'on_time' || s === 'late';

/** The ranking rule, stated once for the bulletin's text. */
export const STANDING_RULE =
  '排名规则：报送数据经审核采用的单位，按绿灯占比从高到低、红灯数从少到多、逾期未报指标数从少到多排名；退回未改、待审核、未报的单位没有可比数据，列于有数据单位之后，并列同一名次。';

/**
 * Standings within one category (competition ranking, ties shared): units with accepted figures by
 * share of green lights (exactly: 2 of 6 ties 1 of 3), then fewest red, then fewest overdue; units without figures after all of them,
 * sharing one rank (nothing to compare them by).
 */
export function boardStandings(
  rows: readonly {
    id: string;
    state: ReportingState;
    cells: number;
    green: number;
    red: number;
    overdue: number;
  }[],
): Map<string, number | null> {
  const ranked = competitionRank(
    rows.map((r) => ({
      id: r.id,
      keys: carriesFigures(r.state)
        ? [ONE, ratio(r.green * ONE, Math.max(1, r.cells)), -r.red * ONE, -r.overdue * ONE]
        : [0],
    })),
  );
  return new Map(ranked.map((x) => [x.id, x.rank]));
}
