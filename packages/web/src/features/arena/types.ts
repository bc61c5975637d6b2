import type { ArenaStatus, ContestantPhase } from '@leitai/core';

/** The server's shapes are declared once, in core's contracts. */
export type { ArenaDetail, ArenaResult, ArenaStatus, ArenaSummary, JudgeStatus, LiveSnapshot } from '@leitai/core';
export type Phase = ContestantPhase;

export const PHASE_COLOR: Record<Phase, string> = {
  waiting: 'default',
  presenting: 'processing',
  scoring: 'warning',
  closed: 'purple',
  revealed: 'success',
};
export const STATUS_COLOR: Record<ArenaStatus, string> = { draft: 'default', live: 'red', finished: 'green' };

/**
 * A shown figure as the server sent it (`scoreShown`…: two places, rounded once from the exact value),
 * or a dash. Never round the six-place `score` here: that would round a rounded figure.
 */
export const fmt = (v: string | null | undefined): string => v ?? '—';
