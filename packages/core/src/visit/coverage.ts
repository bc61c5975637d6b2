import { dayNumber, type IsoDate } from '../calendar/index.js';

/** An assigned enterprise with the last day anyone visited it (null: never). */
export interface CoverageFact {
  enterpriseId: number;
  lastVisit: IsoDate | null;
}

/** Whether nobody visited the enterprise in the `days` days up to `today` (today included). */
export const unvisited = (f: CoverageFact, today: IsoDate, days: number): boolean =>
  f.lastVisit === null || dayNumber(today) - dayNumber(f.lastVisit) >= days;

/** Share of a group's assigned enterprises visited in the window, as a fraction; null for an empty group. */
export function coverageRate(facts: readonly CoverageFact[], today: IsoDate, days: number): number | null {
  if (facts.length === 0) return null;
  return facts.filter((f) => !unvisited(f, today, days)).length / facts.length;
}

/** 诉求 solved rate: solved of those dispatched; null when nothing was dispatched ("none" is not "0 %"). */
export const solvedRate = (dispatched: number, solved: number): number | null =>
  dispatched === 0 ? null : solved / dispatched;
