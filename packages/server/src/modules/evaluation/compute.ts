import { createHash } from 'node:crypto';
import {
  ScoringInputError,
  canonicalJson,
  compositeSchemeOf,
  evaluateComposite,
  linesOf,
  parseExactText,
  rankBands,
  type CategoryLines,
  type CompositeCategoryResult,
  type CompositeInput,
  type RankBand,
  type SnapshotInputs,
} from '@leitai/core';
import { AppError } from '../../errors.js';

export const sha256 = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** The composite's input from frozen inputs: exact values back from their text. */
export function compositeInput(inputs: SnapshotInputs): CompositeInput {
  return {
    scheme: compositeSchemeOf(inputs.scheme),
    units: inputs.units.map(({ id, categoryId }) => ({ id, categoryId })),
    values: inputs.values.map((v) => ({
      componentId: v.componentId,
      unitId: v.unitId,
      value: v.value === null ? null : parseExactText(v.value),
      source: { type: 'component', id: `${v.componentId}/${v.unitId}` },
    })),
    adjustments: inputs.adjustments.map(({ id, unitId, amount }) => ({ id, unitId, amount })),
    previous: inputs.previous,
  };
}

/** A scheme or figures the rules refuse are the office's to fix: a 422 naming the item, not a 500. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ScoringInputError)
      throw new AppError('RULE_VIOLATION', `考核方案或数据不符合规则：${err.message}`, { item: err.item });
    throw err;
  }
}

/** The evaluation's lines (no explanation trees), and their hash: what a snapshot stores. */
export function computeLines(inputs: SnapshotInputs): { lines: CategoryLines[]; hash: string } {
  const lines = guarded(() => linesOf(evaluateComposite(compositeInput(inputs), { explain: false })));
  return { lines, hash: sha256(lines) };
}

/** The full result with explanation trees, for the units someone opens. */
export const explainedResult = (inputs: SnapshotInputs): CompositeCategoryResult[] =>
  guarded(() => evaluateComposite(compositeInput(inputs)));

/**
 * Rank bands evaluate the whole scheme a dozen times over; a snapshot never changes, so each is computed
 * once per process and kept (the last few, as the office opens them again and again).
 */
const bandCache = new Map<number, RankBand[]>();
export function bandsOf(snapshotId: number, inputs: SnapshotInputs): RankBand[] {
  let bands = bandCache.get(snapshotId);
  if (!bands) {
    bands = guarded(() => rankBands(compositeInput(inputs)));
    bandCache.set(snapshotId, bands);
    if (bandCache.size > 16) bandCache.delete(bandCache.keys().next().value as number);
  }
  return bands;
}
