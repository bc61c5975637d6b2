import { api } from '../../../lib/api';
import type { AdminRequest } from '../types';

export const adminRequestsKey = ['admin', 'admin-requests'] as const;

export const adminRequestsQuery = () => ({
  queryKey: adminRequestsKey,
  queryFn: () => api.get<{ items: AdminRequest[] }>('/users/admin-requests'),
});

/** The security admin's decision; an approved new account or reset answers with its one-time password. */
export const decideAdminRequest = (id: number, approve: boolean, reason: string) =>
  api.post<{
    state: 'approved' | 'refused';
    temporaryPassword?: string;
    account?: { username: string; displayName: string };
  }>(`/users/admin-requests/${id}/decide`, {
    approve,
    reason,
  });
