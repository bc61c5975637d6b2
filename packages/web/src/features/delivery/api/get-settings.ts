import { queryOptions } from '@tanstack/react-query';
import type { QuietRules } from '@leitai/core';
import { api } from '../../../lib/api';
import { deliveryKey } from './keys';

export const getDeliverySettings = () => api.get<{ quiet: QuietRules }>('/delivery/settings');
export const deliverySettingsQuery = () =>
  queryOptions({ queryKey: [...deliveryKey, 'settings'], queryFn: getDeliverySettings });
export const saveDeliverySettings = (s: { quiet: QuietRules }) =>
  api.put<{ quiet: QuietRules }>('/delivery/settings', s);
