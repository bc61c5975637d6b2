import { queryOptions } from '@tanstack/react-query';
import type { JudgeState, JudgingArena } from '@leitai/core';
import { api } from '../../../lib/api';

export type { JudgingArena };

/** A judge's home: the arenas the signed-in account judges, today's first, each with what to do next. */
export const judgingKey = ['judging'] as const;
export const getJudging = () => api.get<JudgingArena[]>('/judging');
export const judgingQuery = () => queryOptions({ queryKey: judgingKey, queryFn: getJudging });

/** An account judge scores with its session (cookie + CSRF), not a device token. */
export const getAccountJudgeState = (arenaId: number) => api.get<JudgeState>(`/judging/${arenaId}/state`);
export const submitAccountScore = (
  arenaId: number,
  contestantId: number,
  criteria: Record<string, number>,
  reason: string | null,
) => api.put<{ total: string }>(`/judging/${arenaId}/scores/${contestantId}`, { criteria, reason });
