import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Board } from '@leitai/core';
import { api } from '../../../lib/api';
import { dispatchKey } from './keys';

export interface BoardFilter {
  period: string;
  categoryId?: number | undefined;
  indicatorId?: number | undefined;
  /** Only rows waiting for review or missing past the deadline (the server filters: the home page's counts). */
  report?: 'submitted' | 'missing' | undefined;
}

/** The board's filter as a query string (the export takes the same). */
export const boardParams = (p: BoardFilter) => {
  const q = new URLSearchParams({ period: p.period });
  if (p.categoryId) q.set('categoryId', String(p.categoryId));
  if (p.indicatorId) q.set('indicatorId', String(p.indicatorId));
  if (p.report) q.set('report', p.report);
  return q.toString();
};

type MaybeFilter = Omit<BoardFilter, 'period'> & { period: string | undefined };
export const boardKey = (campaignId: number | undefined, p: MaybeFilter) =>
  [...dispatchKey, 'board', campaignId, p] as const;
export const getBoard = (campaignId: number, p: BoardFilter) =>
  api.get<Board>(`/dispatch/campaigns/${campaignId}/board?${boardParams(p)}`);
export const boardQuery = (campaignId: number | undefined, p: MaybeFilter) =>
  queryOptions({
    queryKey: boardKey(campaignId, p),
    enabled: campaignId !== undefined && p.period !== undefined,
    queryFn: () => getBoard(campaignId!, { ...p, period: p.period! }),
  });
export const useBoard = (campaignId: number | undefined, p: MaybeFilter) => useQuery(boardQuery(campaignId, p));
