import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { deliveryKey } from './keys';

export interface Robot {
  id: number;
  unitId: number;
  unitName: string;
  kind: 'wecom' | 'dingtalk';
  name: string;
  /** Masked by the server: where it points, never the key. */
  webhook: string;
  hasSecret: boolean;
  keywords: string[];
  enabled: boolean;
}

export const getRobots = () => api.get<{ items: Robot[] }>('/delivery/robots');
export const robotsQuery = () => queryOptions({ queryKey: [...deliveryKey, 'robots'], queryFn: getRobots });
