import { explain, type Explanation } from '../explain/index.js';
import { check, mulDiv, parseDecimal, sum, type DecimalInput, type Micro } from '../number/index.js';

const HUNDRED = 100_000_000;

/** How an indicator's actual is read (DESIGN §2, §3.1). */
export type IndicatorValueInput =
  /** Count or amount to date (what the unit reports, prefilled from last month). */
  | { kind: 'cumulative'; cumulative: DecimalInput }
  /** Point-in-time rate or level reported for the period. */
  | { kind: 'rate'; value: DecimalInput }
  /** 同比: growth in % against the same period of the previous year. */
  | { kind: 'growth'; current: DecimalInput; priorYear: DecimalInput };

/** Growth in percent, (current − prior) / prior × 100, rounded once; the prior-year value must be positive. */
export function growthPercent(current: Micro, priorYear: Micro, item: string): Micro {
  check(priorYear > 0, `${item}.priorYear`, '上年同期值须大于 0，否则无法计算同比增速');
  return mulDiv(current - priorYear, HUNDRED, priorYear);
}

/** Cumulative to date from monthly increments (for data kept per month). */
export function cumulativeToDate(monthly: readonly Micro[], month: number): Micro {
  return sum(monthly.slice(0, month));
}

/** The actual an indicator is judged and scored on, with where it came from. */
export function indicatorActual(input: IndicatorValueInput, item: string): { actual: Micro; explanation: Explanation } {
  switch (input.kind) {
    case 'cumulative': {
      const v = parseDecimal(input.cumulative, `${item}.cumulative`);
      return {
        actual: v,
        explanation: explain('indicator.actual.cumulative', v, {}, [], { type: 'report', id: item }),
      };
    }
    case 'rate': {
      const v = parseDecimal(input.value, `${item}.value`);
      return { actual: v, explanation: explain('indicator.actual.rate', v, {}, [], { type: 'report', id: item }) };
    }
    case 'growth': {
      const current = parseDecimal(input.current, `${item}.current`);
      const prior = parseDecimal(input.priorYear, `${item}.priorYear`);
      const g = growthPercent(current, prior, item);
      return {
        actual: g,
        explanation: explain('indicator.actual.growth', g, {}, [
          explain('indicator.current', current, {}, [], { type: 'report', id: item }),
          explain('indicator.priorYear', prior, {}, [], { type: 'report', id: `${item}@priorYear` }),
        ]),
      };
    }
  }
}
