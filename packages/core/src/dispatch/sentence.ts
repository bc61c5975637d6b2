import { ONE, compareRatio, parseDecimal, ratio, ratioOf, shownRatio, ZERO_RATIO } from '../number/index.js';
import { paceWarning, type IndicatorKind, type PaceWarning, type PaceWarningInput } from '../pace/warning.js';

/** One indicator's figure against pace, as the form has it: what the generated 进展 sentence speaks of. */
export interface SentenceRow {
  name: string;
  measure: string;
  kind: IndicatorKind;
  /** The base annual target (exact decimal text). */
  base: string;
  /** The light the figure gets (core's paceWarning, as the board computes it); null when no figure is typed. */
  warning: PaceWarning | null;
}

/** "1—5月" for a cumulative figure from January, "1月" in January itself, "5月" for a month's own value. */
const span = (month: number, cumulative: boolean) => (cumulative && month > 1 ? `1—${month}月` : `${month}月`);

function clause(month: number, r: SentenceRow): string | null {
  const w = r.warning;
  if (!w || w.actual === null || w.shown.actual === null) return null;
  const unit = r.measure;
  if (r.kind !== 'cumulative')
    return `${span(month, false)}${r.name}${w.shown.actual}${unit}（目标${shownRatio(ratioOf(parseDecimal(r.base, r.name)))}${unit}）`;
  // Share of the annual target, exact, rounded once here to be shown.
  const achieved = shownRatio(
    ratio(BigInt(parseDecimal(w.actual, r.name)) * BigInt(100 * ONE), parseDecimal(r.base, r.name)),
  );
  const head = `${span(month, true)}完成${r.name}${w.shown.actual}${unit}，完成年度目标的${achieved}%`;
  if (w.gapPoints !== null && w.shown.gapPoints !== null) {
    const gap = parseDecimal(w.gapPoints, r.name);
    const shownGap = w.shown.gapPoints.replace(/^-/, '');
    // Even with pace when the gap shows as 0 (the words follow what is printed).
    if (shownGap === '0' || compareRatio(ratioOf(gap), ZERO_RATIO) === 0) return `${head}，与序时进度持平`;
    return gap > 0 ? `${head}，落后序时进度${shownGap}个百分点` : `${head}，超序时进度${shownGap}个百分点`;
  }
  return w.shown.ratioPercent === null ? head : `${head}，为序时进度的${w.shown.ratioPercent}%`;
}

/**
 * The first sentence of 工作进展, written from the figures (最多报一次: a figure is typed once, the text
 * follows it), e.g. "1—5月完成固定资产投资12.3亿元，完成年度目标的45.6%，超序时进度3.9个百分点。" Indicators
 * without a figure are left out; nothing typed gives an empty sentence.
 */
export function progressSentence(month: number, rows: readonly SentenceRow[]): string {
  const parts = rows.map((r) => clause(month, r)).filter((c): c is string => c !== null);
  return parts.length === 0 ? '' : `${parts.join('；')}。`;
}

/**
 * The 进展 text after the figures changed: the generated sentence is replaced where the text still starts
 * with the one generated before; an empty text gets the new one; a text whose opening the person rewrote is
 * left as it is. What was typed after the sentence is always kept.
 */
export function refreshProgress(text: string, previous: string, next: string): string {
  if (text.trim() === '') return next;
  if (previous !== '' && text.startsWith(previous)) return next + text.slice(previous.length);
  return text;
}

/**
 * The light a figure being typed will get once accepted: the board's own rule (paceWarning) on the text as
 * typed (thousands commas allowed, as the form's check allows them). Null while blank or not yet a number.
 */
export function liveWarning(
  input: Omit<PaceWarningInput, 'actual' | 'deadlinePassed'>,
  raw: string,
): PaceWarning | null {
  const text = raw.replace(/,/g, '').trim();
  if (text === '') return null;
  try {
    return paceWarning({ ...input, actual: text, deadlinePassed: false });
  } catch {
    // Half-typed ("12.", "-") or out of range: no light until it is a figure the form would take.
    return null;
  }
}
