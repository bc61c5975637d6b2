import { dayNumber, type IsoDate } from '../calendar/index.js';
import { explain, type Explanation } from '../explain/index.js';
import { ONE, ratio, roundRatio, shownPercent, toDecimal, type Decimal } from '../number/index.js';
import { competitionRank } from '../ranking/index.js';
import { LedgerRuleError } from './states.js';

/** One item as the close-out rate sees it: whose it is, when it was due, when (if) it closed. */
export interface RateItem {
  id: string;
  unitId: string;
  deadline: IsoDate;
  closedOn: IsoDate | null;
}

export type RateOutcome = 'on_time' | 'late' | 'overdue' | 'not_due';

/** One word per outcome, for the bulletin's columns and sentence and the web's statistics. */
export const RATE_OUTCOME_LABELS: Record<RateOutcome, string> = {
  on_time: '按期销号',
  late: '逾期销号',
  overdue: '逾期未办结',
  not_due: '未到期',
};

export interface UnitCloseOutRate {
  unitId: string;
  /** Items due in the period (deadline within it and not after `asOf`). */
  due: number;
  onTime: number;
  late: number;
  /** Due and still open on `asOf`. */
  overdue: number;
  /** Deadline in the period but after `asOf`: not counted yet. */
  notDue: number;
  /** onTime / due as a decimal in [0, 1] (six places); null when nothing was due (no evidence either way). */
  rate: Decimal | null;
  /** The rate as shown, "66.7%": rounded once from onTime / due, never from the six-place figure. */
  rateShown: string | null;
  /** Competition rank by the exact rate, then fewer overdue; null when nothing was due. */
  rank: number | null;
  explanation: Explanation;
}

/** What happened to one item by `asOf`. */
export function rateOutcome(item: Pick<RateItem, 'deadline' | 'closedOn'>, asOf: IsoDate): RateOutcome {
  const deadline = dayNumber(item.deadline);
  const today = dayNumber(asOf);
  if (item.closedOn !== null && dayNumber(item.closedOn) <= today)
    return dayNumber(item.closedOn) <= deadline ? 'on_time' : 'late';
  return deadline < today ? 'overdue' : 'not_due';
}

/**
 * 按期销号率 per unit for a period [from, to] seen on `asOf`: of the items due in the period, the
 * share closed by their deadline. Units listed in `unitIds` with no items come back with rate null,
 * so the composite evaluation can tell "nothing due" from "0 %". Deterministic: output by unit id.
 */
export function closeOutRates(input: {
  items: readonly RateItem[];
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  unitIds?: readonly string[];
}): UnitCloseOutRate[] {
  const from = dayNumber(input.from, 'from');
  const to = dayNumber(input.to, 'to');
  const byUnit = new Map<string, { item: RateItem; outcome: RateOutcome }[]>();
  for (const id of input.unitIds ?? []) byUnit.set(id, []);
  for (const item of input.items) {
    const d = dayNumber(item.deadline);
    if (d < from || d > to) continue;
    const list = byUnit.get(item.unitId) ?? [];
    list.push({ item, outcome: rateOutcome(item, input.asOf) });
    byUnit.set(item.unitId, list);
  }
  const rows = [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, list]) => {
      const n = (o: RateOutcome) => list.filter((x) => x.outcome === o).length;
      const onTime = n('on_time');
      const late = n('late');
      const overdue = n('overdue');
      const due = onTime + late + overdue;
      const exact = due === 0 ? null : ratio(onTime * ONE, due);
      const micro = exact === null ? null : roundRatio(exact);
      const children = list
        .filter((x) => x.outcome !== 'not_due')
        .sort((a, b) => (a.item.id < b.item.id ? -1 : 1))
        .map((x) =>
          explain(
            'ledger.item',
            null,
            { outcome: x.outcome, deadline: x.item.deadline, closedOn: x.item.closedOn },
            undefined,
            { type: 'ledger', id: x.item.id },
          ),
        );
      return {
        unitId,
        due,
        onTime,
        late,
        overdue,
        notDue: n('not_due'),
        rate: micro === null ? null : toDecimal(micro),
        rateShown: exact === null ? null : shownPercent(exact),
        exact,
        explanation: explain(
          'ledger.onTimeRate',
          micro,
          { due, onTime, late, overdue, from: input.from, to: input.to, asOf: input.asOf },
          children,
          { type: 'unit', id: unitId },
        ),
      };
    });
  const ranks = new Map(
    competitionRank(
      rows.map((r) => ({ id: r.unitId, keys: r.exact === null ? null : [r.exact, -r.overdue * ONE] })),
    ).map((r) => [r.id, r.rank]),
  );
  return rows.map(({ exact: _exact, ...r }) => ({ ...r, rank: ranks.get(r.unitId) ?? null }));
}

/** A period 'YYYY-MM' (or 'YYYY' for a year, 'YYYY-H1'/'YYYY-H2', 'YYYY-Q1'…) as its first and last day. */
export function periodRange(period: string): { from: IsoDate; to: IsoDate } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const span = (y: number, m1: number, m2: number) => ({
    from: `${y}-${pad(m1)}-01`,
    to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
  });
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return span(Number(m[1]), Number(m[2]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return span(Number(m[1]), Number(m[2]) * 6 - 5, Number(m[2]) * 6);
  m = /^(\d{4})$/.exec(period);
  if (m) return span(Number(m[1]), 1, 12);
  throw new LedgerRuleError(`期间“${period}”格式须为 YYYY-MM、YYYY-Q1…Q4、YYYY-H1/H2 或 YYYY`);
}
