import { ONE, mulDiv, type Micro } from '../number/index.js';
import type { ParsedCurveSettings } from './curve.js';

/**
 * Columnar indicator scores for large batches (monthly dispatch, province benchmark): the same
 * default curve as `indicatorScore`, on micro values in typed arrays, with no allocation per row.
 * A test proves it equals `indicatorScore` row by row. `stretch`/`floor` hold NaN for "none".
 * Rows must be valid (stretch ≥ base etc.); validate targets once when they are set, not here.
 */
export interface IndicatorBatch {
  weight: Float64Array;
  base: Float64Array;
  stretch: Float64Array;
  floor: Float64Array;
  lowerIsBetter: Uint8Array;
  actual: Float64Array;
}

export function indicatorScoresBatch(
  rows: IndicatorBatch,
  settings: ParsedCurveSettings,
  out: Float64Array,
  count = rows.actual.length,
): void {
  const { weight, base, stretch, floor, lowerIsBetter, actual } = rows;
  for (let i = 0; i < count; i += 1) {
    const lower = lowerIsBetter[i] === 1;
    const s = lower ? -1 : 1;
    const b = base[i] as Micro;
    const st = stretch[i] as number;
    const fl = floor[i] as number;
    const f =
      fl === fl ? fl : lower ? b + (b - mulDiv(b, settings.floorRatio, ONE)) : mulDiv(b, settings.floorRatio, ONE);
    const x = s * (actual[i] as Micro);
    const hasStretch = st === st;
    const top = hasStretch ? st : b;
    let share: Micro;
    if (x >= s * top) share = ONE;
    else if (x >= s * b) share = settings.baseShare + mulDiv(ONE - settings.baseShare, x - s * b, s * top - s * b);
    else if (x >= s * f) share = mulDiv(hasStretch ? settings.baseShare : ONE, x - s * f, s * b - s * f);
    else share = 0;
    out[i] = mulDiv(weight[i] as Micro, share, ONE);
  }
}
