import { queryOptions } from '@tanstack/react-query';
import type { Role } from '@leitai/core';
import { api } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import type { User } from '../types';

export interface UsersFilter {
  q?: string;
  unitId?: number;
  role?: Role;
  page: number;
}

/** Every page of every filter (what a change refreshes). */
export const usersKey = ['admin', 'users'] as const;
export const getUsers = (filter: UsersFilter, pageSize: number) =>
  api.get<{ items: User[]; total: number }>(`/users${queryString({ ...filter, pageSize })}`);
export const usersQuery = (filter: UsersFilter, pageSize: number) =>
  queryOptions({
    queryKey: [...usersKey, filter],
    queryFn: () => getUsers(filter, pageSize),
    placeholderData: (previous) => previous,
  });
