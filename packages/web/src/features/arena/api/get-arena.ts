import { queryOptions } from '@tanstack/react-query';
import type { ArenaDetail } from '@leitai/core';
import { api } from '../../../lib/api';

/** The host's view of one arena; the live run comes over its event stream (`eventsUrl`). */
export const arenaKey = (id: number) => ['arena', id] as const;
export const getArena = (id: number) => api.get<ArenaDetail>(`/arenas/${id}`);
export const arenaQuery = (id: number) =>
  queryOptions({ queryKey: arenaKey(id), queryFn: () => getArena(id), refetchInterval: 10_000 });
export const eventsUrl = (id: number) => `/api/arenas/${id}/events`;
