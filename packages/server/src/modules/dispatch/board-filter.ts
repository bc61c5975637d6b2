import type { BoardRow } from '@leitai/core';

/** The board's filter on the report column (`?report=`): what the home page's to-dos link to. */
export type BoardReportFilter = 'submitted' | 'missing';

/** Waiting for the office's review, or not filed past the deadline (core's reporting state 'missing'). */
export const boardFilterHolds = (f: BoardReportFilter, row: BoardRow): boolean =>
  f === 'submitted' ? row.report.state === 'submitted' : row.report.standing === 'missing';
