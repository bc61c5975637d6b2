import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { sharedKeys } from '../../../lib/query-keys';

export interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export const notificationsKey = sharedKeys.notifications;
export const getNotifications = () => api.get<{ items: Notice[]; unread: number }>('/notifications?limit=20');
export const notificationsQuery = () =>
  queryOptions({ queryKey: notificationsKey, queryFn: getNotifications, refetchInterval: 60_000 });
