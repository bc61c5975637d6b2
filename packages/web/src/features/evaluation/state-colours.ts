import type { EvaluationState } from '@leitai/core';

/** Tag colours by state: how it looks, not what it means (the words are the server's). */
export const STATE_COLOURS: Record<EvaluationState, string> = {
  draft: 'blue',
  closed: 'processing',
  comment: 'warning',
  final: 'success',
};
