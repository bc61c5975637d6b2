import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission, Role } from '@leitai/core';
import { api, ApiError, setCsrfToken } from '../lib/api';
import { sharedKeys } from '../lib/query-keys';

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

const SessionContext = createContext<Me | null>(null);

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

export function useMeQuery() {
  return useQuery({ queryKey: sharedKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user inside the app shell (never null there). */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}

export const useCan = () => {
  const me = useMe();
  return (permission: Permission) => me.permissions.includes(permission);
};

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sharedKeys.me });
}
