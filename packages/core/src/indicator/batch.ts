import { ONE, mulDiv, roundDiv, type Micro } from '../number/index.js';
import type { ParsedCurveSettings } from './curve.js';

/**
 * Columnar indicator scores for large batches (monthly dispatch, province benchmark): the same
 * default curve as `indicatorScore`, weight × the exact share rounded once, on micro values in typed
 * arrays, with no allocation per row.
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
    const w = weight[i] as Micro;
    if (x >= s * top) out[i] = w;
    else if (x >= s * b) out[i] = weighted(w, settings.baseShare, ONE - settings.baseShare, x - s * b, s * top - s * b);
    else if (x >= s * f) out[i] = weighted(w, 0, hasStretch ? settings.baseShare : ONE, x - s * f, s * b - s * f);
    else out[i] = 0;
  }
}

// A float candidate errs by a few ulps (five roundings); a margin of 1e-15 of the value covers it.
const MARGIN = 1e-15;

/**
 * round(w × (a + c × n / d) / ONE): the weight times the exact share a + c·n/d (micro), rounded once,
 * as `indicatorScore` does. A float candidate unless it lies within its error of a half, then BigInt.
 * All terms are non-negative here (n, d oriented along the curve).
 */
function weighted(w: number, a: number, c: number, n: number, d: number): Micro {
  const y = (w * (a + (c * n) / d)) / ONE;
  const r = Math.floor(y + 0.5);
  const f = y + 0.5 - r;
  const e = y * MARGIN;
  if (f > e && f < 1 - e && y < 2 ** 51) return r;
  return roundDiv(BigInt(w) * (BigInt(a) * BigInt(d) + BigInt(c) * BigInt(n)), BigInt(d) * BigInt(ONE));
}
