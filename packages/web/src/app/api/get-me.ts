import { queryOptions } from '@tanstack/react-query';
import type { Permission, Role } from '@leitai/core';
import { api, ApiError, setCsrfToken } from '../../lib/api';
import { sharedKeys } from '../../lib/query-keys';

export interface Me {
  user: {
    id: number;
    username: string;
    displayName: string;
    unitId: number;
    unitName: string;
    roles: Role[];
    mustChangePassword: boolean;
  };
  permissions: Permission[];
  csrfToken: string;
}

/** The signed-in user, or null. A 401 is an answer ("nobody"), not an error. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const meKey = sharedKeys.me;
export const meQuery = () => queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
