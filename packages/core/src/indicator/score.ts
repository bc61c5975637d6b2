import { exactParam, explain, type Explanation } from '../explain/index.js';
import {
  ONE,
  check,
  parseDecimal,
  ratio,
  roundRatio,
  toDecimal,
  type Decimal,
  type DecimalInput,
} from '../number/index.js';
import { curveOf, parseCurveSettings, readCurveExact, targetCurve, type Curve, type CurveSettings } from './curve.js';

export interface IndicatorScoreInput {
  /** Names the unit and indicator in errors and explanations, e.g. "商务局/新签约亿元以上项目". */
  item: string;
  /** Points the indicator is worth. */
  weight: DecimalInput;
  lowerIsBetter?: boolean;
  base: DecimalInput;
  /** Stretch target (冲刺目标); without one, base earns the full weight. */
  stretch?: DecimalInput | null;
  /** Value scoring 0; default `floorRatio` × base (mirrored when lower is better). */
  floor?: DecimalInput | null;
  curve?: CurveSettings;
  /** Explicit curve (value → share of weight), replacing floor/base/stretch. */
  points?: readonly { label?: string; value: DecimalInput; share: DecimalInput }[];
  actual: DecimalInput;
}

export interface IndicatorScore {
  score: Decimal;
  /** Share of the weight earned, 0–1. */
  share: Decimal;
  /** The curve segment used: the labels of the points it lies between (`to` null when flat). */
  segment: { from: string | null; to: string | null };
  explanation: Explanation;
}

/** Builds and validates the curve for one unit × indicator. */
export function indicatorCurve(input: Omit<IndicatorScoreInput, 'weight' | 'actual'>): Curve {
  const { item } = input;
  const lower = input.lowerIsBetter === true;
  if (input.points) {
    const pts = input.points.map((p, i) => {
      const label = p.label ?? `point${i + 1}`;
      return {
        label,
        value: parseDecimal(p.value, `${item}.points[${label}].value`),
        share: parseDecimal(p.share, `${item}.points[${label}].share`),
      };
    });
    return curveOf(pts, lower, `${item}.points`);
  }
  const base = parseDecimal(input.base, `${item}.base`);
  const stretch = input.stretch == null ? null : parseDecimal(input.stretch, `${item}.stretch`);
  const floor = input.floor == null ? null : parseDecimal(input.floor, `${item}.floor`);
  if (stretch !== null) {
    const ok = lower ? stretch <= base : stretch >= base;
    check(ok, `${item}.stretch`, lower ? '越低越好的指标，冲刺目标不能高于基本目标' : '冲刺目标不能低于基本目标');
  }
  if (floor !== null) {
    const ok = lower ? floor >= base : floor <= base;
    check(ok, `${item}.floor`, lower ? '越低越好的指标，保底值不能低于基本目标' : '保底值不能高于基本目标');
  }
  return targetCurve(
    { base, stretch, floor, lowerIsBetter: lower },
    parseCurveSettings(input.curve, `${item}.curve`),
    item,
  );
}

/** The indicator score of DESIGN §3.2: weight × the curve's share at the actual. */
export function indicatorScore(input: IndicatorScoreInput): IndicatorScore {
  const { item } = input;
  const weight = parseDecimal(input.weight, `${item}.weight`);
  check(weight >= 0, `${item}.weight`, '权重不能为负');
  const curve = indicatorCurve(input);
  const actual = parseDecimal(input.actual, `${item}.actual`);
  // weight × the exact share, rounded once: the share is no decimal in general (2/3 of a segment).
  const reading = readCurveExact(curve, actual);
  const exact = ratio(BigInt(weight) * reading.share.n, reading.share.d * BigInt(ONE));
  const score = roundRatio(exact);
  const share = toDecimal(roundRatio(reading.share));
  const label = (i: number | null): string | null => (i === null || i < 0 ? null : (curve.points[i]?.label ?? null));
  const segment = { from: label(reading.from), to: label(reading.to) };
  const explanation = explain(
    'indicator.score',
    score,
    {
      weight: toDecimal(weight),
      share,
      lowerIsBetter: curve.sign === -1,
      segmentFrom: segment.from,
      segmentTo: segment.to,
      ...exactParam(reading.share, 'shareExact'),
      ...exactParam(exact),
    },
    [
      explain('indicator.actual', actual, {}, [], { type: 'report', id: item }),
      ...curve.points.map((p) =>
        explain('indicator.curvePoint', p.value, { label: p.label, share: toDecimal(p.share) }, [], {
          type: 'target',
          id: item,
        }),
      ),
    ],
  );
  return { score: toDecimal(score), share, segment, explanation };
}
