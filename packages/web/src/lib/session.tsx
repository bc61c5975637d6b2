import { createContext, useContext, type ReactNode } from 'react';
import type { Permission, Role } from '@leitai/core';

/**
 * The signed-in user as every page sees it. The shell (app/) fetches it and provides it; features and
 * pages only read it, so they never import the shell.
 */
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

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user inside the app shell (never null there). */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}

/** Does the user hold the permission (the server's list; the server still checks every call)? */
export const useCan = () => {
  const me = useMe();
  return (permission: Permission) => me.permissions.includes(permission);
};
