import { useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey, meQuery } from './api/get-me';

export { SessionProvider, useMe, useCan, type Me } from '../lib/session';

export function useMeQuery() {
  return useQuery(meQuery());
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meKey });
}
