import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../../lib/session';
import { api, ApiError, setCsrfToken } from '../../lib/api';
import { sharedKeys } from '../../lib/query-keys';

export type { Me };

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
