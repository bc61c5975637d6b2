import {
  ScoringInputError,
  mulDiv,
  parseDecimal,
  ratio,
  ratioOf,
  shownRatio,
  toDecimal,
  type Decimal,
  type Micro,
  type Ratio,
} from '../number/index.js';
import type { IndicatorKind } from '../pace/index.js';

/** What the report form knows about an indicator when it checks a figure. */
export interface FigureIndicator {
  /** The field's name in messages, e.g. "签约亿元以上项目（个）". */
  name: string;
  kind: IndicatorKind;
  /** Growth (同比) may fall below zero; counts and amounts may not. */
  allowNegative: boolean;
}

export interface FigureInput {
  /** What the person typed, or a number from Excel; blank means "not filled". */
  raw: string | number | null;
  /** This year's earlier values of the unit for this indicator, oldest first (cumulative ones to date). */
  history: readonly Decimal[];
}

/** error: the figure cannot be saved; flag: saved, but shown to the reviewer with the reason (异常波动). */
export interface FigureProblem {
  field: string;
  severity: 'error' | 'flag';
  message: string;
}

export interface FigureResult {
  value: Decimal | null;
  problems: FigureProblem[];
}

/** How far from its history a figure may go before it is flagged; the office may tune it. */
export interface OutlierRule {
  /** Months of history needed before anything is judged an outlier. */
  minHistory: number;
  /** Cumulative: this month's increase above `factor` × the average monthly increase so far. */
  /** Rate/growth: further than `factor` × the historical range (at least 1) outside that range. A whole number. */
  factor: number;
}

export const DEFAULT_OUTLIER_RULE: OutlierRule = { minHistory: 3, factor: 4 };

/** Display form: two places at most, trailing zeros dropped (100 stays 100, 2.50 becomes 2.5). */
const show = (m: Micro | Ratio) => shownRatio(typeof m === 'number' ? ratioOf(m) : m);

/**
 * Checks one figure of a monthly report (DESIGN §3.1 inputs): a number, within range, not negative
 * where the indicator forbids it, a cumulative value not below last month's, and not far outside the
 * unit's own history (flagged, not refused: a big contract can land in one month).
 */
export function checkFigure(
  ind: FigureIndicator,
  input: FigureInput,
  rule: OutlierRule = DEFAULT_OUTLIER_RULE,
): FigureResult {
  const field = ind.name;
  const raw = input.raw === null ? '' : String(input.raw).trim();
  if (raw === '') return { value: null, problems: [] };
  let v: Micro;
  try {
    v = parseDecimal(raw.replace(/,/g, ''), field);
  } catch (e) {
    if (e instanceof ScoringInputError)
      return {
        value: null,
        problems: [
          {
            field,
            severity: 'error',
            message: `${field}：${e.reason.replace(/^“.*”不是有效的数值$/, `“${raw}”不是数字，请填写数值`)}`,
          },
        ],
      };
    throw e;
  }
  if (v < 0 && !ind.allowNegative)
    return {
      value: null,
      problems: [{ field, severity: 'error', message: `${field}：不能为负数（填写的是 ${raw}）` }],
    };
  const history = input.history.map((h, i) => parseDecimal(h, `${field}.history[${i}]`));
  const last = history.at(-1);
  if (ind.kind === 'cumulative' && last !== undefined && v < last) {
    return {
      value: null,
      problems: [
        { field, severity: 'error', message: `${field}：累计值 ${show(v)} 小于上期累计 ${show(last)}，累计数不能减少` },
      ],
    };
  }
  const flag = outlier(ind, v, history, rule);
  return {
    value: toDecimal(v),
    problems: flag === null ? [] : [{ field, severity: 'flag', message: `${field}：${flag}，请核实` }],
  };
}

function outlier(ind: FigureIndicator, v: Micro, history: readonly Micro[], rule: OutlierRule): string | null {
  if (history.length < rule.minHistory) return null;
  if (ind.kind === 'cumulative') {
    const last = history.at(-1) ?? 0;
    // Increases month by month, the first counted from zero (the year starts at nothing); the mean
    // last / n is kept exact: increase > factor × last / n ⟺ increase × n > factor × last.
    const n = history.length;
    const increase = v - last;
    if (last <= 0 || BigInt(increase) * BigInt(n) <= BigInt(last) * BigInt(rule.factor)) return null;
    return `本期新增 ${show(increase)}，超过此前月均新增 ${show(ratio(last, n))} 的 ${rule.factor} 倍`;
  }
  const lo = Math.min(...history);
  const hi = Math.max(...history);
  const span = Math.max(hi - lo, 1_000_000);
  const reach = mulDiv(span, rule.factor, 1);
  if (v <= hi + reach && v >= lo - reach) return null;
  return `${show(v)} 远超此前各月 ${show(lo)} 至 ${show(hi)} 的范围`;
}

/**
 * The form's starting values (最多报一次): a cumulative indicator starts from last period's figure, so the
 * reporter only updates what moved; rates and growth are asked fresh. Values already saved win.
 */
export function prefillFigures<K extends string | number>(
  indicators: readonly { id: K; kind: IndicatorKind }[],
  previous: ReadonlyMap<K, Decimal>,
  saved: ReadonlyMap<K, Decimal>,
): Map<K, { value: Decimal | null; prefilled: boolean }> {
  const out = new Map<K, { value: Decimal | null; prefilled: boolean }>();
  for (const ind of indicators) {
    const own = saved.get(ind.id);
    if (own !== undefined) out.set(ind.id, { value: own, prefilled: false });
    else if (ind.kind === 'cumulative' && previous.has(ind.id))
      out.set(ind.id, { value: previous.get(ind.id)!, prefilled: true });
    else out.set(ind.id, { value: null, prefilled: false });
  }
  return out;
}

/** Checks a whole form at once; `complete` demands every figure (on submit), not just valid ones (on save). */
export function checkReportFigures<K extends string | number>(
  rows: readonly { id: K; indicator: FigureIndicator; input: FigureInput }[],
  complete: boolean,
  rule: OutlierRule = DEFAULT_OUTLIER_RULE,
): { values: Map<K, Decimal | null>; errors: FigureProblem[]; flags: Map<K, string> } {
  const values = new Map<K, Decimal | null>();
  const errors: FigureProblem[] = [];
  const flags = new Map<K, string>();
  for (const row of rows) {
    const r = checkFigure(row.indicator, row.input, rule);
    values.set(row.id, r.value);
    for (const p of r.problems) {
      if (p.severity === 'error') errors.push(p);
      else flags.set(row.id, p.message);
    }
    if (complete && r.value === null && r.problems.length === 0)
      errors.push({
        field: row.indicator.name,
        severity: 'error',
        message: `${row.indicator.name}：未填写，报送前须填写全部指标`,
      });
  }
  return { values, errors, flags };
}
