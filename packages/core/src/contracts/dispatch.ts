import type { ReportState, ReportTiming } from '../dispatch/index.js';
import type { WarningState } from '../pace/index.js';

/** One unit × indicator × month on the dispatch board (decimals as text). */
export interface Cell {
  indicatorId: number;
  base: string;
  stretch: string | null;
  actual: string | null;
  expected: string;
  pace: string;
  gapPoints: string | null;
  ratio: string | null;
  state: WarningState;
  flag: string | null;
}

export interface BoardRow {
  unit: { id: number; code: string; name: string; categoryId: number | null; categoryName: string };
  report: {
    id: number | null;
    state: ReportState | 'none';
    timing: ReportTiming;
    version: number;
    firstSubmittedOn: string | null;
    returnReason: string | null;
  };
  cells: Cell[];
  counts: Record<WarningState, number>;
  /** Rank within the category for the period: share of green lights, then fewest red (for the bulletin and sorting). */
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
