import type { ReportingState, ReportState, ReportTiming } from '../dispatch/index.js';
import type { PaceWarning, WarningState } from '../pace/index.js';

/**
 * One unit × indicator × month on the dispatch board: decimals as text, computed exactly and rounded
 * once to six places (what exports hold), and `shown`, the same rounded once to two places from the
 * exact values (what pages and bulletins print; never round the six-place figures again).
 */
export interface Cell {
  indicatorId: number;
  base: string;
  stretch: string | null;
  actual: string | null;
  expected: string;
  pace: string;
  gapPoints: string | null;
  ratio: string | null;
  shown: PaceWarning['shown'];
  state: WarningState;
  flag: string | null;
}

export interface BoardRow {
  unit: { id: number; code: string; name: string; categoryId: number | null; categoryName: string };
  report: {
    id: number | null;
    state: ReportState | 'none';
    timing: ReportTiming;
    /** The true reporting state (按时/逾期/退回未改/待审核/未报/未到期), from core's `reportingState`. */
    standing: ReportingState;
    version: number;
    firstSubmittedOn: string | null;
    returnReason: string | null;
  };
  cells: Cell[];
  counts: Record<WarningState, number>;
  /**
   * Rank within the category among all the district's units (core's `boardStandings`): a scoped view
   * filters rows, never recomputes ranks.
   */
  rank: number | null;
}

/** GET /api/dispatch/campaigns/:id/board */
export interface Board {
  period: { period: string; deadline: string; open: boolean };
  indicators: { id: number; name: string; measure: string; kind: string }[];
  categories: { id: number; name: string }[];
  rows: BoardRow[];
  totals: Record<WarningState, number>;
}
