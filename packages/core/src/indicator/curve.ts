import {
  ONE,
  check,
  mulDiv,
  parseDecimal,
  ratio,
  ratioOf,
  type DecimalInput,
  type Micro,
  type Ratio,
} from '../number/index.js';

/** Scheme settings of the default curve (DESIGN §3.2). */
export interface CurveSettings {
  /** Floor as a fraction of base when no floor is given: 0.6 (mirrored to 1.4 × base when lower is better). */
  floorRatio: DecimalInput;
  /** Share of the weight earned at base: 0.8. (Floor earns 0, stretch 1.) */
  baseShare: DecimalInput;
}
export const DEFAULT_CURVE: CurveSettings = { floorRatio: '0.6', baseShare: '0.8' };

export interface ParsedCurveSettings {
  floorRatio: Micro;
  baseShare: Micro;
}

export function parseCurveSettings(s: CurveSettings = DEFAULT_CURVE, item = 'curve'): ParsedCurveSettings {
  const floorRatio = parseDecimal(s.floorRatio, `${item}.floorRatio`);
  const baseShare = parseDecimal(s.baseShare, `${item}.baseShare`);
  check(floorRatio >= 0 && floorRatio <= ONE, `${item}.floorRatio`, '保底比例须在 0 到 1 之间');
  check(baseShare >= 0 && baseShare <= ONE, `${item}.baseShare`, '基本目标得分比例须在 0 到 1 之间');
  return { floorRatio, baseShare };
}

/** One point of a piecewise-linear curve: at `value` the indicator earns `share` of its weight. */
export interface CurvePoint {
  label: string;
  value: Micro;
  share: Micro;
}

/**
 * A validated curve. Values rise along `points` on the oriented axis (`sign` = −1 mirrors
 * "lower is better" by negating values); shares never fall and stay within [0, 1].
 */
export interface Curve {
  sign: 1 | -1;
  points: readonly CurvePoint[];
}

export function curveOf(points: readonly CurvePoint[], lowerIsBetter: boolean, item: string): Curve {
  const sign = lowerIsBetter ? -1 : 1;
  check(points.length >= 2, item, '得分曲线至少需要 2 个点');
  points.forEach((p, i) => {
    const prev = points[i - 1];
    check(p.share >= 0 && p.share <= ONE, `${item}.${p.label}`, '得分比例须在 0 到 1 之间');
    if (prev) {
      const ok = sign * p.value >= sign * prev.value;
      check(
        ok,
        `${item}.${p.label}`,
        lowerIsBetter ? `越低越好的指标，${p.label} 不能高于 ${prev.label}` : `${p.label} 不能低于 ${prev.label}`,
      );
      check(p.share >= prev.share, `${item}.${p.label}`, '得分比例不能随完成值提高而下降');
    }
  });
  return { sign, points };
}

/** Labels of the default curve's points, in order. */
export const FLOOR = 'floor';
export const BASE = 'base';
export const STRETCH = 'stretch';

/**
 * The default curve from a unit's targets: floor → 0, base → baseShare, stretch → 1.
 * Without a stretch target, base is also the stretch: the curve climbs from floor to 100 % at base.
 */
export function targetCurve(
  t: { base: Micro; stretch: Micro | null; floor: Micro | null; lowerIsBetter: boolean },
  settings: ParsedCurveSettings,
  item: string,
): Curve {
  const floor =
    t.floor ??
    (t.lowerIsBetter
      ? t.base + (t.base - mulDiv(t.base, settings.floorRatio, ONE))
      : mulDiv(t.base, settings.floorRatio, ONE));
  const points: CurvePoint[] = [{ label: FLOOR, value: floor, share: 0 }];
  if (t.stretch === null) points.push({ label: BASE, value: t.base, share: ONE });
  else
    points.push(
      { label: BASE, value: t.base, share: settings.baseShare },
      { label: STRETCH, value: t.stretch, share: ONE },
    );
  return curveOf(points, t.lowerIsBetter, item);
}

/**
 * The share earned by `actual`, exactly (micro-units of 1): flat outside the points, linear in between.
 * `from` is the index of the point at or below the actual on the oriented axis (−1 below the first),
 * `to` the next point when interpolating (null when flat). Never rounded: a share of 13/15 times a
 * weight of 30 is 26, where the share rounded first gives 26.00001 (issue 12).
 */
export function readCurveExact(curve: Curve, actual: Micro | Ratio): { share: Ratio; from: number; to: number | null } {
  // x = sign × actual as xn / xd (a Ratio's d is > 0): a micro value, or an exact fraction (a sum of scores).
  const a = typeof actual === 'number' ? ratioOf(actual) : actual;
  const xd = a.d;
  const xn = BigInt(curve.sign) * a.n;
  const at = (p: CurvePoint): bigint => BigInt(curve.sign * p.value) * xd;
  const pts = curve.points;
  let from = -1;
  for (let i = 0; i < pts.length; i += 1) if (xn >= at(pts[i] as CurvePoint)) from = i;
  if (from === -1) return { share: ratioOf((pts[0] as CurvePoint).share), from, to: null };
  const p = pts[from] as CurvePoint;
  const q = pts[from + 1];
  if (!q) return { share: ratioOf(p.share), from, to: null };
  const dx = BigInt(curve.sign * q.value - curve.sign * p.value);
  return {
    share: ratio(BigInt(p.share) * dx * xd + BigInt(q.share - p.share) * (xn - at(p)), dx * xd),
    from,
    to: from + 1,
  };
}
