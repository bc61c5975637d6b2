import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@leitai/core';
import { meKey, meQuery, type Me } from './api/get-me';

export type { Me };

const SessionContext = createContext<Me | null>(null);

export function useMeQuery() {
  return useQuery(meQuery());
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
  return () => client.invalidateQueries({ queryKey: meKey });
}
