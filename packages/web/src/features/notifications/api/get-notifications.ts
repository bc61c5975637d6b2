import { queryOptions } from '@tanstack/react-query';
import type { Channel } from '@leitai/core';
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
  /** Where the notice went outside the app, and how that went. */
  receipts: Receipt[];
}

export interface Receipt {
  channel: Channel;
  state: 'pending' | 'sent' | 'failed';
  at: string | null;
  digest: boolean;
}

export const notificationsKey = sharedKeys.notifications;
export const getNotifications = () => api.get<{ items: Notice[]; unread: number }>('/notifications?limit=20');
export const notificationsQuery = () =>
  queryOptions({ queryKey: notificationsKey, queryFn: getNotifications, refetchInterval: 60_000 });
