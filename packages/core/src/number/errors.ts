/**
 * A rule's input is wrong: a score above its maximum, weights that do not add up, a zero target…
 * `item` names the offending thing as a path (e.g. `scores[j07→c03].criteria.实绩`), `message`
 * says what is wrong in Chinese for the person who entered it. Never a silent clamp.
 */
export class ScoringInputError extends Error {
  readonly code = 'SCORING_INPUT_INVALID';
  constructor(
    readonly item: string,
    readonly reason: string,
  ) {
    super(`${item}：${reason}`);
    this.name = 'ScoringInputError';
  }
}

/** Throws a ScoringInputError unless `ok`. */
export function check(ok: boolean, item: string, reason: string): asserts ok {
  if (!ok) throw new ScoringInputError(item, reason);
}
