import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** Locked per account and address, so one address cannot lock a user out everywhere. */
export interface Lock {
  username: string;
  address: string;
  failures: number;
  until: string;
}

export const locksKey = ['security', 'locks'] as const;
export const getLocks = () => api.get<{ items: Lock[] }>('/security/locks');
export const locksQuery = () => queryOptions({ queryKey: locksKey, queryFn: getLocks, refetchInterval: 30_000 });
