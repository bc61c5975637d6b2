import { ONE, ratio } from '../number/index.js';
import { competitionRank } from '../ranking/index.js';
import { REPORT_TIMING_LABELS, type ReportTiming } from './period.js';
import { REPORT_STATE_LABELS, type ReportState } from './report-state.js';

/**
 * A unit's true reporting state for one period, as the board and the bulletin print it. Only accepted
 * figures count (docs/dispatch.md), so only 按时 and 逾期 carry figures; the others carry none.
 */
export type ReportingState = 'on_time' | 'late' | 'returned' | 'submitted' | 'missing' | 'not_due';

/** The timing words where a state is a timing (one word per state: 逾期 everywhere), 待审核 the report's own. */
export const REPORTING_STATE_LABELS: Record<ReportingState, string> = {
  on_time: REPORT_TIMING_LABELS.on_time,
  late: REPORT_TIMING_LABELS.late,
  returned: '退回未改',
  submitted: REPORT_STATE_LABELS.submitted,
  missing: REPORT_TIMING_LABELS.missing,
  not_due: REPORT_TIMING_LABELS.not_due,
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
