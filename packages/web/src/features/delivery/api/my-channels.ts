import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface MyChannels {
  phone: string | null;
  smsOn: boolean;
  email: string | null;
  emailOn: boolean;
  /** Which channels this deployment can deliver. */
  available: { sms: boolean; email: boolean };
}

export const myChannelsKey = ['my-channels'] as const;
export const getMyChannels = () => api.get<MyChannels>('/notifications/channels');
export const myChannelsQuery = () => queryOptions({ queryKey: myChannelsKey, queryFn: getMyChannels });
export const saveMyChannels = (c: Omit<MyChannels, 'available'>) => api.put<MyChannels>('/notifications/channels', c);
